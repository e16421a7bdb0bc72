package org.emotiontracking.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.measure.ResultsTable;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import org.emotiontracking.core.classify.ClassificationReports;
import org.emotiontracking.core.classify.ClassifyFixtures;
import org.emotiontracking.core.classify.ClassifySettings;
import org.emotiontracking.core.data.TestImages;
import org.emotiontracking.core.explain.GradCamSettings;
import org.emotiontracking.core.live.LiveSettings;
import org.emotiontracking.core.report.EmotionPalette;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.plugin.Plugin;

/** Classify Emotions through a SciJava CommandService, headless, on an open stack and on a folder. */
class ClassifyEmotionsCommandTest extends SciJavaCommandTest {

	@TempDir
	Path dir;

	@Test
	void parametersMirrorTheCoreKeysAndTheMenu() throws Exception {
		assertEquals(Collections.emptyList(), SettingsBinding.mismatches(new ClassifyEmotionsCommand(), new ClassifySettings()));
		assertEquals(Collections.emptyList(), SettingsBinding.mismatches(new GradCamOverlayCommand(), new GradCamSettings()));
		assertEquals(Collections.emptyList(), SettingsBinding.mismatches(new LiveWebcamCommand(), new LiveSettings()));
		final List<String> config = Files.readAllLines(Paths.get("plugins.config"), StandardCharsets.UTF_8);
		for (final Class<?> c : Arrays.asList(ClassifyEmotionsCommand.class, GradCamOverlayCommand.class,
			LiveWebcamCommand.class))
		{
			final Plugin plugin = c.getAnnotation(Plugin.class);
			assertTrue(plugin.headless());
			final String menu = plugin.menuPath();
			final String leaf = menu.substring(menu.lastIndexOf('>') + 1);
			final String entry = menu.substring(0, menu.lastIndexOf('>')) + ", \"" + leaf + "\", " + EmotionTrackingPlugin.class
				.getName() + "(\"" + plugin.name() + "\")";
			assertTrue(config.contains(entry), entry + " in plugins.config");
			assertEquals(c.getName(), EmotionTrackingPlugin.find(context, plugin.name()).getClassName());
		}
		assertEquals("Plugins>Emotion Tracking>Classify Emotions", ClassifyEmotionsCommand.class.getAnnotation(Plugin.class)
			.menuPath());
		assertEquals("Plugins>Emotion Tracking>Grad-CAM Overlay", GradCamOverlayCommand.class.getAnnotation(Plugin.class)
			.menuPath());
		assertEquals("Plugins>Emotion Tracking>Live Webcam", LiveWebcamCommand.class.getAnnotation(Plugin.class).menuPath());
	}

	@Test
	void classifiesEveryPlaneOfAnOpenStackIntoTableOverlayAndCsv() throws Exception {
		final ImagePlus imp = ImagePlusConversion.toImagePlus("messi stack", Arrays.asList(ClassifyFixtures.messi(),
			ClassifyFixtures.messi()));
		imp.setOverlay(new Overlay(new Roi(1, 1, 5, 5))); // the user's own: kept
		final Path out = dir.resolve("out");
		final Module module = run(ClassifyEmotionsCommand.class, "image", imp, "model", ClassifyFixtures.model().toFile(),
			"output", out.toFile());
		assertNull(failure(module), String.join("\n", log));

		final ResultsTable rt = (ResultsTable) module.getOutput("results");
		assertEquals(2, rt.size(), "one row per face per slice");
		assertEquals(2L, module.getOutput("face_count"));
		assertEquals(2L, module.getOutput("image_count"));
		assertTrue(((String) module.getOutput("summary")).startsWith("2 images, 2 faces classified"));
		final List<Roi> boxes = EmotionOverlay.faces(imp).stream().filter(r -> "box".equals(r.getProperty(
			EmotionOverlay.PROPERTY))).collect(Collectors.toList());
		assertEquals(2, boxes.size(), "one box per face");
		assertEquals(5, imp.getOverlay().size(), "the user's ROI + box and label per slice");
		for (int i = 0; i < 2; i++) {
			assertEquals("messi stack", rt.getStringValue("Image", i));
			assertEquals(i + 1, (int) rt.getValue("Slice", i));
			assertEquals(i + 1, boxes.get(i).getPosition());
			assertTrue(Math.abs(rt.getValue("X", i) - ClassifyFixtures.MESSI_FACE.x()) < 15, "x " + rt.getValue("X", i));
			assertTrue(Math.abs(rt.getValue("Y", i) - ClassifyFixtures.MESSI_FACE.y()) < 15, "y " + rt.getValue("Y", i));
			assertEquals((int) rt.getValue("X", i), boxes.get(i).getBounds().x);
			final String emotion = rt.getStringValue("Emotion", i);
			assertTrue(ClassifyFixtures.CLASSES.contains(emotion), emotion);
			assertEquals(EmotionPalette.colorOf(emotion), boxes.get(i).getStrokeColor());
			assertEquals(EmotionOverlay.label(emotion, rt.getValue("Confidence", i)).substring(0, emotion.length()), boxes
				.get(i).getName().substring(0, emotion.length()));
		}

		// The table holds the CSV's rows.
		final List<List<String>> csv = ClassifyFixtures.readCsv(out.resolve(ClassificationReports.LOG));
		assertEquals(rt.size() + 1, csv.size(), csv.toString());
		final List<String> h = csv.get(0);
		for (int i = 0; i < rt.size(); i++) {
			final List<String> row = csv.get(i + 1);
			assertEquals(rt.getStringValue("Image", i), row.get(h.indexOf("image")));
			for (final String[] c : new String[][] { { "Slice", "slice" }, { "Face", "face" }, { "X", "x" }, { "Y", "y" }, {
				"Width", "width" }, { "Height", "height" } })
				assertEquals(Integer.parseInt(row.get(h.indexOf(c[1]))), (int) rt.getValue(c[0], i), c[0]);
			assertEquals(row.get(h.indexOf("predicted_emotion")), rt.getStringValue("Emotion", i));
			assertEquals(Double.parseDouble(row.get(h.indexOf("confidence"))), rt.getValue("Confidence", i), 1e-6);
			for (final String c : ClassifyFixtures.CLASSES)
				assertEquals(Double.parseDouble(row.get(h.indexOf("p_" + c))), rt.getValue("P(" + c + ")", i), 1e-6);
		}

		// Again without output and overlay=false: nothing written, the overlay untouched.
		final Overlay before = imp.getOverlay().duplicate();
		final Module again = run(ClassifyEmotionsCommand.class, "image", imp, "model", ClassifyFixtures.model().toFile(),
			"overlay", false);
		assertNull(failure(again), String.join("\n", log));
		assertEquals(2, ((ResultsTable) again.getOutput("results")).size());
		assertEquals(before.size(), imp.getOverlay().size());
	}

	@Test
	void classifiesAFolderLikeTheCommandLine() throws Exception {
		final Path in = Files.createDirectories(dir.resolve("in"));
		Files.copy(ClassifyFixtures.messiFile(), in.resolve("a.jpg"));
		TestImages.write(ClassifyFixtures.noFace(), in.resolve("b.png"));
		final Path out = dir.resolve("out");
		final Module module = run(ClassifyEmotionsCommand.class, "model", ClassifyFixtures.model().toFile(), "input", in
			.toFile(), "output", out.toFile(), "faces", "whole");
		assertNull(failure(module), String.join("\n", log));
		final ResultsTable rt = (ResultsTable) module.getOutput("results");
		assertEquals(2, rt.size());
		assertEquals("a.jpg", rt.getStringValue("Image", 0));
		assertEquals("b.png", rt.getStringValue("Image", 1));
		assertTrue(Files.isRegularFile(out.resolve(ClassificationReports.LOG)));
		assertTrue(Files.isRegularFile(out.resolve(ClassificationReports.DISTRIBUTION)));
		assertTrue(log.stream().anyMatch(l -> l.startsWith("2 images, 2 faces classified")), String.join("\n", log));

		// Outputs are not replaced without overwrite=true.
		final Module twice = run(ClassifyEmotionsCommand.class, "model", ClassifyFixtures.model().toFile(), "input", in
			.toFile(), "output", out.toFile(), "faces", "whole");
		assertNotNull(failure(twice));
		assertTrue(failure(twice).contains(ClassificationReports.LOG), failure(twice));
	}

	@Test
	void withoutInputOrImageItSaysWhatIsMissing() throws Exception {
		final Module module = run(ClassifyEmotionsCommand.class, "model", ClassifyFixtures.model().toFile());
		assertTrue(failure(module).startsWith("No input: open an image or give input="), failure(module));
	}

	@Test
	void theImageJ1BridgeUsesTheCurrentImage() {
		final ImagePlus imp = ImagePlusConversion.toImagePlus("current.png", ClassifyFixtures.messi());
		WindowManager.setTempCurrentImage(imp);
		try {
			final EmotionTrackingPlugin.Outcome outcome = EmotionTrackingPlugin.run(context, "classify", "model=[" +
				ClassifyFixtures.model() + "] faces=whole");
			assertNull(outcome.failure);
			final ResultsTable rt = (ResultsTable) outcome.module.getOutput("results");
			assertEquals(1, rt.size());
			assertEquals("current.png", rt.getStringValue("Image", 0));
			assertEquals(2, EmotionOverlay.faces(imp).size());
			assertEquals(new File(ClassifyFixtures.model().toString()), outcome.module.getInput("model"));
		}
		finally {
			WindowManager.setTempCurrentImage(null);
		}
	}
}
