package org.emotiontracking.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.emotiontracking.core.classify.ClassificationSummary;
import org.emotiontracking.core.classify.ClassifySettings;
import org.emotiontracking.core.classify.ClassifyTask;
import org.emotiontracking.core.classify.FaceMode;
import org.emotiontracking.core.data.SyntheticFaces;
import org.emotiontracking.core.model.BuiltinModel;
import org.emotiontracking.core.model.keras.ImageNetWeights;
import org.emotiontracking.core.train.TrainSettings;
import org.emotiontracking.core.train.Trainer;
import org.emotiontracking.core.train.TrainingSummary;
import org.emotiontracking.core.util.ProgressListener;
import org.emotiontracking.core.util.Setting;

/**
 * `demo`: the newcomer's first command. Draws a sample dataset of synthetic faces for the seven
 * emotions, trains on it, classifies every image, draws Grad-CAM and writes every training output.
 */
final class DemoCli extends SettingsCli<DemoCli.Keys> {

	DemoCli() {
		super("demo",
			"Generate a sample dataset of synthetic faces, train, classify and explain (start here)",
			Keys::new);
	}

	public static final class Keys {
		@Setting("Folder for the sample dataset, the model and every report")
		public Path output;
		@Setting("Synthetic images per emotion")
		public int per_class = 150;
		@Setting("Training epochs (at most; training stops early when validation stops improving)")
		public int epochs = 64;
		@Setting("Seconds of training at most: no epoch starts that would end later (0 = no limit)")
		public double time_budget = 150;
		@Setting("Also classify the drawn faces with the built-in model (FER2013), into <output>/builtin_model")
		public boolean builtin = true;
		@Setting("Adam learning rate")
		public double learning_rate = 0.002;
		@Setting("Input size in pixels")
		public int image_size = 64;
		@Setting("MobileNetV2 width multiplier")
		public double alpha = 0.35;
		@Setting("Base weights: auto (imagenet when its file is on this machine, else none), imagenet or none")
		public String weights = "auto";
		@Setting("Random seed")
		public long seed = 42;
		@Setting("Replace existing outputs")
		public boolean overwrite = false;
	}

	/** The ImageNet base for this alpha and size: on this machine already, or downloaded now (small). */
	private static boolean imageNetAvailable(final TrainSettings s, final Keys k, final ProgressListener progress) {
		final ImageNetWeights imagenet = new ImageNetWeights(s.models);
		try {
			imagenet.obtain(k.alpha, k.image_size, progress);
			return true;
		}
		catch (final IOException e) {
			progress.log("ImageNet weights unavailable (" + e.getMessage().split("\n")[0] + ")");
			return false;
		}
	}

	/**
	 * The built-in model on the drawn faces (whole images): its CSV log, chart and confusion matrix in
	 * {@code <output>/builtin_model}. Returns what to add to the final line; a problem is logged, never fatal.
	 */
	private static String builtinModel(final Path dataset, final Keys k, final ProgressListener progress) {
		if (!BuiltinModel.available()) {
			progress.log("No built-in model in this build (it needs npm at build time): skipping its part of the demo");
			return "";
		}
		final ClassifySettings c = new ClassifySettings();
		c.input = dataset;
		c.output = k.output.resolve("builtin_model");
		c.recursive = true;
		c.faces = FaceMode.WHOLE;
		c.overwrite = k.overwrite;
		try {
			progress.log("Classifying the drawn faces with " + BuiltinModel.DESCRIPTION + " into " + c.output);
			final ClassificationSummary r = ClassifyTask.run(c, progress);
			return r.hasAccuracy() ? String.format(Locale.ROOT,
				"; the built-in FER2013 model (trained on photos, not drawings) named %.1f%% of the %d drawn faces "
				+ "of the " + "emotions it knows right (see %s)", 100 * r.accuracy(), r.labelled(), c.output) : "";
		}
		catch (final IOException | RuntimeException e) {
			progress.log("The built-in model could not classify the drawn faces: " + e.getMessage());
			return "";
		}
	}

	@Override
	int run(final Keys k, final ProgressListener progress) throws Exception {
		if (k.output == null) throw new IllegalArgumentException("Set output= to a folder for the demo");
		final Path dataset = k.output.resolve("sample_dataset");
		final SyntheticFaces faces = new SyntheticFaces(k.image_size, k.seed);
		progress.log("Drawing " + k.per_class + " synthetic faces for each of " + faces.classNames() + " into "
			+ dataset);
		faces.writeDataset(dataset, k.per_class, k.overwrite, progress);

		final TrainSettings s = new TrainSettings();
		s.dataset = dataset;
		s.output = k.output;
		s.epochs = k.epochs;
		s.learning_rate = k.learning_rate;
		s.image_size = k.image_size;
		s.alpha = k.alpha;
		s.seed = k.seed;
		s.time_budget = k.time_budget;
		s.overwrite = k.overwrite;
		if (k.weights.equals("auto")) s.weights = imageNetAvailable(s, k, progress) ? "imagenet" : "none";
		else s.weights = k.weights;
		if (s.weights.equals("none")) {
			progress.log(
				"Training every layer from scratch (no ImageNet weights): slower to learn than transfer learning");
			// the validation loss keeps falling long after accuracy stops rising: keep the most accurate epoch
			s.monitor = "val_accuracy";
		}
		final long start = System.nanoTime();
		final TrainingSummary summary = Trainer.train(s, progress);
		TrainCli.report(summary, progress);
		final String builtin = k.builtin ? builtinModel(dataset, k, progress) : "";
		if (summary.saved()) progress.log(String.format(Locale.ROOT,
			"Demo finished in %.0f s: validation accuracy %.1f%% on %d emotions (chance: %.1f%%) after %d of %d epochs"
			+ " (best: epoch %d)%s.", (System.nanoTime() - start) / 1e9, 100 * summary.validationAccuracy, faces
					.classNames().size(), 100.0 / faces.classNames().size(), summary.history.size(), k.epochs,
			summary.bestEpoch, builtin));
		return summary.saved() ? 0 : 1;
	}
}
