package org.emotiontracking.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.explain.GradCam;
import org.emotiontracking.core.explain.GradCamMethod;
import org.emotiontracking.core.model.EmotionClassifier;
import org.emotiontracking.core.model.ModelArchive;
import org.emotiontracking.core.model.ModelMetadata;
import org.emotiontracking.core.util.FileTrees;
import org.emotiontracking.core.util.ProgressListener;

/**
 * Grad-CAM cost per face against a prediction per face, same model (random weights), same faces
 * (already at the input size), batch 32 and batch 1. Grad-CAM includes the map arithmetic in Java.
 */
public final class GradCamBenchmark {

	private GradCamBenchmark() {}

	public static List<String> run(final double alpha, final int size, final double seconds, final ProgressListener log)
		throws IOException
	{
		final List<String> lines = new ArrayList<>();
		final Path dir = Files.createTempDirectory("emotion-bench");
		try {
			final ModelMetadata m = new ModelMetadata();
			m.alpha = alpha;
			m.input_size = size;
			m.class_names = ModelMetadata.NOTEBOOK_CLASSES;
			final Path zip = dir.resolve("bench.zip");
			ModelArchive.write(zip, m, InferenceBenchmark.randomWeights(m));
			for (final int batch : new int[] { 32, 1 }) {
				final List<RgbImage> faces = new ArrayList<>();
				for (int i = 0; i < batch; i++) faces.add(org.emotiontracking.core.data.RgbImage.blank(size, size));
				new java.util.Random(1).nextBytes(faces.get(0).pixels());
				final double predict;
				try (EmotionClassifier c = EmotionClassifier.load(zip)) {
					predict = facesPerSecond(faces, seconds, c::predict);
				}
				line(lines, log, String.format(Locale.ROOT, "predict             alpha %.2f %3d px batch %2d: %7.1f faces/s",
					alpha, size, batch, predict));
				for (final String[] v : new String[][] { { "", "gradcam" }, { "", "gradcam++" }, { "out_relu", "gradcam" },
					{ "block_13_expand_relu", "gradcam" } })
				{
					try (GradCam gc = GradCam.load(zip, null, v[0], GradCamMethod.fromId(v[1]))) {
						final double rate = facesPerSecond(faces, seconds, f -> gc.explain(f, -1));
						line(lines, log, String.format(Locale.ROOT,
							"%-9s %-21s batch %2d: %7.1f faces/s = %.2f x a prediction", gc.method(), gc.layer(), batch, rate,
							predict / rate));
					}
				}
			}
		}
		finally {
			FileTrees.deleteQuietly(dir);
		}
		return lines;
	}

	private static void line(final List<String> lines, final ProgressListener log, final String s) {
		lines.add(s);
		log.log(s);
	}

	private static double facesPerSecond(final List<RgbImage> faces, final double seconds,
		final Consumer<List<RgbImage>> work)
	{
		for (int i = 0; i < 3; i++) work.accept(faces); // warm-up
		long n = 0;
		final long start = System.nanoTime();
		while (System.nanoTime() - start < seconds * 1e9) {
			work.accept(faces);
			n += faces.size();
		}
		return n / ((System.nanoTime() - start) / 1e9);
	}
}
