package org.emotiontracking.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;

import javax.imageio.ImageIO;

import org.emotiontracking.core.util.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticFacesTest {

	@TempDir
	Path dir;

	/** Fraction of pixels whose channels differ by more than 25 levels. */
	static double differingFraction(final RgbImage a, final RgbImage b) {
		int n = 0;
		for (int y = 0; y < a.height(); y++)
			for (int x = 0; x < a.width(); x++) {
				int d = 0;
				for (int c = 0; c < 3; c++) d = Math.max(d, Math.abs(a.get(x, y, c) - b.get(x, y, c)));
				if (d > 25) n++;
			}
		return (double) n / (a.width() * a.height());
	}

	@Test
	void sameSeedSameImages() {
		final SyntheticFaces a = new SyntheticFaces(96, 11), b = new SyntheticFaces(96, 11);
		for (int c = 0; c < 7; c++) assertArrayEquals(a.face(c, 3).pixels(), b.face(c, 3).pixels());
	}

	@Test
	void differentSeedsAndSamplesDiffer() {
		final SyntheticFaces a = new SyntheticFaces(96, 11), b = new SyntheticFaces(96, 12);
		assertTrue(differingFraction(a.face(2, 0), b.face(2, 0)) > 0.2);
		assertTrue(differingFraction(a.face(2, 0), a.face(2, 1)) > 0.2);
	}

	@Test
	void expressionsDifferWithEverythingElseEqual() {
		final SyntheticFaces f = new SyntheticFaces(128, 5);
		for (long seed = 0; seed < 3; seed++) {
			final RgbImage[] img = new RgbImage[7];
			for (int c = 0; c < 7; c++) img[c] = SyntheticFaces.toRgb(f.render(f.expression(c), seed));
			for (int i = 0; i < 7; i++)
				for (int j = i + 1; j < 7; j++) {
					final double d = differingFraction(img[i], img[j]);
					// features differ (well above noise), but the face is the same (well below "another picture")
					assertTrue(d > 0.003 && d < 0.15, f.classNames().get(i) + " vs " + f.classNames().get(j) + ": " + d);
				}
		}
	}

	@Test
	void colourAloneDoesNotTellClassesApart() {
		// nearest class mean of the average image colour, trained on seed 1, tested on seed 2
		final SyntheticFaces train = new SyntheticFaces(48, 1), test = new SyntheticFaces(48, 2);
		final int per = 40;
		final double[][] mean = new double[7][3];
		for (int c = 0; c < 7; c++)
			for (int i = 0; i < per; i++) {
				final double[] m = meanColour(train.face(c, i));
				for (int k = 0; k < 3; k++) mean[c][k] += m[k] / per;
			}
		int correct = 0;
		for (int c = 0; c < 7; c++)
			for (int i = 0; i < per; i++) {
				final double[] m = meanColour(test.face(c, i));
				int best = 0;
				double bestD = Double.MAX_VALUE;
				for (int k = 0; k < 7; k++) {
					final double d = Math.pow(m[0] - mean[k][0], 2) + Math.pow(m[1] - mean[k][1], 2) + Math.pow(m[2] - mean[k][2], 2);
					if (d < bestD) {
						bestD = d;
						best = k;
					}
				}
				if (best == c) correct++;
			}
		assertTrue(correct / (7.0 * per) < 0.3, "colour accuracy " + correct / (7.0 * per));
	}

	private static double[] meanColour(final RgbImage img) {
		final double[] m = new double[3];
		for (int y = 0; y < img.height(); y++)
			for (int x = 0; x < img.width(); x++)
				for (int c = 0; c < 3; c++) m[c] += img.get(x, y, c);
		for (int c = 0; c < 3; c++) m[c] /= img.width() * img.height();
		return m;
	}

	@Test
	void anySizeAndAnyClassNames() {
		final SyntheticFaces f = new SyntheticFaces(List.of("happy", "bored", "x", "y"), 160, 120, 1);
		final RgbImage img = f.face(1, 0);
		assertEquals(160, img.width());
		assertEquals(120, img.height());
		assertEquals(224, new SyntheticFaces(224, 1).face(0, 0).width());
		assertThrows(IllegalArgumentException.class, () -> new SyntheticFaces(List.of("a/b"), 64, 64, 1));
		assertThrows(IllegalArgumentException.class, () -> new SyntheticFaces(16, 1));
	}

	@Test
	void writesDatasetFolders() throws IOException {
		final SyntheticFaces f = new SyntheticFaces(List.of("happy", "sad", "neutral"), 64, 64, 3);
		assertEquals(6, f.writeDataset(dir, 2, false, ProgressListener.SILENT));
		for (final String c : f.classNames())
			for (int i = 1; i <= 2; i++) {
				final Path p = dir.resolve(c).resolve(String.format("%s_%04d.png", c, i));
				final BufferedImage img = ImageIO.read(p.toFile());
				assertNotNull(img, p.toString());
				assertEquals(64, img.getWidth());
			}
		assertArrayEquals(f.face(1, 1).pixels(), SyntheticFaces.toRgb(ImageIO.read(dir.resolve("sad/sad_0002.png").toFile())).pixels());

		final FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
			() -> f.writeDataset(dir, 2, false, ProgressListener.SILENT));
		assertTrue(e.getMessage().contains("happy_0001.png"));
		assertEquals(6, f.writeDataset(dir, 2, true, ProgressListener.SILENT));
	}

	@Test
	void datasetWritingCanBeCancelled() {
		final ProgressListener cancelled = new ProgressListener() {
			@Override
			public void status(final String message) {}

			@Override
			public boolean isCancelled() { return true; }
		};
		assertThrows(CancellationException.class, () -> new SyntheticFaces(64, 1).writeDataset(dir, 3, false, cancelled));
		assertFalse(Files.exists(dir.resolve("happy/happy_0001.png")));
	}
}
