package org.emotiontracking.core.model;

import java.io.IOException;

import org.emotiontracking.core.util.Setting;

/**
 * The keys of a command that classifies faces with an {@link EmotionClassifier} (Classify Emotions,
 * Live): the model keys of {@link EmotionModelSettings} plus the inference engine and its threads.
 */
public class InferenceSettings extends EmotionModelSettings {

	@Setting("Inference engine: onnxruntime (faster; models without an ONNX export run on TensorFlow) or tensorflow")
	public InferenceEngine engine = InferenceEngine.DEFAULT;
	@Setting(value = "Threads of the inference engine (0 = all cores, or EMOTION_TRACKING_THREADS)", range = "[0, )")
	public int inference_threads = 0;

	/** The classifier these keys name (model, classes, engine, inference_threads, trust); the caller closes it. */
	public EmotionClassifier loadClassifier() throws IOException {
		return EmotionClassifier.load(model, classes, engine, inference_threads, trust);
	}
}
