package org.emotiontracking.core.data;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/** Helpers for tests: real sample photos and images encoded by OpenCV. */
public final class TestImages {

	/** Debian opencv-doc sample photos. */
	public static final Path SAMPLES = Paths.get("/usr/share/doc/opencv-doc/examples/data");

	private TestImages() {}

	/** A sample photo, or the test is skipped if opencv-doc is not installed. */
	public static Path sample(final String name) {
		final Path p = SAMPLES.resolve(name);
		assumeTrue(Files.isRegularFile(p), "opencv-doc sample missing: " + p);
		return p;
	}

	/** Encodes a Mat (BGR/BGRA/gray order, any depth OpenCV can write) with the extension's codec. */
	public static byte[] encode(final Mat mat, final String extension) {
		OpenCv.ensureLoaded();
		final MatOfByte buf = new MatOfByte();
		if (!Imgcodecs.imencode(extension, mat, buf)) throw new IllegalStateException("Cannot encode " + extension);
		final byte[] b = buf.toArray();
		buf.release();
		return b;
	}

	/** A w x h colour test pattern (smooth gradients plus a square) as an RgbImage. */
	public static RgbImage pattern(final int w, final int h) {
		final RgbImage img = RgbImage.blank(w, h);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final boolean square = x > w / 4 && x < w / 2 && y > h / 4 && y < h / 2;
				img.set(x, y, x * 255 / Math.max(1, w - 1), y * 255 / Math.max(1, h - 1), square ? 255 : 40);
			}
		return img;
	}

	/** Writes an RgbImage as a file of the extension's format. */
	public static Path write(final RgbImage image, final Path file) throws java.io.IOException {
		final Mat rgb = OpenCv.toMat(image);
		final Mat bgr = new Mat();
		org.opencv.imgproc.Imgproc.cvtColor(rgb, bgr, org.opencv.imgproc.Imgproc.COLOR_RGB2BGR);
		final String name = file.getFileName().toString();
		Files.write(file, encode(bgr, name.substring(name.lastIndexOf('.'))));
		rgb.release();
		bgr.release();
		return file;
	}
}
