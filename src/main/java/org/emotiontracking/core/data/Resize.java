package org.emotiontracking.core.data;

import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Resizing and cropping of {@link RgbImage}s with OpenCV. All methods return new images. */
public final class Resize {

	/** How pixels are interpolated. */
	public enum Interpolation {
		/**
		 * Nearest neighbour with pixel-centre sampling ({@code INTER_NEAREST_EXACT}): source
		 * pixel {@code floor((x + 0.5) * srcWidth / width)}, bit-exact with PIL's NEAREST, hence
		 * with Keras {@code load_img(target_size=...)}, which the original notebook used.
		 */
		NEAREST(Imgproc.INTER_NEAREST_EXACT),
		/** Bilinear. */
		LINEAR(Imgproc.INTER_LINEAR),
		/** Pixel-area averaging: the best choice for shrinking (no aliasing). */
		AREA(Imgproc.INTER_AREA),
		/** AREA when shrinking, LINEAR when enlarging. */
		SMOOTH(-1);

		private final int flag;

		Interpolation(final int flag) { this.flag = flag; }
	}

	private Resize() {}

	/** Resizes to exactly {@code width} x {@code height} (aspect ratio not kept, like Keras). */
	public static RgbImage resize(final RgbImage image, final int width, final int height,
		final Interpolation interpolation) {
		if (width <= 0 || height <= 0) throw new IllegalArgumentException("Target size must be positive: " + width + "x"
			+ height);
		if (width == image.width() && height == image.height()) return copy(image);
		final Mat src = OpenCv.toMat(image);
		final Mat dst = new Mat();
		try {
			Imgproc.resize(src, dst, new Size(width, height), 0, 0, flag(interpolation, image, width, height));
			return OpenCv.toRgbImage(dst);
		}
		finally {
			src.release();
			dst.release();
		}
	}

	/** Resizes with {@link Interpolation#NEAREST}, exactly as Keras {@code load_img(target_size)}. */
	public static RgbImage likeKeras(final RgbImage image, final int width, final int height) {
		return resize(image, width, height, Interpolation.NEAREST);
	}

	/**
	 * Scales so that the longer side is at most {@code maxSide} (never enlarges) with
	 * {@link Interpolation#AREA}; returns the image itself if it is already small enough.
	 */
	public static RgbImage fitWithin(final RgbImage image, final int maxSide) {
		final int longer = Math.max(image.width(), image.height());
		if (longer <= maxSide) return image;
		final double scale = (double) maxSide / longer;
		return resize(image, Math.max(1, (int) Math.round(image.width() * scale)),
			Math.max(1, (int) Math.round(image.height() * scale)), Interpolation.AREA);
	}

	/**
	 * Copies the part of the image inside the rectangle, clamped to the image bounds.
	 *
	 * @throws IllegalArgumentException if the rectangle does not overlap the image
	 */
	public static RgbImage crop(final RgbImage image, final int x, final int y, final int width, final int height) {
		final int x0 = Math.max(0, x);
		final int y0 = Math.max(0, y);
		final int x1 = (int) Math.min(image.width(), (long) x + width);
		final int y1 = (int) Math.min(image.height(), (long) y + height);
		if (x1 <= x0 || y1 <= y0) throw new IllegalArgumentException("Crop rectangle " + width + "x" + height + " at ("
			+ x + ", " + y + ") lies outside the " + image.width() + "x" + image.height() + " image");
		final int w = x1 - x0;
		final byte[] src = image.pixels();
		final byte[] dst = new byte[w * (y1 - y0) * 3];
		for (int row = y0; row < y1; row++)
			System.arraycopy(src, (row * image.width() + x0) * 3, dst, (row - y0) * w * 3, w * 3);
		return new RgbImage(w, y1 - y0, dst);
	}

	/** A copy with its own pixel array. */
	public static RgbImage copy(final RgbImage image) {
		return new RgbImage(image.width(), image.height(), image.pixels().clone());
	}

	private static int flag(final Interpolation interpolation, final RgbImage image, final int width,
		final int height) {
		if (interpolation != Interpolation.SMOOTH) return interpolation.flag;
		final boolean shrinking = width <= image.width() && height <= image.height();
		return shrinking ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR;
	}
}
