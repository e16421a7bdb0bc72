package org.emotiontracking.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AugmenterTest {

	private static RgbImage photo;

	@BeforeAll
	static void load() throws Exception {
		photo = new ImageDecoder().decode(TestImages.sample("messi5.jpg"));
	}

	private static double meanAbsDiff(final RgbImage a, final RgbImage b) {
		long sum = 0;
		for (int i = 0; i < a.pixels().length; i++) sum += Math.abs((a.pixels()[i] & 0xff) - (b.pixels()[i] & 0xff));
		return (double) sum / a.pixels().length;
	}

	@Test
	void sameSeedEpochIndexGivesSameImage() {
		final Augmenter aug = new Augmenter(96, 96, AugmentationSettings.defaults());
		final RgbImage a = aug.augment(photo, 123, 2, 17);
		final RgbImage b = aug.augment(photo, 123, 2, 17);
		assertEquals(96, a.width());
		assertEquals(96, a.height());
		assertArrayEquals(a.pixels(), b.pixels());
	}

	@Test
	void differsAcrossEpochsSeedsAndImagesAndChangesPixels() {
		final Augmenter aug = new Augmenter(96, 96, AugmentationSettings.defaults());
		final RgbImage base = aug.augment(photo, 123, 0, 5);
		assertTrue(meanAbsDiff(base, aug.augment(photo, 123, 1, 5)) > 3, "epochs differ");
		assertTrue(meanAbsDiff(base, aug.augment(photo, 124, 0, 5)) > 3, "seeds differ");
		assertTrue(meanAbsDiff(base, aug.augment(photo, 123, 0, 6)) > 3, "indices differ");
		final RgbImage plain = new Augmenter(96, 96, AugmentationSettings.none()).augment(photo, 123, 0, 5);
		assertTrue(meanAbsDiff(base, plain) > 3, "augmentation changes pixels");
		final RgbImage reference = Resize.resize(photo, 96, 96, Resize.Interpolation.AREA);
		assertTrue(meanAbsDiff(plain, reference) < 2, "no augmentation is a plain resize: " + meanAbsDiff(plain, reference));
	}

	@Test
	void noAugmentationAtSameSizeIsIdentity() {
		final RgbImage img = TestImages.pattern(40, 30);
		final RgbImage out = new Augmenter(40, 30, AugmentationSettings.none()).augment(img, 1, 0, 0);
		assertArrayEquals(img.pixels(), out.pixels());
	}

	@Test
	void flipOnlyMirrorsExactly() {
		final RgbImage img = TestImages.pattern(40, 30);
		final AugmentationSettings flipOnly = AugmentationSettings.none().withFlip(true);
		final Augmenter aug = new Augmenter(40, 30, flipOnly);
		int flipped = 0, unchanged = 0;
		for (int i = 0; i < 20; i++) {
			final RgbImage out = aug.augment(img, 9, 0, i);
			if (Arrays.equals(out.pixels(), img.pixels())) unchanged++;
			else {
				for (int y = 0; y < 30; y++)
					for (int x = 0; x < 40; x++)
						for (int c = 0; c < 3; c++) assertEquals(img.get(39 - x, y, c), out.get(x, y, c));
				flipped++;
			}
		}
		assertTrue(flipped > 2 && unchanged > 2, flipped + " flipped, " + unchanged + " unchanged");
	}

	@Test
	void brightnessAndContrastOnlyKeepGeometry() {
		final RgbImage gray = RgbImage.blank(10, 10);
		Arrays.fill(gray.pixels(), (byte) 100);
		final Augmenter aug = new Augmenter(10, 10, AugmentationSettings.none().withBrightness(0.2));
		final RgbImage out = aug.augment(gray, 3, 0, 0);
		final int v = out.get(0, 0, 0);
		assertTrue(v != 100 && v >= 49 && v <= 151, "brightness shift " + v);
		for (final byte b : out.pixels()) assertEquals(v, b & 0xff);
	}

	@Test
	void largeInputsAreShrunkFirst() {
		final RgbImage big = Resize.resize(photo, 2000, 1250, Resize.Interpolation.LINEAR);
		final RgbImage out = new Augmenter(64, 48, AugmentationSettings.defaults()).augment(big, 1, 0, 0);
		assertEquals(64, out.width());
		assertEquals(48, out.height());
	}

	@Test
	void parallelBatchEqualsSequential() {
		final Augmenter aug = new Augmenter(64, 64, AugmentationSettings.defaults());
		final List<RgbImage> batch = new ArrayList<>();
		final long[] indices = new long[12];
		for (int i = 0; i < 12; i++) {
			batch.add(i % 2 == 0 ? photo : TestImages.pattern(50 + i, 40));
			indices[i] = 100 + i * 3;
		}
		final ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			final long start = System.nanoTime();
			final List<RgbImage> parallel = aug.augmentBatch(batch, indices, 5, 3, pool);
			final long ms = (System.nanoTime() - start) / 1_000_000;
			final List<RgbImage> sequential = aug.augmentBatch(batch, indices, 5, 3, null);
			for (int i = 0; i < 12; i++) {
				assertArrayEquals(sequential.get(i).pixels(), parallel.get(i).pixels());
				assertArrayEquals(aug.augment(batch.get(i), 5, 3, indices[i]).pixels(), parallel.get(i).pixels());
			}
			assertTrue(ms < 5000, "12 augmentations took " + ms + " ms");
		}
		finally {
			pool.shutdown();
		}
		assertThrows(IllegalArgumentException.class, () -> aug.augmentBatch(batch, new long[3], 1, 0, null));
	}

	@Test
	void settingsAreValidated() {
		assertThrows(IllegalArgumentException.class, () -> AugmentationSettings.defaults().withZoom(1.2, 1.1));
		assertThrows(IllegalArgumentException.class, () -> AugmentationSettings.defaults().withRotation(-1));
		assertTrue(AugmentationSettings.none().isIdentity());
		assertFalse(AugmentationSettings.defaults().isIdentity());
	}
}
