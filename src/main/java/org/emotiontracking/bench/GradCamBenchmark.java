package org.emotiontracking.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.explain.GradCam;
import org.emotiontracking.core.explain.GradCamMethod;
import org.emotiontracking.core.model.EmotionClassifier;
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
			final Path zip = InferenceBenchmark.randomArchive(dir.resolve("bench.zip"), alpha, size);
			try (EmotionClassifier c = EmotionClassifier.load(zip)) {
				for (final int batch : new int[] { 32, 1 }) {
					final List<RgbImage> faces = new ArrayList<>();
					final Random r = new Random(1);
					for (int i = 0; i < batch; i++) {
						final RgbImage f = RgbImage.blank(size, size);
						r.nextBytes(f.pixels());
						faces.add(f);
					}
					for (final String[] v : new String[][] { { "", "gradcam" }, { "", "gradcam++" },
						{ "out_relu", "gradcam" },
						{ "block_13_expand_relu", "gradcam" } })
					{
						try (GradCam gc = GradCam.load(zip, null, v[0], GradCamMethod.fromId(v[1]))) {
							final double[] t = interleaved(faces, seconds, c::predict, f -> gc.explain(f, -1));
							BenchLines.add(lines, log, String.format(Locale.ROOT,
								"alpha %.2f %3d px batch %2d: predict %6.1f faces/s, %-9s on %-20s %6.1f faces/s = "
								+ "%.2f x a prediction", alpha, size, batch, t[0], gc.method(), gc.layer(), t[1],
								t[0] / t[1]));
						}
					}
				}
			}
		}
		finally {
			FileTrees.deleteQuietly(dir);
		}
		return lines;
	}

	/**
	 * Faces per second of two kinds of work, measured alternately call by call so that load from other
	 * processes hits both alike.
	 */
	private static double[] interleaved(final List<RgbImage> faces, final double seconds,
		final Consumer<List<RgbImage>> a, final Consumer<List<RgbImage>> b)
	{
		for (int i = 0; i < 3; i++) { // warm-up
			a.accept(faces);
			b.accept(faces);
		}
		long ta = 0, tb = 0, n = 0;
		final long start = System.nanoTime();
		while (System.nanoTime() - start < 2 * seconds * 1e9) {
			final long t0 = System.nanoTime();
			a.accept(faces);
			final long t1 = System.nanoTime();
			b.accept(faces);
			ta += t1 - t0;
			tb += System.nanoTime() - t1;
			n += faces.size();
		}
		return new double[] { n / (ta / 1e9), n / (tb / 1e9) };
	}
}
