package org.emotiontracking.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.emotiontracking.core.data.TestImages;
import org.emotiontracking.core.model.ModelMetadata;
import org.emotiontracking.core.model.TestModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.io.Opener;

/** `gradcam` as a user runs it. */
class GradCamCliTest {

	@TempDir
	static Path tmp;
	static Path model;

	@BeforeAll
	static void model() throws IOException {
		final ModelMetadata m = TestModels.metadata(0.35, 96, "angry", "calm", "happy");
		model = tmp.resolve("model.zip");
		TestModels.randomArchive(model, m, 4);
	}

	static final class Run {
		final int status;
		final String out, err;

		Run(final String... args) {
			final ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
			status = Main.run(args, new PrintStream(o, true), new PrintStream(e, true));
			out = new String(o.toByteArray(), StandardCharsets.UTF_8);
			err = new String(e.toByteArray(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void writesOverlayAndHeatmapForAPhoto() throws IOException {
		final Path messi = TestImages.sample("messi5.jpg");
		final Path out = tmp.resolve("out");
		final Run r = new Run("gradcam", "model=" + model, "input=" + messi, "output=" + out, "target=calm",
			"method=gradcam++", "margin=0.1");
		assertEquals(0, r.status, r.out + r.err);
		assertTrue(r.out.contains("Grad-CAM++ of calm on layer out_relu"), r.out);
		assertEquals(548, ImageIO.read(out.resolve("messi5_gradcam.png").toFile()).getWidth());
		final ImagePlus heat = new Opener().openImage(out.resolve("messi5_heatmap.tif").toString());
		assertEquals(548, heat.getWidth());
		assertEquals(342, heat.getHeight());
		// again without overwrite: the file is named, the exit status says something failed
		final Run again = new Run("gradcam", "model=" + model, "input=" + messi, "output=" + out);
		assertEquals(1, again.status);
		assertTrue(again.out.contains("Skipped messi5.jpg") && again.out.contains("already exists"), again.out);
	}

	@Test
	void unknownLayerTargetOrKeyFailWithTheChoices() throws IOException {
		final Path face = TestImages.write(TestModels.noiseImage(40, 40, 1), tmp.resolve("face.png"));
		final Run layer = new Run("gradcam", "model=" + model, "input=" + face, "output=" + tmp.resolve("o"),
			"layer=conv_5");
		assertEquals(2, layer.status);
		assertTrue(layer.err.contains("Unknown layer 'conv_5'. Valid layers: Conv1, bn_Conv1"), layer.err);
		final Run target = new Run("gradcam", "model=" + model, "input=" + face, "output=" + tmp.resolve("o"),
			"target=sad");
		assertEquals(2, target.status);
		assertTrue(target.err.contains("Valid targets: predicted, angry, calm, happy"), target.err);
		final Run key = new Run("gradcam", "modle=" + model);
		assertEquals(2, key.status);
		assertTrue(key.err.contains("Unknown key 'modle'"), key.err);
		assertEquals(0, new Run("gradcam", "model=" + model, "input=" + face, "output=" + tmp.resolve("o"),
			"faces=whole", "layer=block_16_project").status);
		assertTrue(Files.exists(tmp.resolve("o/face_heatmap.tif")));
	}

	@Test
	void helpListsTheKeys() {
		final Run help = new Run("gradcam", "--help");
		assertEquals(0, help.status);
		for (final String key : new String[] { "model", "input", "output", "recursive", "faces", "detector", "scale_factor",
			"min_neighbors", "min_face", "margin", "largest", "target", "layer", "method", "alpha", "classes", "overwrite" })
			assertTrue(help.out.contains("  " + key + " "), key + " in " + help.out);
	}
}
