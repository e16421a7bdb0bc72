package org.emotiontracking.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.emotiontracking.core.data.ImageDecoder;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.data.SyntheticFaces;
import org.emotiontracking.core.data.TestImages;
import org.emotiontracking.core.util.FileTrees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ONNX export run by ONNX Runtime gives the probabilities of the TensorFlow serving graph of the
 * same archive, computed in the same test through DJL's TensorFlow engine: every alpha Keras publishes,
 * even and odd sizes (TensorFlow's 'SAME' padding differs for them), both preprocessings, random and
 * real images.
 */
class OnnxServingEquivalenceTest {

	@TempDir
	Path tmp;

	@ParameterizedTest
	@CsvSource({ "0.35, 48, mobilenet_v2", "0.5, 33, rescale_1_255", "0.75, 40, mobilenet_v2", "1.0, 37, mobilenet_v2",
		"1.3, 32, rescale_1_255", "1.4, 35, mobilenet_v2", "1.0, 224, mobilenet_v2" })
	void onnxRuntimeGivesTensorFlowsProbabilities(final double alpha, final int size, final String preprocessing)
		throws IOException
	{
		final ModelMetadata m = TestModels.metadata(alpha, size, "a", "b", "c", "d");
		m.preprocessing = preprocessing;
		final Path zip = TestModels.randomArchive(tmp.resolve("m.zip"), m, 21);
		final List<RgbImage> images = images(size);
		assertSame(zip, images, 1e-4);
	}

	/** An archive written before ONNX export gets it when opened; the user's file is left as it was. */
	@Test
	void archiveWithoutOnnxGetsItOnOpenAndStaysUnchanged() throws IOException {
		final ModelMetadata m = TestModels.metadata(0.35, 40, "x", "y", "z");
		final Path full = TestModels.randomArchive(tmp.resolve("full.zip"), m, 5);
		final Path old = withoutOnnx(full, tmp.resolve("old.zip"));
		final byte[] before = Files.readAllBytes(old);
		assertSame(old, images(40), 1e-4);
		assertArrayEquals(before, Files.readAllBytes(old));

		final Path folder = Files.createDirectories(tmp.resolve("unpacked"));
		try (InputStream in = Files.newInputStream(old)) {
			FileTrees.unzip(in, folder);
		}
		assertSame(folder, images(40), 1e-4);
		assertFalse(Files.exists(folder.resolve(ModelArchive.ONNX)), "the user's folder must not change");
	}

	/** An architecture the exporter does not know runs on TensorFlow, and the classifier says why. */
	@Test
	void modelWithoutOnnxExportRunsOnTensorFlow() throws IOException {
		final ModelMetadata m = TestModels.metadata(0.35, 32, "x", "y");
		final Path folder = Files.createDirectories(tmp.resolve("other"));
		ModelArchive.exportFolder(folder, m, TestModels.randomWeights(m, 3));
		Files.delete(folder.resolve(ModelArchive.ONNX));
		final ModelMetadata other = ModelMetadata.fromJson(new String(Files.readAllBytes(folder.resolve(
			ModelArchive.METADATA)), StandardCharsets.UTF_8));
		other.architecture = "MiniXception";
		Files.write(folder.resolve(ModelArchive.METADATA), other.toJson().getBytes(StandardCharsets.UTF_8));
		try (EmotionClassifier c = EmotionClassifier.load(folder, null, InferenceEngine.ONNXRUNTIME, 0)) {
			assertEquals(InferenceEngine.TENSORFLOW, c.engine());
			assertTrue(c.engineDescription().contains("MiniXception"), c.engineDescription());
			assertEquals(2, c.predict(images(32))[0].length);
		}
	}

	/** Noise, a blank image, drawn faces and a real photo (opencv-doc), as the classifier resizes them. */
	private static List<RgbImage> images(final int size) throws IOException {
		final List<RgbImage> images = new ArrayList<>();
		images.add(TestModels.noiseImage(size, size, 1));
		images.add(RgbImage.blank(size + 9, size));
		final SyntheticFaces faces = new SyntheticFaces(size, 4);
		for (int i = 0; i < 3; i++) images.add(faces.face(i, i));
		images.add(new ImageDecoder().decode(TestImages.sample("messi5.jpg")));
		return images;
	}

	private static void assertSame(final Path model, final List<RgbImage> images, final double tolerance)
		throws IOException
	{
		final float[][] tf, ort;
		try (EmotionClassifier c = EmotionClassifier.load(model, null, InferenceEngine.TENSORFLOW, 0)) {
			assertEquals(InferenceEngine.TENSORFLOW, c.engine());
			tf = c.predict(images);
		}
		try (EmotionClassifier c = EmotionClassifier.load(model, null, InferenceEngine.ONNXRUNTIME, 0)) {
			assertEquals(InferenceEngine.ONNXRUNTIME, c.engine(), c.engineDescription());
			ort = c.predict(images);
		}
		double spread = 0;
		for (int i = 0; i < images.size(); i++)
			for (int k = 0; k < tf[i].length; k++) {
				assertEquals(tf[i][k], ort[i][k], tolerance, "image " + i + " class " + k);
				spread = Math.max(spread, Math.abs(tf[i][k] - tf[0][k]));
			}
		assertTrue(spread > 1e-3, "the test model must respond to its input (spread " + spread + ")");
	}

	private static Path withoutOnnx(final Path from, final Path to) throws IOException {
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from));
			OutputStream o = Files.newOutputStream(to); ZipOutputStream out = new ZipOutputStream(o))
		{
			boolean had = false;
			for (ZipEntry e; (e = in.getNextEntry()) != null;) {
				if (e.getName().equals(ModelArchive.ONNX)) {
					had = true;
					continue;
				}
				out.putNextEntry(new ZipEntry(e.getName()));
				in.transferTo(out);
				out.closeEntry();
			}
			assertTrue(had, "a new archive holds " + ModelArchive.ONNX);
		}
		return to;
	}
}
