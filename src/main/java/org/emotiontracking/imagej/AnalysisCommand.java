package org.emotiontracking.imagej;

import org.emotiontracking.core.live.AnalysisSettings;
import org.emotiontracking.core.model.InferenceEngine;
import org.scijava.plugin.Parameter;

/**
 * Base of the commands that classify faces in images and frame by frame in videos (Classify Emotions,
 * Live Webcam): one field per key of {@link AnalysisSettings} (the inference engine and its threads,
 * which frames of a video, for how long, with how much smoothing), declared once here. Their initial
 * values are the defaults of the command's own settings ({@link #newSettings()}, called once while the
 * command is constructed, so it must not read the command's fields: each command has its own default
 * smoothing).
 *
 * @param <S> the command's settings class, which extends {@link AnalysisSettings}
 */
public abstract class AnalysisCommand<S extends AnalysisSettings> extends DetectingCommand<S> {

	/** The defaults of the command's own settings (its newSettings()). */
	private final S defaults = newSettings();

	@Parameter
	private InferenceEngine engine = defaults.engine;
	@Parameter(min = "0")
	private int inference_threads = defaults.inference_threads;
	@Parameter(min = "1")
	private int every = defaults.every;
	@Parameter(min = "0")
	private double start = defaults.start;
	@Parameter(min = "0")
	private double end = defaults.end;
	@Parameter(min = "0")
	private long max_frames = defaults.max_frames;
	@Parameter(min = "0")
	private double duration = defaults.duration;
	@Parameter(min = "0")
	private int smoothing = defaults.smoothing;
}
