package org.emotiontracking.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.io.Opener;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.emotiontracking.core.classify.ClassificationReports;
import org.emotiontracking.core.explain.GradCamJob;
import org.emotiontracking.core.live.LiveOutputs;
import org.emotiontracking.core.model.ModelMetadata;
import org.emotiontracking.core.model.TestModels;
import org.emotiontracking.core.report.Csv;
import org.emotiontracking.core.report.EmotionPalette;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Classify Emotions, Grad-CAM Overlay and Live Webcam in plain ImageJ 1.x through their plugins.config
 * entries: once in batch mode ({@code -batch}, under Xvfb because ImageJ builds its menus), once with
 * ImageJ's windows on an Xvfb screen ({@code -macro}), where the flattened overlay of messi5.jpg is saved
 * to {@code target/gui/classify_gradcam.png} (and the whole screen to {@code target/gui/screen.png}) and
 * checked pixel by pixel. A tiny random-weights model keeps it fast. Needs {@code mvn package} first.
 */
class ImageJ1CommandsIT {

	private static final List<String> CLASSES = Arrays.asList("happy", "neutral", "sad");
	private static final Path MESSI = Paths.get("/usr/share/doc/opencv-doc/examples/data/messi5.jpg");

	@TempDir
	static Path shared;
	static Path model;

	@TempDir
	Path dir;

	@BeforeAll
	static void setUp() throws Exception {
		assertTrue(Files.isRegularFile(ij()), "Run `mvn package` first: no " + ij());
		assertTrue(ImageJ1MacroIT.xvfbAvailable(), "xvfb-run is needed (Debian package xvfb)");
		assertTrue(Files.isRegularFile(MESSI), "Debian package opencv-doc is needed for " + MESSI);
		final ModelMetadata m = TestModels.metadata(0.35, 96, CLASSES.toArray(new String[0]));
		model = shared.resolve("tiny model.zip");
		TestModels.randomArchive(model, m, 5);
	}

	private static Path ij() {
		return PackagedJar.TARGET.resolve("lib/ij-1.54p.jar");
	}

	/** Runs ImageJ 1.x with the packaged plugins under Xvfb: {@code mode} is -batch or -macro. */
	private String imageJ(final String mode, final Path macro, final String... xvfbArgs) throws Exception {
		final List<String> cmd = new ArrayList<>(PackagedJar.withoutNetwork());
		cmd.addAll(Arrays.asList("xvfb-run", "-a"));
		cmd.addAll(Arrays.asList(xvfbArgs));
		cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
		cmd.addAll(Arrays.asList("-Dplugins.dir=" + PackagedJar.TARGET.resolve("imagej").toAbsolutePath(),
			"-DEMOTION_TRACKING_CACHE=" + dir.resolve("cache"), "-Duser.home=" + dir.resolve("home"), "-Xmx2g",
			"-DsocksProxyHost=127.0.0.1", "-DsocksProxyPort=9", "-jar", ij().toAbsolutePath().toString(), mode, macro
				.toString()));
		return ImageJ1MacroIT.run(cmd, dir.resolve("imagej.log"));
	}

	@Test
	void batchMacroClassifiesAFolderAndAStackAndPlaysTheStackLive() throws Exception {
		final Path photos = Files.createDirectories(dir.resolve("my photos"));
		Files.copy(MESSI, photos.resolve("messi.jpg"));
		Files.copy(MESSI, photos.resolve("messi copy.jpg"));
		final Path stack = dir.resolve("stack.tif");
		final ImagePlus messi = new Opener().openImage(MESSI.toString());
		final ImageStack s = new ImageStack(messi.getWidth(), messi.getHeight());
		s.addSlice(messi.getProcessor());
		s.addSlice(messi.getProcessor().duplicate());
		assertTrue(new FileSaver(new ImagePlus("stack", s)).saveAsTiffStack(stack.toString()));
		final Path out = dir.resolve("classified"), saved = dir.resolve("emotion results.csv"), grad = dir.resolve("gradcam");
		final Path live = dir.resolve("live");

		final Path macro = dir.resolve("batch.ijm");
		Files.write(macro, Arrays.asList(
			"run(\"Classify Emotions\", \"model=[" + model + "] input=[" + photos + "] faces=whole output=[" + out + "]\");",
			"selectWindow(\"Emotion Results\");",
			"saveAs(\"Results\", \"" + saved + "\");",
			"print(\"summary rows: \" + Table.size(\"Emotion Summary\") + \" \" + Table.getString(\"Image\", 0, \"Emotion Summary\")" +
				" + \" \" + Table.get(\"Faces\", 0, \"Emotion Summary\"));",
			"run(\"Grad-CAM Overlay\", \"model=[" + model + "] input=[" + photos + "] output=[" + grad + "] faces=whole\");",
			"open(\"" + stack + "\");",
			"run(\"Classify Emotions\", \"model=[" + model + "]\");",
			"print(\"overlay of \" + getTitle() + \": \" + Overlay.size);",
			"print(\"rows: \" + Table.size(\"Emotion Results\"));",
			"print(\"batch roi manager: \" + roiManager(\"count\"));",
			"run(\"Classify Emotions\", \"model=[" + model + "] roi_manager\");",
			"run(\"Classify Emotions\", \"model=[" + model + "] roi_manager\");", // replaces, never doubles
			"print(\"roi count: \" + roiManager(\"count\"));",
			"for (i = 0; i < roiManager(\"count\"); i++) {",
			"  roiManager(\"select\", i);",
			"  getSelectionBounds(x, y, w, h);",
			"  print(\"manager roi [\" + Roi.getName + \"] slice \" + getSliceNumber() + \" group \" + Roi.getGroup +" +
				" \" \" + Roi.getStrokeColor + \" \" + x + \" \" + y + \" \" + w + \" \" + h);",
			"}",
			"print(\"group names: \" + Roi.getGroupNames);",
			"run(\"Live Webcam\", \"model=[" + model + "] camera=97 detect_width=0 output=[" + live + "]\");",
			"print(\"timeline open: \" + isOpen(\"" + LiveOutputs.TIMELINE_PNG + "\"));"), StandardCharsets.UTF_8);
		final String log = imageJ("-batch", macro);

		assertFalse(log.contains(" failed: "), log);
		assertFalse(log.contains("Exception"), log);
		// The folder: the saved table has the CSV log's rows.
		final List<List<String>> table = Csv.parse(new String(Files.readAllBytes(saved), StandardCharsets.UTF_8));
		final List<List<String>> csv = Csv.parse(new String(Files.readAllBytes(out.resolve(ClassificationReports.LOG)),
			StandardCharsets.UTF_8));
		assertEquals(Arrays.asList("Image", "Slice", "Face", "X", "Y", "Width", "Height", "Emotion", "Confidence",
			"P(happy)", "P(neutral)", "P(sad)"), table.get(0).subList(0, 12));
		assertEquals("Error", table.get(0).get(table.get(0).size() - 1), "keypoint columns (if any) come before Error");
		assertEquals(3, table.size(), table.toString());
		assertEquals(csv.size(), table.size());
		final List<String> h = csv.get(0);
		for (int i = 1; i < table.size(); i++) {
			assertEquals(csv.get(i).get(h.indexOf("image")), table.get(i).get(0));
			assertEquals(csv.get(i).get(h.indexOf("predicted_emotion")), table.get(i).get(7));
			assertEquals(Double.parseDouble(csv.get(i).get(h.indexOf("confidence"))), Double.parseDouble(table.get(i).get(8)),
				1e-4);
			assertEquals("0", table.get(i).get(3), "whole image: box at 0");
		}
		assertEquals("messi copy.jpg", table.get(1).get(0));
		assertTrue(log.contains("summary rows: 2 messi copy.jpg 1"), log);
		assertEquals(3, Files.readAllLines(out.resolve(ClassificationReports.SUMMARY)).size(), log);
		// Grad-CAM files, the stack's overlay (box and label per slice), the live run on the stack.
		assertTrue(Files.isRegularFile(grad.resolve("messi" + GradCamJob.PNG_SUFFIX)), log);
		assertTrue(Files.isRegularFile(grad.resolve("messi copy" + GradCamJob.TIFF_SUFFIX)), log);
		assertTrue(log.contains("overlay of stack.tif: 4"), log);
		assertTrue(log.contains("rows: 2"), log);
		// The ROI Manager: off by default in batch mode; with roi_manager one ROI per face on its slice.
		assertTrue(log.contains("batch roi manager: 0"), log);
		assertTrue(log.contains("roi count: 2"), log);
		final Matcher roi = Pattern.compile("manager roi \\[stack\\.tif:s(\\d):f1 (\\w+) (\\d+)%\\] slice (\\d) group (\\d+) (\\S+)")
			.matcher(log);
		for (int slice = 1; slice <= 2; slice++) {
			assertTrue(roi.find(), log);
			assertEquals(String.valueOf(slice), roi.group(1));
			assertEquals(String.valueOf(slice), roi.group(4), "the ROI sits on its slice");
			final String emotion = roi.group(2);
			assertTrue(CLASSES.contains(emotion), emotion);
			final String[] names = log.split("group names: ")[1].split("\\R")[0].split(",", -1);
			assertEquals(emotion, names[Integer.parseInt(roi.group(5)) - 1], "the group is named after the emotion");
			final Color c = EmotionPalette.colorOf(emotion);
			assertEquals(String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue()), roi.group(6).toLowerCase());
		}
		assertTrue(log.contains("No camera 97 could be opened: playing the planes of stack.tif"), log);
		assertEquals(3, Files.readAllLines(live.resolve(LiveOutputs.TIMELINE_CSV)).size(), log);
		assertTrue(log.contains("timeline open: 1"), "the timeline chart is opened:\n" + log);
	}

	@Test
	void guiShowsFacesAndHeatmapsOnTheOpenImage() throws Exception {
		final Path gui = Files.createDirectories(PackagedJar.TARGET.resolve("gui"));
		final Path png = gui.resolve("classify_gradcam.png"), screen = gui.resolve("screen.png"), ijLog = dir.resolve(
			"log.txt");
		Files.deleteIfExists(png);
		final Path stack = dir.resolve("three.tif");
		final ImagePlus messi = new Opener().openImage(MESSI.toString());
		final ImageStack s = new ImageStack(messi.getWidth(), messi.getHeight());
		for (int i = 0; i < 3; i++) s.addSlice(messi.getProcessor().duplicate());
		assertTrue(new FileSaver(new ImagePlus("three", s)).saveAsTiffStack(stack.toString()));
		final Path live = dir.resolve("live");

		final Path macro = dir.resolve("gui.ijm");
		Files.write(macro, Arrays.asList(
			"open(\"" + MESSI + "\");",
			"id = getImageID();",
			"run(\"Classify Emotions\", \"model=[" + model + "]\");",
			"print(\"classified: \" + Table.getString(\"Emotion\", 0, \"Emotion Results\"));",
			"print(\"gui roi manager: \" + roiManager(\"count\") + \" \" + call(\"ij.plugin.frame.RoiManager.getName\", \"0\"));",
			"run(\"Grad-CAM Overlay\", \"model=[" + model + "]\");",
			"for (i = 0; i < Overlay.size; i++) {",
			"  Overlay.activateSelection(i);",
			"  getSelectionBounds(x, y, w, h);",
			"  print(\"roi \" + i + \" [\" + Roi.getName + \"] \" + selectionType() + \" \" + x + \" \" + y + \" \" + w + \" \" + h);",
			"}",
			"run(\"Select None\");",
			"run(\"Flatten\");",
			"saveAs(\"PNG\", \"" + png + "\");",
			"selectImage(id);",
			"wait(300);",
			"run(\"Capture Screen\");",
			"saveAs(\"PNG\", \"" + screen + "\");",
			"open(\"" + stack + "\");",
			"run(\"Live Webcam\", \"model=[" + model + "] camera=97 detect_width=0 show=true output=[" + live + "]\");",
			"wait(1000);",
			"print(\"live window: \" + isOpen(\"Live Emotion Tracking (end of source)\"));",
			"print(\"front image: \" + getTitle());",
			"File.saveString(getInfo(\"log\"), \"" + ijLog + "\");",
			"close(\"*\");",
			"run(\"Quit\");"), StandardCharsets.UTF_8);
		final String out = imageJ("-macro", macro, "-s", "-screen 0 1280x1024x24");
		assertTrue(Files.isRegularFile(ijLog), out);
		final String log = new String(Files.readAllBytes(ijLog), StandardCharsets.UTF_8);
		assertFalse(log.contains(" failed: "), log);

		// The Grad-CAM overlay: heatmap image ROI, box and label of the one face.
		final Matcher m = Pattern.compile("roi 1 \\[(\\w+) (\\d+\\.\\d)%\\] 0 (\\d+) (\\d+) (\\d+) (\\d+)").matcher(log);
		assertTrue(m.find(), log);
		final String emotion = m.group(1);
		assertTrue(CLASSES.contains(emotion), emotion);
		final Rectangle box = new Rectangle(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m
			.group(5)), Integer.parseInt(m.group(6)));
		assertTrue(Math.abs(box.x - 226) < 15 && Math.abs(box.y - 94) < 15, box.toString());
		assertTrue(log.contains("roi 0 [" + emotion + " "), "the heatmap under the box:\n" + log);
		assertTrue(log.contains("gui roi manager: 1 messi5.jpg:f1 " + emotion + " "), "interactive: faces in the ROI Manager\n" +
			log);
		assertTrue(log.contains("live window: 1"), log);
		assertTrue(log.contains("front image: " + LiveOutputs.TIMELINE_PNG), log);
		assertTrue(Files.isRegularFile(live.resolve(LiveOutputs.TIMELINE_CSV)), log);

		final BufferedImage flat = ImageIO.read(png.toFile());
		assertNotNull(flat, png.toString());
		final int[] photo = (int[]) messi.getProcessor().getPixels();
		assertEquals(messi.getWidth(), flat.getWidth());
		// The box outline in the emotion's colour.
		final Color colour = EmotionPalette.colorOf(emotion);
		int outline = 0;
		for (int x = box.x + 2; x < box.x + box.width - 2; x++)
			if (near(flat.getRGB(x, box.y), colour) || near(flat.getRGB(x, box.y + box.height - 1), colour)) outline++;
		assertTrue(outline > box.width / 2, "box outline pixels in " + colour + ": " + outline);
		// Inside the box the JET heatmap is blended in (pixels changed, several hues); far away the photo is unchanged.
		int changed = 0;
		long blue = 0, red = 0;
		final int w = messi.getWidth();
		for (int y = box.y + 3; y < box.y + box.height - 3; y++)
			for (int x = box.x + 3; x < box.x + box.width - 3; x++) {
				final int a = flat.getRGB(x, y) & 0xffffff, b = photo[y * w + x] & 0xffffff;
				if (Math.abs((a >> 16) - (b >> 16)) + Math.abs((a >> 8 & 0xff) - (b >> 8 & 0xff)) + Math.abs((a & 0xff) -
					(b & 0xff)) > 12) changed++;
				blue += (a & 0xff) - (b & 0xff);
				red += (a >> 16) - (b >> 16);
			}
		final int area = (box.width - 6) * (box.height - 6);
		assertTrue(changed > area * 3 / 4, "heatmap pixels " + changed + " of " + area);
		assertTrue(blue != 0 || red != 0, "a colour shift");
		assertEquals(photo[300 * w + 500] & 0xffffff, flat.getRGB(500, 300) & 0xffffff, "far from the face");
		assertTrue(Files.size(screen) > 10_000, "screen capture");
	}

	private static boolean near(final int rgb, final Color c) {
		return Math.abs((rgb >> 16 & 0xff) - c.getRed()) + Math.abs((rgb >> 8 & 0xff) - c.getGreen()) + Math.abs((rgb &
			0xff) - c.getBlue()) < 40;
	}
}
