package org.emotiontracking.core.data;

import java.util.Arrays;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

/**
 * ImgLib2 images as the {@link RgbImage} every model takes, for library users who hold their data in
 * ImgLib2. Axes are (x, y) or (x, y, channel) with one or three channels; the interval's minimum is
 * the top-left pixel. Values become 8 bits as {@link ImageDecoder} does for files: unsigned 8-bit
 * as they are, any other type by the image's own minimum..maximum over all channels (a constant image
 * keeps its value relative to the type's range). One channel is replicated into R, G and B.
 */
public final class ImgLib2Images {

	private ImgLib2Images() {}

	/** A 2D colour image (ImgLib2's packed ARGB; alpha is ignored). */
	public static RgbImage fromArgb(final RandomAccessibleInterval<ARGBType> image) {
		if (image.numDimensions() != 2) throw new IllegalArgumentException("Expected a 2D ARGB image (x, y), got " +
			image.numDimensions() + " dimensions");
		final RgbImage out = RgbImage.blank(size(image, 0), size(image, 1));
		final byte[] px = out.pixels();
		int i = 0;
		for (final ARGBType t : Views.flatIterable(image)) {
			final int v = t.get();
			px[i++] = (byte) ARGBType.red(v);
			px[i++] = (byte) ARGBType.green(v);
			px[i++] = (byte) ARGBType.blue(v);
		}
		return out;
	}

	/** A gray (x, y) image or an (x, y, channel) image with one or three channels, of any real type. */
	public static <T extends RealType<T>> RgbImage fromReal(final RandomAccessibleInterval<T> image) {
		final int n = image.numDimensions();
		final int channels;
		if (n == 2) channels = 1;
		else if (n == 3) channels = size(image, 2);
		else channels = -1;
		if (channels != 1 && channels != 3) throw new IllegalArgumentException(
			"Expected (x, y) or (x, y, channel) with 1 or 3 channels, got dimensions " + Arrays.toString(image
				.dimensionsAsLongArray()));
		final int w = size(image, 0), h = size(image, 1);
		final T type = image.getType();
		double min = 0, scale = 1;
		if (!(type instanceof UnsignedByteType)) {
			min = Double.POSITIVE_INFINITY;
			double max = Double.NEGATIVE_INFINITY;
			for (final T t : Views.iterable(image)) {
				final double v = t.getRealDouble();
				min = Math.min(min, v);
				max = Math.max(max, v);
			}
			if (max > min) scale = 255 / (max - min);
			else { // constant: its place in the type's range (floats: 0..1)
				final boolean floating = type.getMaxValue() > 1e30;
				scale = 255 / (floating ? 1 : type.getMaxValue());
				min = floating ? 0 : type.getMinValue();
			}
		}
		final RgbImage out = RgbImage.blank(w, h);
		final byte[] px = out.pixels();
		final Cursor<T> c = Views.flatIterable(image).localizingCursor();
		while (c.hasNext()) {
			final double v = c.next().getRealDouble();
			final int x = c.getIntPosition(0) - (int) image.min(0), y = c.getIntPosition(1) - (int) image.min(1);
			final int b = (int) Math.max(0, Math.min(255, Math.round((v - min) * scale)));
			final int at = (y * w + x) * 3;
			if (channels == 1) px[at] = px[at + 1] = px[at + 2] = (byte) b;
			else px[at + c.getIntPosition(2) - (int) image.min(2)] = (byte) b;
		}
		return out;
	}

	private static int size(final RandomAccessibleInterval<?> image, final int d) {
		final long s = image.dimension(d);
		if (s < 1 || s > Integer.MAX_VALUE / 3) throw new IllegalArgumentException("Dimension " + d + " has size " + s);
		return (int) s;
	}
}
