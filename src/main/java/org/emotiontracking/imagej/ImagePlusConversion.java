package org.emotiontracking.imagej;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import ij.process.LUT;

import java.util.ArrayList;
import java.util.List;

import org.emotiontracking.core.data.RgbImage;

/**
 * {@link RgbImage} &lt;-&gt; {@link ImagePlus}. Images are converted as ImageJ displays them: 8-, 16- and
 * 32-bit gray through the image's display range and LUT (like Image &gt; Type &gt; RGB Color); a
 * multi-channel image as the composite of its channels' LUTs. A stack or time series gives one
 * {@link RgbImage} per plane (per slice; per (slice, frame) position for hyperstacks, in stack order
 * with the channels merged).
 */
public final class ImagePlusConversion {

	private ImagePlusConversion() {}

	/** The pixels of an RGB processor, or of a gray processor through its LUT and display range. */
	public static RgbImage toRgb(final ImageProcessor ip) {
		final ColorProcessor cp = ip instanceof ColorProcessor ? (ColorProcessor) ip
			: (ColorProcessor) ip.convertToRGB();
		final int[] argb = (int[]) cp.getPixels();
		final byte[] rgb = new byte[argb.length * 3];
		for (int i = 0, j = 0; i < argb.length; i++) {
			final int c = argb[i];
			rgb[j++] = (byte) (c >> 16);
			rgb[j++] = (byte) (c >> 8);
			rgb[j++] = (byte) c;
		}
		return new RgbImage(cp.getWidth(), cp.getHeight(), rgb);
	}

	/** The plane ImageJ currently shows (the current slice / frame, channels merged). */
	public static RgbImage toRgb(final ImagePlus imp) {
		return toRgb(imp, planeOf(imp, imp.getCurrentSlice()));
	}

	/** The number of planes {@link #toRgbPlanes} returns: stack size divided by the channels. */
	public static int planeCount(final ImagePlus imp) {
		return imp.getStackSize() / Math.max(1, channels(imp));
	}

	/** One image per plane, in stack order; plane i (1-based) is what {@link #toRgb(ImagePlus, int)} gives. */
	public static List<RgbImage> toRgbPlanes(final ImagePlus imp) {
		final int n = planeCount(imp);
		final List<RgbImage> out = new ArrayList<>(n);
		for (int i = 1; i <= n; i++) out.add(toRgb(imp, i));
		return out;
	}

	/**
	 * Plane {@code plane} (1-based). Without channels this is stack slice {@code plane}; with C
	 * channels it is the position holding stack slices (plane-1)*C+1 .. plane*C, merged.
	 */
	public static RgbImage toRgb(final ImagePlus imp, final int plane) {
		final int n = planeCount(imp);
		if (plane < 1 || plane > n) throw new IllegalArgumentException("Plane " + plane + " is outside 1.." + n);
		final ImageStack stack = imp.getStack();
		final int c = channels(imp);
		if (c == 1) {
			final ImageProcessor ip = stack.getProcessor(plane);
			if (ip instanceof ColorProcessor) return toRgb(ip);
			final ImageProcessor shown = imp.getProcessor();
			ip.setLut(shown.getLut());
			ip.setMinAndMax(imp.getDisplayRangeMin(), imp.getDisplayRangeMax());
			return toRgb(ip);
		}
		final CompositeImage ci = (CompositeImage) imp;
		final int[] sum = new int[imp.getWidth() * imp.getHeight() * 3];
		for (int ch = 1; ch <= c; ch++) {
			final ImageProcessor ip = stack.getProcessor((plane - 1) * c + ch).duplicate();
			final LUT lut = ci.getChannelLut(ch);
			ip.setLut(lut);
			if (lut.max > lut.min) ip.setMinAndMax(lut.min, lut.max);
			else ip.resetMinAndMax();
			final byte[] rgb = toRgb(ip).pixels();
			for (int i = 0; i < sum.length; i++) sum[i] += rgb[i] & 0xff;
		}
		final byte[] out = new byte[sum.length];
		for (int i = 0; i < sum.length; i++) out[i] = (byte) Math.min(255, sum[i]);
		return new RgbImage(imp.getWidth(), imp.getHeight(), out);
	}

	/** The 1-based plane of stack slice {@code slice} (1-based stack index). */
	public static int planeOf(final ImagePlus imp, final int slice) {
		return (slice - 1) / Math.max(1, channels(imp)) + 1;
	}

	/** A new RGB processor holding a copy of the image. */
	public static ColorProcessor toProcessor(final RgbImage image) {
		final byte[] rgb = image.pixels();
		final int[] argb = new int[image.width() * image.height()];
		for (int i = 0, j = 0; i < argb.length; i++, j += 3)
			argb[i] = 0xff000000 | (rgb[j] & 0xff) << 16 | (rgb[j + 1] & 0xff) << 8 | rgb[j + 2] & 0xff;
		return new ColorProcessor(image.width(), image.height(), argb);
	}

	/** An RGB ImagePlus (not shown) holding a copy of the image. */
	public static ImagePlus toImagePlus(final String title, final RgbImage image) {
		return new ImagePlus(title, toProcessor(image));
	}

	/** An RGB stack (not shown), one slice per image; all images must have the same size. */
	public static ImagePlus toImagePlus(final String title, final List<RgbImage> images) {
		if (images.isEmpty()) throw new IllegalArgumentException("No images");
		final ImageStack stack = new ImageStack(images.get(0).width(), images.get(0).height());
		for (final RgbImage image : images) {
			if (image.width() != stack.getWidth()
				|| image.height() != stack.getHeight()) throw new IllegalArgumentException(
				"All images of a stack must be " + stack.getWidth() + "x" + stack.getHeight() + ", got " + image.width()
				+ "x" + image.height());
			stack.addSlice(toProcessor(image));
		}
		return new ImagePlus(title, stack);
	}

	private static int channels(final ImagePlus imp) {
		return imp instanceof CompositeImage && imp.getNChannels() > 1 ? imp.getNChannels() : 1;
	}
}
