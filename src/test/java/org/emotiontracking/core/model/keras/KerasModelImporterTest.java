package org.emotiontracking.core.model.keras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import org.emotiontracking.core.model.Weights;
import org.emotiontracking.core.model.keras.KerasH5Writer.Layout;
import org.emotiontracking.core.model.keras.KerasH5Writer.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


class KerasModelImporterTest {

	@TempDir
	Path dir;

	@Test
	void flatWholeModelRoundTrips() throws Exception {
		final Path f = dir.resolve("flat.h5");
		final Weights expected = KerasH5Writer.write(f, Layout.FLAT, new Options().alpha(0.35).inputSize(96));
		final KerasModel m = KerasModelImporter.read(f);
		assertSame(expected, m.weights);
		assertEquals(0.35, m.alpha);
		assertEquals(Integer.valueOf(96), m.inputSize);
		assertEquals(7, m.classes);
		assertEquals(128, m.hiddenUnits);
		assertEquals("2.13.1", m.kerasVersion);
		assertEquals("tensorflow", m.backend);
		assertEquals("dense_3", m.denseName);
		assertEquals("dense_4", m.dense1Name);
		assertTrue(m.wholeModel);
	}

	@Test
	void flatWithoutColonZeroRoundTrips() throws Exception {
		final Path f = dir.resolve("keras3.h5");
		final Options o = new Options().alpha(0.35).colonZero(false).classes(3).inputSize(128);
		o.seedLayer = true;
		final Weights expected = KerasH5Writer.write(f, Layout.FLAT, o);
		final KerasModel m = KerasModelImporter.read(f);
		assertSame(expected, m.weights);
		assertEquals(3, m.classes);
		assertEquals(Integer.valueOf(128), m.inputSize);
		assertEquals("3.3.3", m.kerasVersion);
	}

	@Test
	void nestedBaseRoundTripsAndInfersAlphaOne() throws Exception {
		final Path f = dir.resolve("nested.h5");
		final Weights expected = KerasH5Writer.write(f, Layout.NESTED, new Options().alpha(1.0));
		final KerasModel m = KerasModelImporter.read(f);
		assertSame(expected, m.weights);
		assertEquals(1.0, m.alpha);
		assertEquals(Integer.valueOf(224), m.inputSize);
	}

	@Test
	void nestedBaseWithTrainableWeightsFirstRoundTrips() throws Exception {
		final Path f = dir.resolve("nested-trainable.h5");
		final Weights expected = KerasH5Writer.write(f, Layout.NESTED, new Options().alpha(0.35).colonZero(false).trainableFirst(true));
		assertSame(expected, KerasModelImporter.read(f).weights);
	}

	@Test
	void saveWeightsFileRoundTrips() throws Exception {
		final Path f = dir.resolve("weights.h5");
		final Weights expected = KerasH5Writer.write(f, Layout.WEIGHTS_ONLY, new Options().alpha(0.35).seed(7));
		final KerasModel m = KerasModelImporter.read(f);
		assertSame(expected, m.weights);
		assertNull(m.inputSize);
		assertFalse(m.wholeModel);
		assertEquals("2.13.1", m.kerasVersion);
	}

	@Test
	void inferredAlphaFollowsShapes() throws Exception {
		for (final double alpha : new double[] { 0.5, 0.75, 1.4 }) {
			final Path f = dir.resolve("a" + alpha + ".h5");
			KerasH5Writer.write(f, Layout.WEIGHTS_ONLY, new Options().alpha(alpha));
			assertEquals(alpha, KerasModelImporter.read(f).alpha);
		}
	}

	@Test
	void shapeMismatchNamesFileLayerAndBothShapes() throws Exception {
		final Path f = dir.resolve("wrong.h5");
		KerasH5Writer.write(f, Layout.FLAT, new Options().override("block_3_expand", "kernel", 1, 1, 24, 96));
		final KerasFormatException e = assertThrows(KerasFormatException.class, () -> KerasModelImporter.read(f));
		assertTrue(e.getMessage().startsWith(f + ": layer block_3_expand: kernel in file is [1,1,24,96], expected [1,1,24,144] for alpha 1.0"),
			e.getMessage());
	}

	@Test
	void wrongHeadIsExplained() throws Exception {
		final Path f = dir.resolve("head.h5");
		final Options o = new Options().alpha(0.35);
		o.hidden = 64;
		KerasH5Writer.write(f, Layout.FLAT, o);
		final KerasModel m = KerasModelImporter.read(f);
		assertEquals(64, m.hiddenUnits);
		assertArrayEquals(new long[] { 1280, 64 }, m.weights.get("dense", "kernel").shape);
	}

	@Test
	void imageNetBaseIsNotAModel() throws Exception {
		final Path f = dir.resolve("mobilenet_v2_weights_tf_dim_ordering_tf_kernels_0.35_96_no_top.h5");
		KerasH5Writer.write(f, Layout.IMAGENET_NO_TOP, new Options().alpha(0.35));
		final KerasFormatException e = assertThrows(KerasFormatException.class, () -> KerasModelImporter.read(f));
		assertTrue(e.getMessage().contains("only a MobileNetV2 base"), e.getMessage());
	}

	@Test
	void textFileIsNotHdf5() throws Exception {
		final Path f = dir.resolve("model.h5");
		Files.write(f, "this is not a model\n".getBytes(StandardCharsets.UTF_8));
		final KerasFormatException e = assertThrows(KerasFormatException.class, () -> KerasModelImporter.read(f));
		assertTrue(e.getMessage().startsWith(f + " is not an HDF5 file"), e.getMessage());
	}

	@Test
	void otherHdf5IsNotKeras() throws Exception {
		final Path f = dir.resolve("other.h5");
		try (KerasH5Writer.H5Out w = new KerasH5Writer.H5Out(f)) {
			w.putGroup("images").putDataset("stack", new float[][] { { 1, 2 }, { 3, 4 } });
			w.putAttribute("creator", "microscope");
		}
		final KerasFormatException e = assertThrows(KerasFormatException.class, () -> KerasModelImporter.read(f));
		assertTrue(e.getMessage().startsWith(f + " is an HDF5 file but not a Keras model or weights file"), e.getMessage());
	}

	@Test
	void missingFileAndFolderAreExplained() {
		final Path missing = dir.resolve("nothing.h5");
		assertTrue(assertThrows(KerasFormatException.class, () -> KerasModelImporter.read(missing)).getMessage().contains("does not exist"));
		assertTrue(assertThrows(KerasFormatException.class, () -> KerasModelImporter.read(dir)).getMessage().contains("is a folder"));
	}

	@Test
	void inputShapeFromConfig() {
		assertArrayEquals(new Integer[] { 160, 160, 3 },
			KerasModelImporter.inputShape("{\"config\": {\"layers\": [{\"config\": {\"batch_input_shape\": [null, 160, 160, 3]}}]}}"));
		assertArrayEquals(new Integer[] { null, null, 3 }, KerasModelImporter.inputShape("{\"batch_shape\": [null, null, null, 3]}"));
		assertNull(KerasModelImporter.inputShape("{}"));
	}

	static void assertSame(final Weights expected, final Weights actual) {
		assertEquals(expected.asMap().keySet(), actual.asMap().keySet());
		final Iterator<String> order = actual.asMap().keySet().iterator();
		for (final Map.Entry<String, Weights.Tensor> e : expected.asMap().entrySet()) {
			assertEquals(e.getKey(), order.next(), "order");
			final Weights.Tensor a = actual.asMap().get(e.getKey());
			assertArrayEquals(e.getValue().shape, a.shape, e.getKey());
			assertArrayEquals(e.getValue().values, a.values, e.getKey());
		}
	}
}
