package org.emotiontracking.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.emotiontracking.core.data.ImageDecoder;
import org.emotiontracking.core.data.Resize;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.data.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HaarCascadeDetectorTest {

	/** messi5.jpg: one face near x=226, y=94, width 38. */
	private static final int FACE_X = 226, FACE_Y = 94, FACE_W = 38;

	private static RgbImage messi;
	private static HaarCascadeDetector detector;

	@BeforeAll
	static void setUp() throws Exception {
		messi = new ImageDecoder().decode(TestImages.sample("messi5.jpg"));
		detector = HaarCascadeDetector.openDefault();
	}

	@AfterAll
	static void tearDown() {
		if (detector != null) detector.close();
	}

	private static void assertNear(final FaceBox face, final double x, final double y, final double w, final double tolerance) {
		assertEquals(x, face.x(), tolerance, "x of " + face);
		assertEquals(y, face.y(), tolerance, "y of " + face);
		assertEquals(w, face.width(), tolerance, "width of " + face);
	}

	@Test
	void findsMessisFace() {
		final List<FaceBox> faces = detector.detect(messi);
		assertEquals(1, faces.size(), faces.toString());
		assertNear(faces.get(0), FACE_X, FACE_Y, FACE_W, 8);
		assertTrue(faces.get(0).score() >= HaarCascadeDetector.DEFAULT_MIN_NEIGHBORS, faces.toString());
	}

	@Test
	void findsTwoFacesInAComposedImage() {
		// messi's face with some context, pasted twice on a canvas made from another photo
		final RgbImage face = Resize.crop(messi, FACE_X - 40, FACE_Y - 40, FACE_W + 80, FACE_W + 80);
		final RgbImage canvas = Resize.resize(messi, 500, 240, Resize.Interpolation.AREA);
		java.util.Arrays.fill(canvas.pixels(), (byte) 128);
		final int[][] at = { { 30, 60 }, { 330, 20 } };
		for (final int[] p : at) paste(face, canvas, p[0], p[1]);
		final List<FaceBox> faces = detector.detect(canvas);
		assertEquals(2, faces.size(), faces.toString());
		for (int i = 0; i < 2; i++) assertNear(faces.get(i), at[i][0] + 40, at[i][1] + 40, FACE_W, 8); // sorted left to right
		assertEquals(1, Faces.largestOnly(faces).size());
	}

	@Test
	void largeImagesAreDetectedDownscaledAndMappedBack() {
		final double f = 4000.0 / messi.width();
		final RgbImage big = Resize.resize(messi, 4000, (int) Math.round(messi.height() * f), Resize.Interpolation.LINEAR);
		final long start = System.nanoTime();
		final List<FaceBox> faces = detector.detect(big);
		final long ms = (System.nanoTime() - start) / 1_000_000;
		assertEquals(1, faces.size(), faces.toString());
		assertNear(faces.get(0), FACE_X * f, FACE_Y * f, FACE_W * f, 8 * f);
		assertTrue(faces.get(0).right() <= big.width() && faces.get(0).bottom() <= big.height());
		assertTrue(ms < 3000, "detection on 4000 px took " + ms + " ms");
	}

	@Test
	void safeFromSeveralThreads() throws Exception {
		final List<FaceBox> expected = detector.detect(messi);
		final ExecutorService pool = Executors.newFixedThreadPool(3);
		try {
			final List<Future<List<FaceBox>>> futures = new ArrayList<>();
			for (int i = 0; i < 6; i++) futures.add(pool.submit(() -> detector.detect(messi)));
			for (final Future<List<FaceBox>> fut : futures) assertEquals(expected, fut.get());
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void noFaceInAPlainImage() {
		final RgbImage plain = RgbImage.blank(200, 100);
		Arrays.fill(plain.pixels(), (byte) 90);
		assertTrue(detector.detect(plain).isEmpty());
		assertTrue(detector.detect(RgbImage.blank(1, 1)).isEmpty());
	}

	private static void paste(final RgbImage src, final RgbImage dst, final int x0, final int y0) {
		for (int y = 0; y < src.height(); y++)
			System.arraycopy(src.pixels(), y * src.width() * 3, dst.pixels(), ((y0 + y) * dst.width() + x0) * 3, src.width() * 3);
	}
}
