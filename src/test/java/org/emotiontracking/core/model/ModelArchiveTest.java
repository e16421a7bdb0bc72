package org.emotiontracking.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.engine.TensorFlowRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

class ModelArchiveTest {

	@TempDir
	Path tmp;

	@Test
	void savedModelLoadedThroughDjlGivesTheGraphsOutputs() throws IOException {
		final ModelMetadata m = TestModels.metadata(0.35, 96, "angry", "calm", "happy");
		final Weights w = TestModels.randomWeights(m, 7);
		final List<RgbImage> images = new ArrayList<>();
		images.add(TestModels.noiseImage(96, 96, 1));
		images.add(RgbImage.blank(96, 96));
		images.add(TestModels.noiseImage(120, 80, 2)); // resized to 96x96 by the classifier
		final List<RgbImage> prepared = new ArrayList<>();
		for (final RgbImage im : images) prepared.add(InputResizer.forModel(m).apply(im));
		final float[] batch = ImageBatch.pack(prepared, 96);

		final float[] direct = runGraph(m, w, batch, 3);
		final Path zip = tmp.resolve("model.zip");
		ModelArchive.write(zip, m, w);
		assertTrue(Files.size(zip) > 100_000);

		try (EmotionClassifier c = EmotionClassifier.load(zip)) {
			assertEquals(Arrays.asList("angry", "calm", "happy"), c.classNames());
			assertEquals(96, c.inputSize());
			assertEquals(0.35, c.metadata().alpha);
			final float[][] p = c.predict(images);
			for (int i = 0; i < 3; i++) {
				float sum = 0;
				for (int k = 0; k < 3; k++) {
					assertEquals(direct[i * 3 + k], p[i][k], 1e-5, "image " + i + " class " + k);
					sum += p[i][k];
				}
				assertEquals(1f, sum, 1e-5);
			}
			// The images differ, so must their predictions: the network is not constant.
			assertTrue(Math.abs(p[0][0] - p[1][0]) + Math.abs(p[0][1] - p[1][1]) > 1e-4,
				Arrays.toString(p[0]) + " vs " + Arrays.toString(p[1]));
		}
	}

	@Test
	void labelsMetadataAndWeightsSurviveTheArchive() throws IOException {
		final ModelMetadata m = TestModels.metadata(0.35, 96, "b", "a");
		m.provenance.put("dataset", "/data/faces");
		final Weights w = TestModels.randomWeights(m, 3);
		final Path zip = tmp.resolve("m.zip");
		ModelArchive.write(zip, m, w);
		try (ModelArchive a = ModelArchive.open(zip)) {
			assertEquals(Arrays.asList("b", "a"), a.metadata().class_names);
			assertEquals("/data/faces", a.metadata().provenance.get("dataset"));
			assertEquals("b\na\n", new String(Files.readAllBytes(a.savedModel().getParent().resolve("labels.txt")),
				StandardCharsets.UTF_8));
			final Weights back = a.readWeights();
			assertEquals(w.size(), back.size());
			for (final String k : w.asMap().keySet())
				assertArrayEquals(w.asMap().get(k).values, back.asMap().get(k).values, 0f, k);
		}
	}

	/** Archives written before format 2 served the graph on variables; they still load, re-exported. */
	@Test
	void formatOneArchivesAreServedWithTheFoldedGraph() throws IOException {
		final ModelMetadata m = TestModels.metadata(0.35, 64, "x", "y");
		m.format_version = 1;
		final Weights w = TestModels.randomWeights(m, 4);
		final Path old = Files.createDirectories(tmp.resolve("old"));
		try (EmotionNetwork net = EmotionNetwork.forInference(m); Session s = new Session(net.graph)) {
			net.variables.assign(s, w, false, 0);
			SavedModelBundle.exporter(old.resolve(ModelArchive.SAVED_MODEL).toString()).withSession(s).withSignature(
				Signature.builder().key(ModelArchive.SERVING).input(EmotionNetwork.IMAGE, net.image).output(
					EmotionNetwork.PROBABILITIES, net.probabilities).build()).export();
		}
		Files.write(old.resolve(ModelArchive.METADATA), m.toJson().getBytes(StandardCharsets.UTF_8));
		final float[] batch = ImageBatch.pack(Arrays.asList(TestModels.noiseImage(64, 64, 3)), 64);
		final float[] expected = runGraph(m, w, batch, 1);
		try (EmotionClassifier c = EmotionClassifier.load(old)) {
			assertEquals(ModelMetadata.FORMAT_VERSION, c.metadata().format_version);
			assertTrue(!c.archive().savedModel().startsWith(old), "re-exported to a temporary folder");
			try (SavedModelBundle b = SavedModelBundle.load(c.archive().savedModel().toString(), "serve")) {
				assertTrue(b.graph().operation("block_1_expand/folded") != null, "folded graph");
			}
			final float[] p = c.predictPrepared(batch, 1)[0];
			for (int k = 0; k < 2; k++) assertEquals(expected[k], p[k], 1e-5);
		}
		assertTrue(new String(Files.readAllBytes(old.resolve(ModelArchive.METADATA)), StandardCharsets.UTF_8).contains(
			"\"format_version\": 1"), "the user's folder is not changed");
	}

	@Test
	void garbageIsRefusedWithTheFileName() throws IOException {
		final Path bad = tmp.resolve("not-a-model.zip");
		Files.write(bad, "hello".getBytes(StandardCharsets.UTF_8));
		final IOException e = assertThrows(IOException.class, () -> ModelArchive.open(bad));
		assertTrue(e.getMessage().contains("not-a-model.zip"), e.getMessage());
		final IOException missing = assertThrows(IOException.class, () -> ModelArchive.open(tmp.resolve("nope.zip")));
		assertTrue(missing.getMessage().contains("nope.zip"));
	}

	static float[] runGraph(final ModelMetadata m, final Weights w, final float[] batch, final int n) {
		TensorFlowRuntime.engine();
		try (EmotionNetwork net = EmotionNetwork.forInference(m); Session s = new Session(net.graph);
			TFloat32 x = TFloat32.tensorOf(Shape.of(n, m.input_size, m.input_size, 3), DataBuffers.of(batch, true, false)))
		{
			net.variables.assign(s, w, false, 0);
			try (TFloat32 y = (TFloat32) s.runner().feed(net.image, x).fetch(net.probabilities).run().get(0)) {
				final float[] out = new float[(int) y.size()];
				y.read(DataBuffers.of(out, false, false));
				return out;
			}
		}
	}
}
