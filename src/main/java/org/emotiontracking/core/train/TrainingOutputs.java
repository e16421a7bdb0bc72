package org.emotiontracking.core.train;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.emotiontracking.core.classify.ClassificationReports;
import org.emotiontracking.core.model.ModelArchive;

/**
 * The files Train Emotion Model writes into its output folder: the model, its history and curves, and
 * the saved model's predictions on the dataset as the report files of a classification run
 * ({@link ClassificationReports#LOG}, {@link ClassificationReports#DISTRIBUTION},
 * {@link ClassificationReports#CONFUSION_CSV}, {@link ClassificationReports#CONFUSION_PNG},
 * {@link ClassificationReports#METRICS}: the same names and columns).
 */
public final class TrainingOutputs {

	public static final String HISTORY = "training_history.csv";
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
		return Arrays.asList(model(), file(HISTORY), file(ClassificationReports.LOG),
			file(ClassificationReports.DISTRIBUTION), file(ClassificationReports.CONFUSION_CSV),
			file(ClassificationReports.CONFUSION_PNG), file(ClassificationReports.METRICS), file(CURVES));
	}
}
