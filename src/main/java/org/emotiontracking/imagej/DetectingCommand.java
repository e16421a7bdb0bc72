package org.emotiontracking.imagej;

import org.emotiontracking.core.detect.FaceDetectionSettings;
import org.emotiontracking.core.detect.TileMode;
import org.scijava.plugin.Parameter;

/**
 * Base of the commands that find faces (Classify Emotions, Grad-CAM Overlay, Live Webcam): one
 * {@code @Parameter} field per key of {@link FaceDetectionSettings}, declared once here with the
 * core's types and defaults, so that every such command offers the same detection keys with the same
 * defaults and limits.
 *
 * @param <S> the command's settings class, which extends {@link FaceDetectionSettings}
 */
public abstract class DetectingCommand<S extends FaceDetectionSettings> extends EmotionCommand<S> {

	/** The defaults of every key: one place (the core). */
	private static final FaceDetectionSettings DEFAULTS = new FaceDetectionSettings();

	/** blazeface, blazeface-short, haar, or the path of a .xml / .onnx / .tflite detector file. */
	@Parameter(required = false)
	private String detector = DEFAULTS.detector;
	@Parameter(min = "0", max = "1", stepSize = "0.05")
	private double min_confidence = DEFAULTS.min_confidence;
	@Parameter
	private TileMode tiles = DEFAULTS.tiles;
	@Parameter(min = "1.01")
	private double scale_factor = DEFAULTS.scale_factor;
	@Parameter(min = "0")
	private int min_neighbors = DEFAULTS.min_neighbors;
	@Parameter(min = "0")
	private int min_face = DEFAULTS.min_face;
	@Parameter(min = "0")
	private int detection_size = DEFAULTS.detection_size;
	@Parameter(min = "-0.45", max = "2", stepSize = "0.05")
	private double margin = DEFAULTS.margin;
	@Parameter
	private boolean largest = DEFAULTS.largest;
	@Parameter
	private boolean align = DEFAULTS.align;
}
