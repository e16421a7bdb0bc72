package org.emotiontracking.core.data;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * An 8-bit RGB image, the one image type of the core.
 * <p>
 * Pixels are interleaved (R, G, B per pixel, rows top to bottom), which is both OpenCV's
 * {@code CV_8UC3} layout (in RGB order) and TensorFlow's NHWC layout, so no copy is needed to
 * hand an image to either. {@link #img()} exposes the same memory as an ImgLib2 image with
 * dimensions (channel, x, y).
 */
public final class RgbImage {

	private final int width;
	private final int height;
	private final byte[] pixels;

	public RgbImage(final int width, final int height, final byte[] pixels) {
		if (width <= 0 || height <= 0) throw new IllegalArgumentException("Image size must be positive: " + width + "x"
			+ height);
		if (pixels.length != width * height * 3) throw new IllegalArgumentException(
			"Expected " + (width * height * 3) + " bytes for a " + width + "x" + height + " RGB image, got "
			+ pixels.length);
		this.width = width;
		this.height = height;
		this.pixels = pixels;
	}

	public static RgbImage blank(final int width, final int height) {
		return new RgbImage(width, height, new byte[width * height * 3]);
	}

	public int width() { return width; }

	public int height() { return height; }

	/** Interleaved RGB bytes; shared, not copied. */
	public byte[] pixels() { return pixels; }

	/** Channel c (0 = red) of pixel (x, y), 0..255. */
	public int get(final int x, final int y, final int c) {
		return pixels[(y * width + x) * 3 + c] & 0xff;
	}

	public void set(final int x, final int y, final int r, final int g, final int b) {
		final int i = (y * width + x) * 3;
		pixels[i] = (byte) r;
		pixels[i + 1] = (byte) g;
		pixels[i + 2] = (byte) b;
	}

	/** The same pixels as an ImgLib2 image of dimensions (3, width, height). */
	public ArrayImg<UnsignedByteType, ByteArray> img() {
		return ArrayImgs.unsignedBytes(pixels, 3, width, height);
	}

	/** Wraps an ImgLib2 image of dimensions (3, width, height) without copying. */
	public static RgbImage wrap(final ArrayImg<UnsignedByteType, ByteArray> img) {
		if (img.numDimensions() != 3 || img.dimension(0) != 3) throw new IllegalArgumentException(
			"Expected an image of dimensions (3, width, height)");
		return new RgbImage((int) img.dimension(1), (int) img.dimension(2), img.update(null).getCurrentStorageArray());
	}
}
