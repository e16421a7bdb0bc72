package org.emotiontracking.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ResizeTest {

	/** PIL's NEAREST (used by Keras load_img): source index floor((i + 0.5) * src / dst). */
	private static int pilNearest(final int i, final int src, final int dst) {
		return Math.min(src - 1, (int) Math.floor((i + 0.5) * src / dst));
	}

	@Test
	void nearestMatchesPilSampling() {
		final RgbImage src = RgbImage.blank(37, 23);
		for (int y = 0; y < 23; y++)
			for (int x = 0; x < 37; x++) src.set(x, y, x, y, (x * 7 + y) & 0xff);
		for (final int[] size : new int[][] { { 10, 7 }, { 50, 41 }, { 224, 224 }, { 37, 5 } }) {
			final RgbImage out = Resize.likeKeras(src, size[0], size[1]);
			assertEquals(size[0], out.width());
			assertEquals(size[1], out.height());
			for (int y = 0; y < size[1]; y++)
				for (int x = 0; x < size[0]; x++) {
					assertEquals(pilNearest(x, 37, size[0]), out.get(x, y, 0), "x at " + x + "," + y + " for " + size[0]);
					assertEquals(pilNearest(y, 23, size[1]), out.get(x, y, 1), "y at " + x + "," + y + " for " + size[1]);
				}
		}
	}

	@Test
	void areaAverageShrinksWithoutAliasing() {
		final RgbImage stripes = RgbImage.blank(40, 40);
		for (int y = 0; y < 40; y++)
			for (int x = 0; x < 40; x++) {
				final int v = x % 2 == 0 ? 0 : 200;
				stripes.set(x, y, v, v, v);
			}
		final RgbImage area = Resize.resize(stripes, 10, 10, Resize.Interpolation.AREA);
		assertEquals(100, area.get(5, 5, 0), 1);
		final RgbImage smooth = Resize.resize(stripes, 10, 10, Resize.Interpolation.SMOOTH);
		assertArrayEquals(area.pixels(), smooth.pixels());
		final RgbImage up = Resize.resize(TestImages.pattern(4, 4), 9, 9, Resize.Interpolation.LINEAR);
		assertEquals(9, up.width());
	}

	@Test
	void sameSizeGivesACopy() {
		final RgbImage img = TestImages.pattern(5, 5);
		final RgbImage same = Resize.resize(img, 5, 5, Resize.Interpolation.NEAREST);
		assertNotSame(img.pixels(), same.pixels());
		assertArrayEquals(img.pixels(), same.pixels());
	}

	@Test
	void fitWithinKeepsAspectAndNeverEnlarges() {
		final RgbImage img = TestImages.pattern(400, 100);
		final RgbImage fit = Resize.fitWithin(img, 100);
		assertEquals(100, fit.width());
		assertEquals(25, fit.height());
		assertSame(img, Resize.fitWithin(img, 500));
	}

	@Test
	void cropIsClampedToTheImage() {
		final RgbImage img = TestImages.pattern(20, 10);
		final RgbImage inside = Resize.crop(img, 3, 2, 5, 4);
		assertEquals(5, inside.width());
		assertEquals(4, inside.height());
		for (int c = 0; c < 3; c++) assertEquals(img.get(3 + 4, 2 + 3, c), inside.get(4, 3, c));
		final RgbImage clamped = Resize.crop(img, -5, 6, 12, 100);
		assertEquals(7, clamped.width());
		assertEquals(4, clamped.height());
		assertEquals(img.get(0, 6, 0), clamped.get(0, 0, 0));
		assertThrows(IllegalArgumentException.class, () -> Resize.crop(img, 25, 0, 5, 5));
		assertThrows(IllegalArgumentException.class, () -> Resize.resize(img, 0, 5, Resize.Interpolation.AREA));
	}
}
