package org.emotiontracking.imagej;

import static org.emotiontracking.imagej.ClassifyEmotionsCommandTest.failure;
import static org.emotiontracking.imagej.ClassifyEmotionsCommandTest.log;
import static org.emotiontracking.imagej.ClassifyEmotionsCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.gui.ImageRoi;
import ij.gui.Roi;

import java.awt.Rectangle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.emotiontracking.core.classify.ClassifyFixtures;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.explain.GradCamJob;
import org.emotiontracking.core.live.LiveOutputs;
import org.emotiontracking.core.report.EmotionPalette;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.module.Module;

/** Grad-CAM Overlay and Live Webcam through a SciJava CommandService, headless. */
class GradCamAndLiveCommandsTest extends SciJavaCommandTest {

	@TempDir
	Path dir;

	@Test
	void gradCamDrawsTranslucentHeatmapsBoxesAndLabelsOnTheOpenImage() throws Exception {
		final ImagePlus imp = ImagePlusConversion.toImagePlus("messi5.jpg", ClassifyFixtures.messi());
		final Module module = run(GradCamOverlayCommand.class, "image", imp, "model", ClassifyFixtures.model().toFile());
		assertNull(failure(module), String.join("\n", log));
		assertEquals(1, module.getOutput("face_count"));
		assertNull(module.getOutput("gradcam_image"));
		final List<Roi> rois = EmotionOverlay.faces(imp);
		assertEquals(3, rois.size(), "heatmap, box, label");
		final ImageRoi heatmap = (ImageRoi) rois.get(0);
		final Roi box = rois.get(1);
		assertEquals(0.4, heatmap.getOpacity(), 1e-9);
		assertEquals(box.getBounds(), heatmap.getBounds());
		final Rectangle b = box.getBounds();
		assertTrue(Math.abs(b.x - ClassifyFixtures.MESSI_FACE.x()) < 15 && Math.abs(b.y - ClassifyFixtures.MESSI_FACE.y()) < 15,
			b.toString());
		final String label = box.getName();
		final String emotion = label.substring(0, label.indexOf(' '));
		assertTrue(label.matches("\\w+ \\d+\\.\\d%"), label);
		assertEquals(EmotionPalette.colorOf(emotion), box.getStrokeColor());
		// Flattened, the face box holds the heatmap; far from it the photo is unchanged.
		final ImagePlus flat = imp.flatten();
		final int[] inside = (int[]) flat.getProcessor().getPixels();
		final int[] photo = (int[]) imp.getProcessor().getPixels();
		final int w = imp.getWidth();
		int changed = 0;
		for (int y = b.y + 4; y < b.y + b.height - 4; y++)
			for (int x = b.x + 4; x < b.x + b.width - 4; x++)
				if (inside[y * w + x] != photo[y * w + x]) changed++;
		assertTrue(changed > (b.width - 8) * (b.height - 8) / 2, "heatmap pixels " + changed);
		assertEquals(photo[300 * w + 500] & 0xffffff, inside[300 * w + 500] & 0xffffff);

		// A second run replaces the first one's ROIs.
		assertNull(failure(run(GradCamOverlayCommand.class, "image", imp, "model", ClassifyFixtures.model().toFile())));
		assertEquals(3, EmotionOverlay.faces(imp).size());
	}

	@Test
	void gradCamNewImageIsAStackOfBlendsAndLeavesTheImageAlone() throws Exception {
		final RgbImage messi = ClassifyFixtures.messi();
		final ImagePlus imp = ImagePlusConversion.toImagePlus("two", Arrays.asList(messi, messi));
		final Module module = run(GradCamOverlayCommand.class, "image", imp, "model", ClassifyFixtures.model().toFile(),
			"new_image", true, "faces", "whole", "alpha", 0.5);
		assertNull(failure(module), String.join("\n", log));
		final ImagePlus blend = (ImagePlus) module.getOutput("gradcam_image");
		assertEquals("two_gradcam", blend.getTitle());
		assertEquals(2, blend.getStackSize());
		assertEquals(ImagePlus.COLOR_RGB, blend.getType());
		assertEquals(messi.width(), blend.getWidth());
		assertNotEquals(imp.getStack().getProcessor(2).getPixel(200, 200), blend.getStack().getProcessor(2).getPixel(200, 200));
		assertNull(imp.getOverlay());
		assertEquals(2, module.getOutput("face_count"));
	}

	@Test
	void gradCamBatchWritesTheCommandLineFiles() throws Exception {
		final Path in = Files.createDirectories(dir.resolve("in"));
		Files.copy(ClassifyFixtures.messiFile(), in.resolve("messi.jpg"));
		final Path out = dir.resolve("out");
		final Module module = run(GradCamOverlayCommand.class, "model", ClassifyFixtures.model().toFile(), "input", in
			.toFile(), "output", out.toFile(), "method", "gradcam++");
		assertNull(failure(module), String.join("\n", log));
		assertEquals(1, module.getOutput("face_count"));
		assertTrue(Files.isRegularFile(out.resolve("messi" + GradCamJob.PNG_SUFFIX)));
		assertTrue(Files.isRegularFile(out.resolve("messi" + GradCamJob.TIFF_SUFFIX)));
	}

	@Test
	void liveWithoutCameraPlaysTheOpenStackHeadless() throws Exception {
		final RgbImage messi = ClassifyFixtures.messi();
		final ImagePlus imp = ImagePlusConversion.toImagePlus("movie", Arrays.asList(messi, messi, messi));
		imp.getCalibration().fps = 5;
		final Path out = dir.resolve("live");
		final Module module = run(LiveWebcamCommand.class, "image", imp, "model", ClassifyFixtures.model().toFile(),
			"camera", 97, "show", false, "detect_width", 0, "output", out.toFile());
		assertNull(failure(module), String.join("\n", log));
		assertEquals(3L, module.getOutput("frames"));
		assertTrue(log.stream().anyMatch(l -> l.equals("No camera 97 could be opened: playing the planes of movie")), String
			.join("\n", log));
		assertTrue(log.stream().anyMatch(l -> l.startsWith("Stopped: end of source")), String.join("\n", log));
		final List<String> rows = Files.readAllLines(out.resolve(LiveOutputs.TIMELINE_CSV));
		assertEquals(4, rows.size(), "header and one face per frame: " + rows);
		final ImagePlus timeline = (ImagePlus) module.getOutput("timeline");
		assertTrue(timeline.getWidth() > 100, "timeline chart opened as an image");
	}

	@Test
	void liveWithoutCameraOrImageNamesTheProblem() throws Exception {
		final Module module = run(LiveWebcamCommand.class, "model", ClassifyFixtures.model().toFile(), "camera", 97, "show",
			false);
		assertTrue(failure(module).contains("camera 97"), failure(module));
	}
}
