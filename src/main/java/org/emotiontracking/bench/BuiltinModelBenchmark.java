package org.emotiontracking.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.emotiontracking.core.model.BuiltinModel;
import org.emotiontracking.core.model.EmotionClassifier;
import org.emotiontracking.core.model.InferenceEngine;
import org.emotiontracking.core.util.FileTrees;
import org.emotiontracking.core.util.ProgressListener;

/**
 * The built-in model (FER2013 mini-Xception, 64 px): faces per second at batch 32 and batch 1, and
 * the live loop at 640x480, each beside a MobileNetV2 archive (random weights, 224 px) on the same
 * engine (TensorFlow: the built-in model has no ONNX export) measured in the same run as the baseline.
 */
public final class BuiltinModelBenchmark {

	private BuiltinModelBenchmark() {}

	public static List<String> run(final double alpha, final double seconds, final int frames,
		final ProgressListener log) throws IOException
	{
		if (!BuiltinModel.available()) throw new IOException(
			"This build has no built-in model (npm was missing at build time)");
		final List<String> lines = new ArrayList<>();
		final Path dir = Files.createTempDirectory("emotion-builtin-bench");
		try {
			final Path zip = InferenceBenchmark.randomArchive(dir.resolve("mobilenet.zip"), alpha, 224);
			try (EmotionClassifier builtin = EmotionClassifier.load(null); EmotionClassifier baseline =
				EmotionClassifier.load(zip, null, InferenceEngine.TENSORFLOW, 0)) {
				log.log("built-in model on " + builtin.engineDescription() + "; baseline on "
					+ baseline.engineDescription());
				for (final int batch : new int[] { 32, 1 }) {
					final double b = InferenceBenchmark.imagesPerSecond(builtin, builtin.inputSize(), batch, seconds);
					final double base = InferenceBenchmark.imagesPerSecond(baseline, 224, batch, seconds);
					final String line = String.format(Locale.ROOT,
						"builtin    mini-Xception 64 px  batch %2d : %7.1f faces/s (MobileNetV2 alpha %.2f 224 px, "
						+ "same run: %.1f)", batch, b, alpha, base);
					lines.add(line);
					log.log(line);
				}
				if (Files.isRegularFile(LiveBenchmark.SAMPLE)) {
					final Path video = LiveBenchmark.writeVideo(dir.resolve("face.avi"), frames);
					lines.add(LiveBenchmark.measure("as fast as possible", "built-in mini-Xception 64 px", builtin,
						video, dir.resolve("builtin"), false, false, log));
					lines.add(LiveBenchmark.measure("as fast as possible",
						String.format(Locale.ROOT, "baseline MobileNetV2 alpha %.2f 224 px", alpha), baseline, video,
						dir.resolve("baseline"), false, false, log));
				}
				else log.log("live part skipped: it needs " + LiveBenchmark.SAMPLE + " (Debian package opencv-doc)");
			}
		}
		finally {
			FileTrees.deleteQuietly(dir);
		}
		return lines;
	}
}
