package org.emotiontracking.core.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.emotiontracking.core.data.OpenCv;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.detect.FaceBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import ij.ImagePlus;
import ij.io.Opener;

class HeatmapsTest {

	@TempDir
	Path tmp;

	@Test
	void gradCamAndGradCamPlusPlusOnAHandWorkedExample() {
		// one row, two cells, two channels: A = cell0 (1, 2), cell1 (3, 0); g = cell0 (0.5, -1), cell1 (0.5, 1)
		final float[] a = { 1, 2, 3, 0 }, g = { 0.5f, -1, 0.5f, 1 };
		// Grad-CAM: w = (0.5, 0); map = (0.5, 1.5) -> / 1.5
		assertArrayEquals(new float[] { 1 / 3f, 1 }, GradCamMaps.gradCam(a, g, 0, 1, 2, 2), 1e-6f);
		// Grad-CAM++: sum A = (4, 2). ch0: alpha = .25 / (.5 + 4 * .125) = .25 at both cells, w0 = 2 * .25 * .5 = .25;
		// ch1: only cell1 has g > 0: alpha = 1 / (2 + 2) = .25, w1 = .25. map = (.25 + .5, .75) -> (1, 1)
		assertArrayEquals(new float[] { 1, 1 }, GradCamMaps.gradCamPlusPlus(a, g, 0, 1, 2, 2), 1e-6f);
		// offsets select the second image of a batch; negative sums are cut by the ReLU; all-zero stays zero
		final float[] batch = { 9, 9, 9, 9, 1, 0, 0, 1 }, grads = { 9, 9, 9, 9, 1, -1, 1, -1 };
		assertArrayEquals(new float[] { 1, 0 }, GradCamMaps.gradCam(batch, grads, 4, 1, 2, 2), 1e-6f);
		assertArrayEquals(new float[] { 0, 0 }, GradCamMaps.gradCam(a, new float[4], 0, 1, 2, 2), 0f);
	}

	@Test
	void bilinearResizeMatchesOpenCv() {
		OpenCv.ensureLoaded();
		final Random r = new Random(3);
		for (final int[] c : new int[][] { { 3, 3, 50, 37 }, { 7, 7, 13, 200 }, { 2, 5, 2, 5 }, { 6, 4, 3, 2 } }) {
			final float[] v = new float[c[0] * c[1]];
			for (int i = 0; i < v.length; i++) v[i] = r.nextFloat();
			final Heatmap h = new Heatmap(c[0], c[1], v).resize(c[2], c[3]);
			final Mat src = new Mat(c[1], c[0], CvType.CV_32F), dst = new Mat();
			src.put(0, 0, v);
			Imgproc.resize(src, dst, new Size(c[2], c[3]), 0, 0, Imgproc.INTER_LINEAR);
			final float[] expected = new float[c[2] * c[3]];
			dst.get(0, 0, expected);
			assertArrayEquals(expected, h.values(), 1e-5f, Arrays.toString(c));
			src.release();
			dst.release();
		}
	}

	@Test
	void jetRunsFromDarkBlueToDarkRed() {
		assertEquals(0x000080, Heatmaps.jet(0));
		assertEquals(0x800000, Heatmaps.jet(1));
		assertEquals(Heatmaps.jet(0), Heatmaps.jet(Float.NaN));
		final int mid = Heatmaps.jet(0.5f);
		assertEquals(255, mid >> 8 & 0xff);
		assertTrue((mid >> 16 & 0xff) > 100 && (mid & 0xff) > 100);
	}

	@Test
	void placementAndBlendStayInsideTheFaceBoxes() {
		final FaceBox box = new FaceBox(10, 5, 20, 10, 1);
		final Explanation e = new Explanation(0, "happy", new float[] { 0.9f, 0.1f }, new Heatmap(2, 2, new float[] { 0, 1, 0, 1 }),
			GridGeometry.centred(2, 2));
		final ImageExplanation ie = new ImageExplanation(40, 30, Collections.singletonList(new FaceExplanation(box, e)));
		final float[] map = ie.heatmap();
		for (int y = 0; y < 30; y++)
			for (int x = 0; x < 40; x++) {
				final boolean inside = x >= 10 && x < 30 && y >= 5 && y < 15;
				if (!inside) assertEquals(0f, map[y * 40 + x], "outside at " + x + "," + y);
			}
		assertEquals(0f, map[5 * 40 + 10], 1e-6); // left half of the box is the 0 cell
		assertEquals(1f, map[14 * 40 + 29], 1e-6);
		final RgbImage gray = RgbImage.blank(40, 30);
		Arrays.fill(gray.pixels(), (byte) 100);
		final RgbImage blend = ie.blend(gray, 0.4);
		assertEquals(100, blend.get(0, 0, 0));
		assertEquals(100, blend.get(35, 20, 2));
		// inside, value 1: 100 * 0.6 + jet(1) * 0.4 = (60 + 51.2, 60, 60)
		assertEquals(111, blend.get(29, 14, 0));
		assertEquals(60, blend.get(29, 14, 1));
		assertEquals(60, blend.get(29, 14, 2));
		assertEquals(100, gray.get(29, 14, 0), "the input is not changed");
		final BufferedImage overlay = ie.overlay(gray, 0.4);
		assertEquals(40, overlay.getWidth());
		assertEquals(30, overlay.getHeight());
		final BufferedImage translucent = ie.faces().get(0).overlayImage(0.4);
		assertEquals(20, translucent.getWidth());
		assertEquals(102, translucent.getRGB(19, 9) >>> 24);
		assertEquals("happy 90.0%", ie.faces().get(0).label());
		assertThrows(IllegalArgumentException.class, () -> ie.blend(RgbImage.blank(5, 5), 0.4));
	}

	@Test
	void floatTiffReadsBackInImageJ() throws IOException {
		final int w = 37, h = 23;
		final float[] v = new float[w * h];
		final Random r = new Random(1);
		for (int i = 0; i < v.length; i++) v[i] = r.nextFloat();
		v[0] = 0;
		v[1] = 1;
		final Path tif = tmp.resolve("map_heatmap.tif");
		FloatTiff.write(tif, w, h, v, false);
		final ImagePlus imp = new Opener().openImage(tif.toString());
		assertEquals(w, imp.getWidth());
		assertEquals(h, imp.getHeight());
		assertEquals(32, imp.getBitDepth());
		assertArrayEquals(v, (float[]) imp.getProcessor().getPixels(), 0f);
		assertEquals(0, imp.getDisplayRangeMin(), 1e-9);
		assertEquals(1, imp.getDisplayRangeMax(), 1e-9);
		assertThrows(FileAlreadyExistsException.class, () -> FloatTiff.write(tif, w, h, v, false));
		FloatTiff.write(tif, 1, 1, new float[] { 0.5f }, true);
		assertEquals(1, new Opener().openImage(tif.toString()).getWidth());
		try (java.util.stream.Stream<Path> files = Files.list(tmp)) {
			assertEquals(List.of(tif), files.collect(java.util.stream.Collectors.toList()), "no temporary files left");
		}
	}
}
