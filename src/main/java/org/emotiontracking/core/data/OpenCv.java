package org.emotiontracking.core.data;

import org.emotiontracking.core.util.NativeLibrary;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * The bridge to OpenCV: loads its native library once and converts between {@link RgbImage} and
 * {@link Mat}.
 * <p>
 * Every class that touches OpenCV calls {@link #ensureLoaded()} first (conversions here do it
 * themselves). Mats made here hold native memory: callers {@link Mat#release() release} them when
 * done instead of waiting for the garbage collector.
 */
public final class OpenCv {

	private static final NativeLibrary NATIVES = new NativeLibrary(
		"Could not load the OpenCV native library for %s", nu.pattern.OpenCV::loadLocally);

	private OpenCv() {}

	/**
	 * Loads OpenCV's native library (from the org.openpnp jar) unless already loaded. Safe to call
	 * from any thread, any number of times; only the first call does work.
	 *
	 * @throws IllegalStateException if the natives cannot be loaded on this platform
	 */
	public static void ensureLoaded() {
		NATIVES.ensureLoaded();
	}

	/**
	 * Copies an image into a new {@code CV_8UC3} Mat whose channels are in RGB order (not OpenCV's
	 * usual BGR). One bulk copy, no per-pixel loop.
	 */
	public static Mat toMat(final RgbImage image) {
		ensureLoaded();
		final Mat mat = new Mat(image.height(), image.width(), CvType.CV_8UC3);
		mat.put(0, 0, image.pixels());
		return mat;
	}

	/**
	 * Copies a {@code CV_8UC3} Mat whose channels are in RGB order into a new image. One bulk copy
	 * (the Mat is cloned first if it is a non-continuous sub-matrix). The Mat is not released.
	 *
	 * @throws IllegalArgumentException if the Mat is empty or not {@code CV_8UC3}
	 */
	public static RgbImage toRgbImage(final Mat rgb) {
		ensureLoaded();
		if (rgb.empty()) throw new IllegalArgumentException("Empty Mat");
		if (rgb.type() != CvType.CV_8UC3) throw new IllegalArgumentException(
			"Expected a CV_8UC3 Mat, got " + CvType.typeToString(rgb.type()));
		final byte[] pixels = new byte[rgb.rows() * rgb.cols() * 3];
		if (rgb.isContinuous()) rgb.get(0, 0, pixels);
		else {
			final Mat copy = rgb.clone();
			try {
				copy.get(0, 0, pixels);
			}
			finally {
				copy.release();
			}
		}
		return new RgbImage(rgb.cols(), rgb.rows(), pixels);
	}
}
