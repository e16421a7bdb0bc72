package org.emotiontracking.core.model.tfjs;

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
import org.emotiontracking.core.data.SyntheticFaces;
import org.emotiontracking.core.model.BuiltinModel;
import org.emotiontracking.core.model.EmotionClassifier;
import org.emotiontracking.core.model.ImageBatch;
import org.emotiontracking.core.model.ModelMetadata;
import org.emotiontracking.core.model.Preprocessing;
import org.emotiontracking.core.model.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The converter against TF.js itself on the same weights (the npm package the build fetched), and its
 * refusals of what it cannot convert.
 */
class TfjsConverterTest {

	@TempDir
	Path tmp;

	/** Drawn faces of every emotion, noise and flat images, 64 px. */
	private static List<RgbImage> inputs() {
		final List<RgbImage> out = new ArrayList<>();
		final SyntheticFaces faces = new SyntheticFaces(64, 5);
		for (int c = 0; c < faces.classNames().size(); c++) out.add(faces.face(c, c));
		out.add(TestModels.noiseImage(64, 64, 1));
		out.add(TestModels.noiseImage(64, 64, 2));
		final RgbImage black = RgbImage.blank(64, 64), white = RgbImage.blank(64, 64);
		Arrays.fill(white.pixels(), (byte) 255);
		out.add(black);
		out.add(white);
		return out;
	}

	@Test
	void sameProbabilitiesAsTfjsOnTheSameWeights() throws Exception {
		final Path json = TfjsReference.humanEmotionJson();
		TfjsReference.modules();
		final List<RgbImage> images = inputs();
		final float[] batch = ImageBatch.pack(images, 64);
		for (final Preprocessing p : Arrays.asList(Preprocessing.GRAYSCALE_RESCALE_1_255, Preprocessing.GRAYSCALE_MINUS1_1)) {
			final TfjsConverter.Options o = BuiltinModel.options();
			o.preprocessing = p;
			final Path zip = tmp.resolve(p.id + ".zip");
			final ModelMetadata m = TfjsConverter.convert(json, zip, o);
			assertEquals(64, m.input_size);
			assertEquals("conv2d_5", m.gradcam_layer, "the last convolution: " + m.gradcam_layers);
			final float[][] expected = TfjsReference.run(json, batch, images.size(), 64, p.id, tmp);
			try (EmotionClassifier c = EmotionClassifier.load(zip)) {
				final float[][] actual = c.predictPrepared(batch, images.size());
				assertEquals(expected.length, actual.length);
				double worst = 0;
				for (int i = 0; i < actual.length; i++)
					for (int k = 0; k < 7; k++) worst = Math.max(worst, Math.abs(actual[i][k] - expected[i][k]));
				System.out.printf("TF.js vs converted (%s): largest difference %.2e over %d images%n", p.id, worst,
					images.size());
				assertTrue(worst < 1e-4, p.id + ": largest difference " + worst + "\n" + TfjsReference.toString(actual[0]) +
					"\n" + TfjsReference.toString(expected[0]));
			}
		}
	}

	@Test
	void theJarsBuiltInModelIsTheConvertedPackage() throws Exception {
		final Path json = TfjsReference.humanEmotionJson();
		final List<RgbImage> images = inputs();
		final float[] batch = ImageBatch.pack(images, 64);
		final float[][] expected = TfjsReference.run(json, batch, images.size(), 64, Preprocessing.GRAYSCALE_RESCALE_1_255.id,
			tmp);
		try (EmotionClassifier c = EmotionClassifier.load(null)) {
			assertEquals(BuiltinModel.CLASSES, c.classNames());
			final float[][] actual = c.predictPrepared(batch, images.size());
			for (int i = 0; i < actual.length; i++)
				for (int k = 0; k < 7; k++) assertEquals(expected[i][k], actual[i][k], 1e-4, "image " + i + " class " + k);
		}
	}

	/** A copy of the npm model with its model.json changed. */
	private Path edited(final java.util.function.Consumer<JsonObject> edit) throws IOException {
		final Path json = TfjsReference.humanEmotionJson();
		final Path dir = Files.createDirectories(tmp.resolve("edited"));
		final JsonObject root = JsonParser.parseString(new String(Files.readAllBytes(json), StandardCharsets.UTF_8))
			.getAsJsonObject();
		edit.accept(root);
		final Path out = dir.resolve("model.json");
		Files.write(out, root.toString().getBytes(StandardCharsets.UTF_8));
		Files.copy(json.resolveSibling("emotion.bin"), dir.resolve("emotion.bin"));
		return out;
	}

	private static JsonObject node(final JsonObject root, final String name) {
		for (final JsonElement e : root.getAsJsonObject("modelTopology").getAsJsonArray("node"))
			if (e.getAsJsonObject().get("name").getAsString().equals(name)) return e.getAsJsonObject();
		throw new AssertionError("no node " + name);
	}

	private IOException refused(final Path json) {
		final Path zip = tmp.resolve("refused.zip");
		final IOException e = assertThrows(IOException.class, () -> TfjsConverter.convert(json, zip, BuiltinModel.options()));
		assertTrue(!Files.exists(zip), "nothing written");
		return e;
	}

	@Test
	void unknownOpIsRefusedNamingIt() throws Exception {
		final Path json = edited(r -> node(r, "StatefulPartitionedCall/model_1/add_2/add").addProperty("op", "Atan2"));
		final IOException e = refused(json);
		assertTrue(e.getMessage().contains("'Atan2'") && e.getMessage().contains("StatefulPartitionedCall/model_1/add_2/add"),
			e.getMessage());
	}

	@Test
	void unknownFusedActivationIsRefusedNamingIt() throws Exception {
		final Path json = edited(r -> {
			final JsonArray ops = node(r, "StatefulPartitionedCall/model_1/block1_conv1_act/Relu").getAsJsonObject("attr")
				.getAsJsonObject("fused_ops").getAsJsonObject("list").getAsJsonArray("s");
			ops.set(1, new com.google.gson.JsonPrimitive(java.util.Base64.getEncoder().encodeToString("Selu".getBytes(
				StandardCharsets.UTF_8))));
		});
		final IOException e = refused(json);
		assertTrue(e.getMessage().contains("Selu") && e.getMessage().contains("block1_conv1_act"), e.getMessage());
	}

	@Test
	void weightsFileShorterThanTheManifestIsRefused() throws Exception {
		final Path json = edited(r -> {});
		final Path bin = json.resolveSibling("emotion.bin");
		final byte[] b = Files.readAllBytes(bin);
		Files.write(bin, Arrays.copyOf(b, b.length - 100));
		final IOException e = refused(json);
		assertTrue(e.getMessage().contains("emotion.bin") && e.getMessage().contains("too short") && e.getMessage().contains(
			String.valueOf(b.length)), e.getMessage());
	}

	@Test
	void outputThatIsNotAProbabilityVectorIsRefused() throws Exception {
		// the model's Identity output reads the pooled logits instead of the softmax
		final Path json = edited(r -> {
			final JsonArray in = new JsonArray();
			in.add("StatefulPartitionedCall/model_1/global_average_pooling2d_1/Mean");
			node(r, "Identity").add("input", in);
			final JsonArray nodes = r.getAsJsonObject("modelTopology").getAsJsonArray("node");
			nodes.remove(node(r, "StatefulPartitionedCall/model_1/predictions/Softmax"));
		});
		final IOException e = refused(json);
		assertTrue(e.getMessage().contains("'Identity'") && e.getMessage().contains("not by a Softmax") && e.getMessage()
			.contains("probabilities"), e.getMessage());
	}

	@Test
	void classNamesMustMatchTheOutput() throws Exception {
		final Path json = TfjsReference.humanEmotionJson();
		final TfjsConverter.Options o = BuiltinModel.options();
		o.classNames = Arrays.asList("a", "b", "c");
		final IOException e = assertThrows(IOException.class, () -> TfjsConverter.convert(json, tmp.resolve("x.zip"), o));
		assertTrue(e.getMessage().contains("7 classes") && e.getMessage().contains("3 class names"), e.getMessage());
	}

	@Test
	void halfFloatsDecode() {
		assertEquals(1f, TfjsGraphModel.halfToFloat((short) 0x3c00));
		assertEquals(-2f, TfjsGraphModel.halfToFloat((short) 0xc000));
		assertEquals(0.5f, TfjsGraphModel.halfToFloat((short) 0x3800));
		assertEquals(5.9604645e-8f, TfjsGraphModel.halfToFloat((short) 0x0001));
	}
}
