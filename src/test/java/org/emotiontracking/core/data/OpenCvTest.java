package org.emotiontracking.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

class OpenCvTest {

	@Test
	void ensureLoadedIsSafeFromManyThreads() throws Exception {
		final ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			final List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < 8; i++) futures.add(pool.submit(OpenCv::ensureLoaded));
			for (final Future<?> f : futures) f.get();
		}
		finally {
			pool.shutdown();
		}
		final Mat m = new Mat(2, 2, CvType.CV_8UC3);
		assertEquals(2, m.rows());
		m.release();
	}

	@Test
	void roundTripKeepsRgbOrderAndBytes() {
		final RgbImage img = TestImages.pattern(7, 5);
		img.set(0, 0, 10, 20, 30);
		final Mat mat = OpenCv.toMat(img);
		assertEquals(CvType.CV_8UC3, mat.type());
		assertEquals(7, mat.cols());
		assertEquals(5, mat.rows());
		final byte[] px = new byte[3];
		mat.get(0, 0, px);
		assertArrayEquals(new byte[] { 10, 20, 30 }, px); // channel 0 is red
		final RgbImage back = OpenCv.toRgbImage(mat);
		assertArrayEquals(img.pixels(), back.pixels());
		mat.release();
	}

	@Test
	void nonContinuousSubMatIsCopiedCorrectly() {
		final RgbImage img = TestImages.pattern(10, 8);
		final Mat mat = OpenCv.toMat(img);
		final Mat sub = mat.submat(new Rect(2, 3, 4, 2));
		final RgbImage crop = OpenCv.toRgbImage(sub);
		assertEquals(4, crop.width());
		for (int c = 0; c < 3; c++) assertEquals(img.get(2 + 3, 3 + 1, c), crop.get(3, 1, c));
		mat.release();
	}

	@Test
	void refusesOtherMatTypes() {
		OpenCv.ensureLoaded();
		final Mat gray = new Mat(3, 3, CvType.CV_8UC1);
		assertThrows(IllegalArgumentException.class, () -> OpenCv.toRgbImage(gray));
		assertThrows(IllegalArgumentException.class, () -> OpenCv.toRgbImage(new Mat()));
		gray.release();
	}
}
