package org.emotiontracking.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.data.SyntheticFaces;
import org.emotiontracking.core.model.keras.KerasH5Writer;
import org.emotiontracking.core.model.keras.Npy;
import org.emotiontracking.core.model.keras.Python;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A notebook model (.h5) run through our TensorFlow graph gives the probabilities Keras's layer
 * semantics give, computed by an independent NumPy implementation (src/test/python/keras_reference.py:
 * ZeroPadding2D + 'valid' where we use 'SAME', its own layer order from the file).
 */
class KerasNotebookEquivalenceTest {

	@TempDir
	Path dir;

	@BeforeEach
	void needPython() {
		if (Python.available()) return;
		if (System.getenv("CI") != null) fail("CI must install python3-h5py and python3-numpy (see .ci/run)");
		Assumptions.abort("python3 with h5py and numpy not installed");
	}

	@ParameterizedTest
	@CsvSource({ "FLAT, 0.35, 96, true", "NESTED, 0.5, 97, false", "WEIGHTS_ONLY, 0.35, 224, true" })
	void sameProbabilitiesAsKerasSemantics(final KerasH5Writer.Layout layout, final double alpha, final int size,
		final boolean colonZero) throws Exception
	{
		final Path h5 = dir.resolve("notebook.h5");
		KerasH5Writer.write(h5, layout, new KerasH5Writer.Options().alpha(alpha).classes(7).inputSize(size)
			.colonZero(colonZero).seed(11));
		final List<RgbImage> images = new ArrayList<>();
		final SyntheticFaces faces = new SyntheticFaces(size, 5);
		for (int i = 0; i < 4; i++) images.add(faces.face(i, i));
		images.add(TestModels.noiseImage(size, size, 3));
		final int n = images.size();
		final byte[] raw = new byte[n * size * size * 3];
		for (int i = 0; i < n; i++) System.arraycopy(images.get(i).pixels(), 0, raw, i * size * size * 3, size * size * 3);
		final Path npy = dir.resolve("images.npy"), probs = dir.resolve("probs.npy");
		Npy.writeUint8(npy, raw, n, size, size, 3);
		Python.run(Python.KERAS_REFERENCE.toString(), h5.toString(), npy.toString(), "-o", probs.toString(), "--quiet");
		final Npy.Array reference = Npy.read(probs);

		try (EmotionClassifier c = EmotionClassifier.load(h5)) {
			assertEquals(ModelMetadata.NOTEBOOK_CLASSES, c.classNames());
			assertEquals("rescale_1_255", c.metadata().preprocessing);
			final float[][] ours = c.predict(images);
			double spread = 0;
			for (int i = 0; i < n; i++)
				for (int k = 0; k < 7; k++) {
					final double expected = reference.values[i * 7 + k];
					assertEquals(expected, ours[i][k], 1e-4, "image " + i + " class " + k);
					spread = Math.max(spread, Math.abs(ours[i][k] - ours[0][k]));
				}
			assertTrue(spread > 1e-3, "the test model must respond to its input (spread " + spread + ")");
		}
	}
}
