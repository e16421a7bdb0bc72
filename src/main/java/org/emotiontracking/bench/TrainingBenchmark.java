package org.emotiontracking.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.emotiontracking.core.data.DatasetException;
import org.emotiontracking.core.data.SyntheticFaces;
import org.emotiontracking.core.model.ModelMetadata;
import org.emotiontracking.core.train.TrainSettings;
import org.emotiontracking.core.train.Trainer;
import org.emotiontracking.core.train.TrainingSummary;
import org.emotiontracking.core.util.FileTrees;
import org.emotiontracking.core.util.ProgressListener;

/**
 * Training speed with a frozen base at 224 px, the notebook's recipe, on generated face images
 * (6,220 by default, the notebook's dataset size). Without augmentation all 16 epochs run; with
 * augmentation every epoch costs the same (one base pass per training image), so
 * {@code augmented_epochs} are run and the 16-epoch time is projected from them.
 */
public final class TrainingBenchmark {

	private TrainingBenchmark() {}

	public static List<String> run(final int images, final int epochs, final int augmentedEpochs, final double alpha,
		final ProgressListener log) throws IOException, DatasetException
	{
		final List<String> lines = new ArrayList<>();
		final Path dir = Files.createTempDirectory("emotion-train-bench");
		try {
			final Path data = dir.resolve("faces");
			final int perClass = (images + 6) / 7;
			log.log("Drawing " + perClass * 7 + " synthetic 224 px faces...");
			new SyntheticFaces(224, 1).writeDataset(data, perClass, false, ProgressListener.SILENT);
			final ModelMetadata m = new ModelMetadata();
			m.alpha = alpha;
			m.class_names = ModelMetadata.NOTEBOOK_CLASSES;
			for (final boolean augment : new boolean[] { false, true }) {
				final int n = augment ? augmentedEpochs : epochs;
				final TrainSettings s = new TrainSettings();
				s.dataset = data;
				s.output = dir.resolve(augment ? "out-aug" : "out");
				s.epochs = n;
				s.alpha = alpha;
				s.augment = augment;
				s.gradcam = false;
				final long start = System.nanoTime();
				final TrainingSummary summary = Trainer.train(s, InferenceBenchmark.randomWeights(m), quiet(log));
				final double total = (System.nanoTime() - start) / 1e9;
				final int trained = summary.trainingImages;
				final double perEpoch = summary.trainingSeconds / n;
				final String line = String.format(Locale.ROOT,
					"training   frozen base, 224 px, %s: %d epochs over %d images in %.1f s of training (%.1f s with "
					+ "loading and reports)," + " %.1f training images/s; 16 epochs %s %.1f min", augment
					? "augmentation on " : "no augmentation", n, perClass * 7, summary.trainingSeconds, total,
					trained * n / summary.trainingSeconds, n == 16 ? "took" : "projected:",
					(augment ? perEpoch * 16 : summary.trainingSeconds * 16.0 / n) / 60);
				lines.add(line);
				log.log(line);
			}
		}
		finally {
			FileTrees.deleteQuietly(dir);
		}
		return lines;
	}

	private static ProgressListener quiet(final ProgressListener log) {
		return new ProgressListener() {
			@Override
			public void status(final String message) {
				log.status(message);
			}

			@Override
			public void log(final String message) {
				if (message.startsWith("Epoch") || message.startsWith("Dataset")) log.log("  " + message);
			}
		};
	}
}
