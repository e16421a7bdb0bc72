package org.emotiontracking.core.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.emotiontracking.core.detect.FaceDetectionSettings;
import org.emotiontracking.core.util.Setting;

/**
 * The keys of a command that runs an emotion model on the faces it finds (Classify Emotions, Grad-CAM
 * Overlay, Live): which model, whether to trust its graph, and the classes of a Keras .h5 model,
 * declared once beside the face-detection keys of {@link FaceDetectionSettings}.
 */
public class EmotionModelSettings extends FaceDetectionSettings {

	@Setting(
		"Model: builtin (the FER2013 model that ships with the plugin; also when empty), a .zip from Train Emotion "
		+ "Model, its unpacked folder, or a Keras .h5")
	public Path model;
	@Setting(
		"Open a model archive even if its graph holds ops this project's models never use (a model is code: only for "
		+ "files you trust)")
	public boolean trust = false;
	@Setting("Class names of a Keras .h5 model in output order, comma-separated (default: the notebook's seven)")
	public List<String> classes = new ArrayList<>();
}
