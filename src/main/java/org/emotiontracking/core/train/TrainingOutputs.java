package org.emotiontracking.core.train;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.emotiontracking.core.model.ModelArchive;

/** The files Train Emotion Model writes into its output folder. */
public final class TrainingOutputs {

	public static final String HISTORY = "training_history.csv";
	public static final String LOG = "mobilenet_emotion_logs.csv";
	public static final String DISTRIBUTION = "mobilenet_emotion_distribution.png";
	public static final String CONFUSION_CSV = "confusion_matrix.csv";
	public static final String CONFUSION_PNG = "confusion_matrix.png";
	public static final String METRICS = "metrics.csv";
	public static final String CURVES = "training_curves.png";
	public static final String GRADCAM_FOLDER = "gradcam";

	public final Path folder;

	public TrainingOutputs(final Path folder) {
		this.folder = folder;
	}

	public Path model() { return folder.resolve(ModelArchive.DEFAULT_FILE_NAME); }

	public Path file(final String name) { return folder.resolve(name); }

	/** Every fixed output, for the overwrite check before any work starts. */
	public List<Path> all() {
		return Arrays.asList(model(), file(HISTORY), file(LOG), file(DISTRIBUTION), file(CONFUSION_CSV),
			file(CONFUSION_PNG), file(METRICS), file(CURVES));
	}
}
