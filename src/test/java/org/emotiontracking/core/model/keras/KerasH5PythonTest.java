package org.emotiontracking.core.model.keras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.emotiontracking.core.model.Weights;
import org.emotiontracking.core.model.keras.KerasH5Writer.Layout;
import org.emotiontracking.core.model.keras.KerasH5Writer.Options;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Needs python3 with h5py and NumPy (Debian: python3-h5py python3-numpy); skipped without them.
 * Checks the reader on Keras's exact attribute encoding (h5py-written variable-length strings, empty
 * float64 weight_names, chunked layer_names) and runs the NumPy reference script.
 */
class KerasH5PythonTest {

	/** Rewrites a jHDF-written Keras file with h5py: variable-length strings, empty arrays, chunks. */
	private static final String KERAS_ENCODING = String.join("\n",
		"import sys, h5py, numpy as np",
		"src, dst, chunks = sys.argv[1], sys.argv[2], int(sys.argv[3])",
		"vlen = h5py.string_dtype()",
		"def strings(v):",
		"    return np.array([x.decode() if isinstance(x, bytes) else x for x in np.atleast_1d(v)], dtype=vlen)",
		"with h5py.File(src, 'r') as s, h5py.File(dst, 'w') as d:",
		"    for k, v in s.attrs.items():",
		"        if k != '_jHDF': d.attrs[k] = v.decode() if isinstance(v, bytes) else strings(v)",
		"    for k in s: s.copy(s[k], d, k)",
		"    root = d['model_weights'] if 'model_weights' in d else d",
		"    names = [n.decode() if isinstance(n, bytes) else n for n in root.attrs['layer_names']]",
		"    for n in names:",
		"        g = root[n]",
		"        g.attrs['weight_names'] = strings(g.attrs['weight_names']) if 'weight_names' in g.attrs else np.array([], dtype=np.float64)",
		"    del root.attrs['layer_names']",
		"    for i, part in enumerate(np.array_split(np.array(names, dtype=object), chunks)):",
		"        root.attrs['layer_names%d' % i if chunks > 1 else 'layer_names'] = strings(list(part))",
		"    assert h5py.check_string_dtype(root[names[-1]].attrs['weight_names'].dtype).length is None",
		"");

	@TempDir
	Path dir;

	@BeforeEach
	void needPython() {
		Assumptions.assumeTrue(Python.available(), "python3 with h5py and numpy not installed (apt-get install python3-h5py python3-numpy)");
	}

	@Test
	void kerasExactEncodingImports() throws Exception {
		final Path script = dir.resolve("encode.py");
		Files.write(script, KERAS_ENCODING.getBytes(StandardCharsets.UTF_8));
		for (final Layout layout : new Layout[] { Layout.FLAT, Layout.NESTED, Layout.WEIGHTS_ONLY }) {
			final Path jhdf = dir.resolve(layout + "-jhdf.h5"), keras = dir.resolve(layout + ".h5");
			final Weights expected = KerasH5Writer.write(jhdf, layout, new Options().alpha(0.35).seed(11));
			Python.run(script.toString(), jhdf.toString(), keras.toString(), layout == Layout.FLAT ? "3" : "1");
			final KerasModel m = KerasModelImporter.read(keras);
			KerasModelImporterTest.assertSame(expected, m.weights);
			assertEquals(0.35, m.alpha);
			assertEquals("2.13.1", m.kerasVersion);
		}
	}

	@Test
	void referenceSelfTest() throws Exception {
		assertEquals("OK", Python.run(Python.KERAS_REFERENCE.toString(), "--self-test").trim());
	}

	@Test
	void referenceGivesTheSameProbabilitiesForEveryLayout() throws Exception {
		final int n = 2, size = 96;
		final byte[] pixels = new byte[n * size * size * 3];
		new Random(5).nextBytes(pixels);
		final Path images = dir.resolve("images.npy");
		Npy.writeUint8(images, pixels, n, size, size, 3);
		double[] first = null;
		for (final Object[] c : new Object[][] { { Layout.FLAT, true, false }, { Layout.NESTED, false, true }, { Layout.WEIGHTS_ONLY, true, false } }) {
			final Path model = dir.resolve(c[0] + ".h5"), probs = dir.resolve(c[0] + ".npy");
			final Options o = new Options().alpha(0.35).inputSize(size).colonZero((Boolean) c[1]).trainableFirst((Boolean) c[2]).seed(21);
			o.seedLayer = c[0] == Layout.FLAT;
			KerasH5Writer.write(model, (Layout) c[0], o);
			final long t0 = System.nanoTime();
			Python.run(Python.KERAS_REFERENCE.toString(), model.toString(), images.toString(), "-o", probs.toString(), "--quiet");
			assertTrue(System.nanoTime() - t0 < 20e9, "the reference should take seconds");
			final Npy.Array p = Npy.read(probs);
			assertArrayEquals(new int[] { n, 7 }, p.shape);
			for (int i = 0; i < n; i++) {
				double sum = 0;
				for (int j = 0; j < 7; j++) sum += p.values[i * 7 + j];
				assertEquals(1, sum, 1e-9);
			}
			if (first == null) first = p.values;
			else assertArrayEquals(first, p.values, 1e-12);
		}
		double spread = 0;
		for (int j = 0; j < 7; j++) spread = Math.max(spread, Math.abs(first[j] - first[7 + j]));
		assertTrue(spread > 1e-4, "two different images should give different probabilities");
	}
}
