package org.emotiontracking.core.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.model.TestModels;
import org.emotiontracking.core.model.keras.KerasH5Writer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradCamKerasAndThreadsTest {

	@TempDir
	Path tmp;

	@Test
	void kerasModelsAreExplainedOnAnyLayerAndFromSeveralThreads() throws Exception {
		final Path h5 = tmp.resolve("notebook.h5");
		KerasH5Writer.write(h5, KerasH5Writer.Layout.FLAT, new KerasH5Writer.Options().alpha(0.35).inputSize(96).classes(3));
		final List<RgbImage> faces = new ArrayList<>();
		for (int i = 0; i < 6; i++) faces.add(TestModels.noiseImage(60 + 10 * i, 90, i));
		for (final String[] v : new String[][] { { "", "gradcam" }, { "out_relu", "gradcam++" } }) {
			try (GradCam gc = GradCam.load(h5, Arrays.asList("x", "y", "z"), v[0], GradCamMethod.fromId(v[1]))) {
				assertEquals(Arrays.asList("x", "y", "z"), gc.classNames());
				assertEquals("rescale_1_255", gc.metadata().preprocessing); // imported: the notebook's x/255
				final List<Explanation> sequential = gc.explain(faces, -1);
				for (final Explanation e : sequential) {
					assertEquals(3, e.heatmap().width());
					assertTrue(e.heatmap().max() <= 1f);
				}
				final ExecutorService pool = Executors.newFixedThreadPool(3);
				try {
					final List<Future<Explanation>> futures = new ArrayList<>();
					for (int round = 0; round < 2; round++)
						for (final RgbImage f : faces) futures.add(pool.submit(() -> gc.explain(f, -1)));
					for (int i = 0; i < futures.size(); i++) {
						final Explanation a = futures.get(i).get(), b = sequential.get(i % faces.size());
						assertEquals(b.classIndex(), a.classIndex());
						assertArrayEquals(b.heatmap().values(), a.heatmap().values(), 1e-4f);
					}
				}
				finally {
					pool.shutdownNow();
				}
			}
		}
	}
}
