package org.emotiontracking.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.emotiontracking.core.data.RgbImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmotionClassifierTest {

	@TempDir
	Path tmp;

	/**
	 * Four threads share one classifier (each borrows its own DJL predictor and input buffer) and get
	 * exactly what one thread gets, batch sizes mixed so that buffers are reused at other sizes.
	 */
	@Test
	void concurrentPredictionsEqualSequentialOnes() throws Exception {
		final ModelMetadata m = TestModels.metadata(0.35, 64, "a", "b", "c");
		final Path zip = tmp.resolve("m.zip");
		TestModels.randomArchive(zip, m, 9);
		final List<List<RgbImage>> jobs = new ArrayList<>();
		for (int j = 0; j < 12; j++) {
			final List<RgbImage> batch = new ArrayList<>();
			for (int i = 0; i < 1 + j % 5 * 9; i++) batch.add(TestModels.noiseImage(64 + j % 3, 64, j * 100L + i));
			jobs.add(batch);
		}
		try (EmotionClassifier c = EmotionClassifier.load(zip)) {
			final List<float[][]> sequential = new ArrayList<>();
			for (final List<RgbImage> job : jobs) sequential.add(c.predict(job));
			final ExecutorService pool = Executors.newFixedThreadPool(4);
			try {
				final List<Future<float[][]>> concurrent = new ArrayList<>();
				for (int round = 0; round < 2; round++)
					for (final List<RgbImage> job : jobs) concurrent.add(pool.submit(() -> c.predict(job)));
				for (int k = 0; k < concurrent.size(); k++) {
					final float[][] expected = sequential.get(k % jobs.size()), actual = concurrent.get(k).get();
					assertEquals(expected.length, actual.length);
					for (int i = 0; i < expected.length; i++) assertArrayEquals(expected[i], actual[i], 1e-6f, "job " + k +
						" image " + i);
				}
			}
			finally {
				pool.shutdownNow();
			}
		}
	}
}
