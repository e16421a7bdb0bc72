package org.emotiontracking.core.live;

import java.io.IOException;

import org.emotiontracking.core.model.EmotionClassifier;
import org.emotiontracking.core.model.EmotionModelSettings;
import org.emotiontracking.core.model.InferenceEngine;
import org.emotiontracking.core.util.Setting;
import org.emotiontracking.core.video.VideoSelection;

/**
 * The keys of a command that classifies faces with an {@link EmotionClassifier}, in images and frame
 * by frame in videos (Classify Emotions, Live): the model keys of {@link EmotionModelSettings}, the
 * inference engine and its threads, and which frames of a video are analysed, for how long and with
 * how much smoothing. Each command sets its own default smoothing.
 */
public class AnalysisSettings extends EmotionModelSettings {

	@Setting("Inference engine: onnxruntime (faster; models without an ONNX export run on TensorFlow) or tensorflow")
	public InferenceEngine engine = InferenceEngine.DEFAULT;
	@Setting(value = "Threads of the inference engine (0 = all cores, or EMOTION_TRACKING_THREADS)", range = "[0, )")
	public int inference_threads = 0;
	@Setting(value = "Videos: analyse every Nth frame (1 = all)", range = "[1, )")
	public int every = 1;
	@Setting(value = "Videos: start at this time in seconds", range = "[0, )")
	public double start = 0;
	@Setting(value = "Videos: stop at this time in seconds (0 = the end)", range = "[0, )")
	public double end = 0;
	@Setting(value = "Stop after this many analysed frames of each video or camera (0 = no limit)", range = "[0, )")
	public long max_frames = 0;
	@Setting(value =
		"Stop after this many seconds of each video (video time) or camera (wall-clock time); 0 = no limit", range =
		"[0, )")
	public double duration = 0;
	@Setting(value =
		"Average each face's probabilities over its last N analysed frames so labels do not flicker (0 = each frame "
		+ "on its own)", range = "[0, )")
	public int smoothing = 0;

	/** The frames of each video to analyse (every, start, end). */
	public VideoSelection videoSelection() {
		return new VideoSelection(every, start, end);
	}

	/** The classifier these keys name (model, classes, engine, inference_threads, trust); the caller closes it. */
	public EmotionClassifier loadClassifier() throws IOException {
		return EmotionClassifier.load(model, classes, engine, inference_threads, trust);
	}
}
