package org.emotiontracking.core.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import org.emotiontracking.core.classify.ClassificationReports;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.data.Sample;
import org.emotiontracking.core.explain.GradCam;
import org.emotiontracking.core.model.EmotionClassifier;
import org.emotiontracking.core.report.ClassificationMetrics;
import org.emotiontracking.core.report.ConfusionMatrix;
import org.emotiontracking.core.report.ConfusionMatrixChart;
import org.emotiontracking.core.report.DistributionChart;
import org.emotiontracking.core.report.PredictionColumn;
import org.emotiontracking.core.report.PredictionLog;
import org.emotiontracking.core.report.PredictionRow;
import org.emotiontracking.core.report.TrainingCurvesChart;
import org.emotiontracking.core.util.ProgressListener;

/**
 * After training: the saved model (loaded back from its archive, exactly as users run it) predicts
 * every dataset image -> prediction log, distribution chart, validation confusion matrix and metrics,
 * training curves.
 */
final class TrainingReport {

	static final class Result {
		final double validationAccuracy;
		final List<String> gradCamFiles;

		Result(final double validationAccuracy, final List<String> gradCamFiles) {
			this.validationAccuracy = validationAccuracy;
			this.gradCamFiles = gradCamFiles;
		}
	}

	private TrainingReport() {}

	static Result write(final TrainingOutputs out, final TrainingData data, final TrainingLoop.Outcome outcome,
		final TrainSettings s, final ProgressListener progress) throws IOException
	{
		final List<String> classes = data.classNames;
		final List<PredictionRow> rows = new ArrayList<>();
		final ConfusionMatrix confusion = new ConfusionMatrix(classes);
		try (EmotionClassifier model = EmotionClassifier.load(out.model());
			PredictionLog log = new PredictionLog(out.file(ClassificationReports.LOG), classes,
				EnumSet.of(PredictionColumn.SUBSET), s.overwrite))
		{
			predict(model, data.train, data.trainSamples, "train", data.root, log, rows, null);
			predict(model, data.validation, data.validationSamples, "validation", s.validation_dataset != null
				? s.validation_dataset : data.root, log, rows, confusion);
		}
		final ClassificationMetrics metrics = new ClassificationMetrics(confusion);
		confusion.writeCsv(out.file(ClassificationReports.CONFUSION_CSV), s.overwrite);
		metrics.writeCsv(out.file(ClassificationReports.METRICS), s.overwrite);
		new ConfusionMatrixChart(confusion).title("Confusion matrix (validation)").writePng(
			out.file(ClassificationReports.CONFUSION_PNG), s.overwrite);
		DistributionChart.fromRows(classes, rows).title("Predicted emotions (" + rows.size() + " images)")
			.writePng(out.file(ClassificationReports.DISTRIBUTION), s.overwrite);
		new TrainingCurvesChart(outcome.history).title("Training history").writePng(out.file(TrainingOutputs.CURVES),
			s.overwrite);
		progress.log(String.format(Locale.ROOT, "Validation accuracy of the saved model: %.4f (%d images)",
			metrics.accuracy(), metrics.total()));
		final List<String> gradcams = s.gradcam ? gradCams(out, data, s.overwrite, progress) : Collections.emptyList();
		return new Result(metrics.accuracy(), gradcams);
	}

	/**
	 * Grad-CAM of the predicted class for the first image (by file name) of each class, as the notebook
	 * did, into gradcam/&lt;class&gt;_&lt;file&gt;_gradcam.png.
	 */
	private static List<String> gradCams(final TrainingOutputs out, final TrainingData data, final boolean overwrite,
		final ProgressListener progress) throws IOException
	{
		final List<String> written = new ArrayList<>();
		final Path folder = Files.createDirectories(out.file(TrainingOutputs.GRADCAM_FOLDER));
		try (GradCam gradCam = GradCam.load(out.model())) {
			final int[] first = firstOfEachClass(data);
			for (int c = 0; c < data.classNames.size(); c++) {
				final int index = first[c];
				if (index < 0) continue;
				final Sample sample = index < data.trainSamples.size() ? data.trainSamples.get(index)
					: data.validationSamples.get(index - data.trainSamples.size());
				final RgbImage image = index < data.train.size() ? data.train.images.get(index)
					: data.validation.images.get(index - data.train.size());
				final String stem = sample.path().getFileName().toString().replaceFirst("\\.[^.]*$", "");
				final Path png = folder.resolve(data.classNames.get(c) + "_" + stem + "_gradcam.png");
				gradCam.writeOverlay(image, -1, png, overwrite);
				written.add(out.folder.relativize(png).toString());
			}
		}
		progress.log("Grad-CAM for the first image of each class in " + folder);
		return written;
	}

	/** Per class, the position (training first, then validation) of its first image by file name; -1 if none. */
	private static int[] firstOfEachClass(final TrainingData data) {
		final int[] best = new int[data.classNames.size()];
		Arrays.fill(best, -1);
		final String[] bestName = new String[best.length];
		final List<Sample> all = new ArrayList<>(data.trainSamples);
		all.addAll(data.validationSamples);
		for (int i = 0; i < all.size(); i++) {
			final int c = all.get(i).classIndex();
			final String name = all.get(i).path().getFileName().toString();
			if (bestName[c] == null || name.compareTo(bestName[c]) < 0) {
				best[c] = i;
				bestName[c] = name;
			}
		}
		return best;
	}

	private static void predict(final EmotionClassifier model, final LabelledImages set, final List<Sample> samples,
		final String subset, final Path root, final PredictionLog log, final List<PredictionRow> rows,
		final ConfusionMatrix confusion) throws IOException
	{
		final List<String> classes = model.classNames();
		for (int from = 0; from < set.size(); from += 256) {
			final int to = Math.min(set.size(), from + 256);
			final float[][] p = model.predict(set.images.subList(from, to));
			for (int i = from; i < to; i++) {
				final double[] probs = new double[p[i - from].length];
				for (int k = 0; k < probs.length; k++) probs[k] = p[i - from][k];
				final String truth = classes.get(set.labels[i]);
				final PredictionRow row = PredictionRow.builder(relative(root, samples.get(i).path())).subset(subset)
					.trueLabel(truth).prediction(classes, probs).build();
				log.append(row);
				rows.add(row);
				if (confusion != null) confusion.add(set.labels[i], EmotionClassifier.argMax(p[i - from]));
			}
		}
	}

	static String relative(final Path root, final Path file) {
		try {
			return root.toAbsolutePath().relativize(file.toAbsolutePath()).toString().replace('\\', '/');
		}
		catch (final IllegalArgumentException e) {
			return file.toString();
		}
	}
}
