package org.emotiontracking.core.train;

import org.emotiontracking.core.model.Weights;
import java.nio.file.Path;
import java.util.Map;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.engine.TensorFlowRuntime;
import org.emotiontracking.core.model.onnx.Int8Quantization;
import org.emotiontracking.core.model.onnx.MobileNetV2Onnx;
import org.emotiontracking.core.data.AugmentationSettings;
import org.emotiontracking.core.data.Augmenter;
import org.emotiontracking.core.data.ClassFolderDataset;
import org.emotiontracking.core.data.DatasetException;
import org.emotiontracking.core.engine.TensorFlowRuntime;
import org.emotiontracking.core.model.MobileNetV2Architecture;
import org.emotiontracking.core.model.ModelArchive;
import org.emotiontracking.core.model.ModelMetadata;
import org.emotiontracking.core.report.TrainingHistory;
import org.emotiontracking.core.util.AtomicFiles;
import org.emotiontracking.core.util.DaemonThreads;
import org.emotiontracking.core.util.ProgressListener;
import org.emotiontracking.core.util.Required;
import org.emotiontracking.core.util.Settings;

/**
 * Train Emotion Model: dataset folder -> MobileNetV2 transfer learning -> model archive and reports.
 * Every check that can fail runs before the first image is decoded.
 */
public final class Trainer {

	private Trainer() {}

	public static TrainingSummary train(final TrainSettings s, final ProgressListener progress)
		throws IOException, DatasetException
	{
		return train(s, null, progress);
	}

	/**
	 * As {@link #train(TrainSettings, ProgressListener)}, starting from base weights held in memory
	 * (Keras names, e.g. from another library) instead of {@code weights=}; null uses {@code weights=}.
	 */
	public static TrainingSummary train(final TrainSettings s, final Weights baseWeights,
		final ProgressListener progress) throws IOException, DatasetException
	{
		s.validate(Required.OUTPUT);
		final TrainingOutputs out = new TrainingOutputs(s.output);
		for (final Path p : out.all()) AtomicFiles.checkCanWrite(p, s.overwrite);
		final ClassFolderDataset[] scanned = TrainingData.scan(s);
		final int classes = scanned[0].classNames().size();
		final BaseWeights base = baseWeights != null ? BaseWeights.given(baseWeights)
			: BaseWeights.resolve(s, classes, progress);
		Files.createDirectories(s.output);
		TensorFlowRuntime.engine();
		final TrainingData data = TrainingData.load(s, scanned, progress);

		final ModelMetadata meta = new ModelMetadata();
		meta.alpha = s.alpha;
		meta.input_size = s.image_size;
		meta.preprocessing = base.preprocessing.id;
		meta.class_names = data.classNames;
		meta.hidden_units = s.hidden_units;
		meta.dropout = s.dropout;
		meta.provenance.put("dataset", data.root.toAbsolutePath().toString());
		meta.provenance.put("weights", base.description);
		meta.provenance.put("settings", Settings.values(s));
		meta.provenance.put("training_images", data.train.size());
		meta.provenance.put("validation_images", data.validation.size());

		final TrainOptions options = new TrainOptions(s.batch_size, s.learning_rate, s.seed, TrainOptions
			.warmupSteps(s.warmup_epochs, data.train.size(), s.batch_size));
		final Augmenter augmenter = s.augment ? new Augmenter(s.image_size, s.image_size,
			AugmentationSettings.defaults()) : null;
		final ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime()
			.availableProcessors()), DaemonThreads.named("emotion-augment"));
		progress.log(String.format(Locale.ROOT,
			"Training MobileNetV2 alpha %.2f at %d px from %s: %s, %d epochs, batch %d, learning rate %s%s%s", s.alpha,
			s.image_size, base.description, mode(s, base), s.epochs, s.batch_size, s.learning_rate,
			options.warmupSteps > 0 ? " (warm-up over " + options.warmupSteps + " steps)" : "", s.augment
			? ", augmentation on" : ", no augmentation"));
		final TrainingLoop.Outcome outcome;
		final TrainingHistory history = new TrainingHistory(out.file(TrainingOutputs.HISTORY), s.overwrite);
		try (TrainingStepper stepper = stepper(s, meta, base, new TrainingBatches(data, options, augmenter, workers)))
		{
			outcome = TrainingLoop.run(stepper, s.epochs, s.patience, s.time_budget, s.monitor.equals("val_accuracy"),
				progress, r -> {
				try {
					history.append(r);
				}
				catch (final IOException e) {
					progress.log("Cannot write " + TrainingOutputs.HISTORY + ": " + e.getMessage());
				}
			});
		}
		finally {
			workers.shutdownNow();
		}
		if (outcome.best == null) return TrainingSummary.cancelled(out, outcome);
		meta.provenance.put("best_epoch", outcome.bestEpoch);
		meta.provenance.put("validation_accuracy", outcome.bestRecord().validationAccuracy());
		meta.provenance.put("training_seconds", Math.round(outcome.seconds * 10) / 10.0);
		if (Files.exists(out.model()) && !s.overwrite) throw new IOException("Output exists: " + out.model()
			+ " (use overwrite=true)");
		final byte[] int8 = s.int8 ? int8(meta, outcome.best, data, progress) : null;
		ModelArchive.write(out.model(), meta, outcome.best, int8);
		progress.log("Saved " + out.model() + " (best epoch " + outcome.bestEpoch + ")");
		final TrainingReport.Result report = TrainingReport.write(out, data, outcome, s, progress);
		return new TrainingSummary(out, outcome, report, data.failures, data.train.size());
	}

	/**
	 * The int8 ONNX model calibrated on up to {@value #INT8_CALIBRATION_IMAGES} training images (spread
	 * over the set), if its validation accuracy stays within one point of the fp32 model's; both
	 * accuracies go into the metadata's provenance either way.
	 */
	private static byte[] int8(final ModelMetadata meta, final Weights weights, final TrainingData data,
		final ProgressListener progress)
	{
		progress.status("int8: calibrating and validating");
		final List<RgbImage> calibration = new ArrayList<>();
		final int n = data.train.images.size(), step = Math.max(1, n / INT8_CALIBRATION_IMAGES);
		for (int i = 0; i < n && calibration.size() < INT8_CALIBRATION_IMAGES; i += step) calibration.add(
			data.train.images.get(i));
		final int threads = TensorFlowRuntime.threads();
		final byte[] q = Int8Quantization.quantize(meta, weights, calibration, threads);
		final Int8Quantization.Evaluation e = Int8Quantization.evaluate(meta, MobileNetV2Onnx.export(meta, weights), q,
			data.validation.images, data.validation.labels, threads);
		final Map<String, Object> record = new LinkedHashMap<>();
		record.put("validation_accuracy_fp32", e.fp32Accuracy);
		record.put("validation_accuracy_int8", e.int8Accuracy);
		record.put("calibration_images", calibration.size());
		record.put("used", e.holds());
		meta.provenance.put("int8", record);
		progress.log("int8: " + e);
		return e.holds() ? q : null;
	}

	private static final int INT8_CALIBRATION_IMAGES = 256;

	private static String mode(final TrainSettings s, final BaseWeights base) {
		if (base.none()) return "every layer trains";
		return s.fine_tune > 0 ? "top " + s.fine_tune + " blocks and head train" : "frozen base, head trains";
	}

	private static TrainingStepper stepper(final TrainSettings s, final ModelMetadata meta, final BaseWeights base,
		final TrainingBatches batches)
	{
		if (base.none()) return FullNetworkStepper.fromScratch(meta, batches);
		if (s.fine_tune > 0) return FullNetworkStepper.fineTuning(meta, base.weights, s.fine_tune, batches);
		return FrozenBaseStepper.frozenBase(meta, base.weights, batches);
	}

}
