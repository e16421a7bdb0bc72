package org.emotiontracking.core.explain;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import java.util.List;

import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.detect.FaceBox;

/**
 * From maps to pictures: placing face maps into an image-sized map, the JET colour map, and the
 * blend {@code image * (1 - alpha) + jet(heat) * alpha} (the notebook's
 * {@code addWeighted(image, 0.6, heatmap, 0.4)}).
 */
public final class Heatmaps {

	/** Weight of the heatmap in the blend, as in the notebook. */
	public static final double DEFAULT_ALPHA = 0.4;

	private static final int[] JET = new int[256];

	static {
		for (int i = 0; i < 256; i++) {
			final double v = i / 255.0;
			JET[i] = channel(1.5 - Math.abs(4 * v - 3)) << 16 | channel(1.5 - Math.abs(4 * v - 2)) << 8 |
				channel(1.5 - Math.abs(4 * v - 1));
		}
	}

	private Heatmaps() {}

	private static int channel(final double v) {
		return (int) Math.round(255 * Math.max(0, Math.min(1, v)));
	}

	/**
	 * The JET colour (0xRRGGBB) of a value in 0..1: dark blue at 0, through cyan, yellow, to dark red
	 * at 1. Quantised to 256 levels like {@code np.uint8(255 * heatmap)} followed by
	 * {@code cv2.applyColorMap(..., COLORMAP_JET)}.
	 */
	public static int jet(final float value) {
		return JET[level(value)];
	}

	private static int level(final float value) {
		if (!(value > 0)) return 0; // also NaN
		return value >= 1 ? 255 : (int) (255 * value);
	}

	/**
	 * An image-sized map: each face's map resized bilinearly to its box and placed there, the larger
	 * value where boxes overlap, 0 outside all boxes. Boxes are clipped to the image.
	 */
	public static float[] place(final List<FaceExplanation> faces, final int width, final int height) {
		final float[] out = new float[width * height];
		for (final FaceExplanation f : faces) {
			final FaceBox b = f.box();
			final Heatmap h = f.boxHeatmap();
			for (int y = Math.max(0, b.y()); y < Math.min(height, b.bottom()); y++)
				for (int x = Math.max(0, b.x()); x < Math.min(width, b.right()); x++) {
					final int i = y * width + x;
					out[i] = Math.max(out[i], h.get(x - b.x(), y - b.y()));
				}
		}
		return out;
	}

	/** The JET colouring of a map (w x h values in 0..1). */
	public static RgbImage colorize(final float[] map, final int width, final int height) {
		if (map.length != width * height) throw new IllegalArgumentException("Map has " + map.length + " values, not " +
			width + "x" + height);
		final byte[] px = new byte[width * height * 3];
		for (int i = 0; i < map.length; i++) {
			final int c = jet(map[i]);
			px[3 * i] = (byte) (c >> 16);
			px[3 * i + 1] = (byte) (c >> 8);
			px[3 * i + 2] = (byte) c;
		}
		return new RgbImage(width, height, px);
	}

	/**
	 * {@code round(image * (1 - alpha) + jet(map) * alpha)} inside the given regions (everywhere when
	 * {@code regions} is null); pixels outside them keep the image's values. A new image.
	 *
	 * @param map image-sized, 0..1 (see {@link #place})
	 * @param alpha weight of the heatmap, 0..1
	 */
	public static RgbImage blend(final RgbImage image, final float[] map, final List<FaceBox> regions,
		final double alpha) {
		if (!(alpha >= 0 && alpha <= 1)) throw new IllegalArgumentException("alpha must be between 0 and 1, got "
			+ alpha);
		final int w = image.width(), h = image.height();
		if (map.length != w * h) throw new IllegalArgumentException("Map has " + map.length + " values, the image " + w
			+ "x" + h);
		final byte[] src = image.pixels();
		final byte[] dst = src.clone();
		final boolean[] inside = new boolean[w * h];
		if (regions == null) Arrays.fill(inside, true);
		else for (final FaceBox b : regions)
			for (int y = Math.max(0, b.y()); y < Math.min(h, b.bottom()); y++)
				for (int x = Math.max(0, b.x()); x < Math.min(w, b.right()); x++) inside[y * w + x] = true;
		for (int i = 0; i < map.length; i++) {
			if (!inside[i]) continue;
			final int c = jet(map[i]);
			for (int ch = 0; ch < 3; ch++) {
				final int heat = c >> (16 - 8 * ch) & 0xff;
				final int v = src[3 * i + ch] & 0xff;
				dst[3 * i + ch] = (byte) Math.min(255, (int) Math.round(v * (1 - alpha) + heat * alpha));
			}
		}
		return new RgbImage(w, h, dst);
	}

	/** A box-sized ARGB image of the JET colouring with a uniform alpha ({@code opacity} 0..1). */
	public static BufferedImage translucentJet(final Heatmap map, final double opacity) {
		if (!(opacity >= 0 && opacity <= 1)) throw new IllegalArgumentException("opacity must be between 0 and 1, got "
			+ opacity);
		final int a = (int) Math.round(255 * opacity) << 24;
		final BufferedImage out = new BufferedImage(map.width(), map.height(), BufferedImage.TYPE_INT_ARGB);
		final int[] px = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
		for (int y = 0; y < map.height(); y++)
			for (int x = 0; x < map.width(); x++) px[y * map.width() + x] = a | jet(map.get(x, y));
		return out;
	}

	/** An RGB image as a TYPE_INT_RGB BufferedImage (a copy), for drawing and PNG writing. */
	public static BufferedImage toBufferedImage(final RgbImage image) {
		final BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
		final int[] px = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
		final byte[] src = image.pixels();
		for (int i = 0; i < px.length; i++)
			px[i] = (src[3 * i] & 0xff) << 16 | (src[3 * i + 1] & 0xff) << 8 | src[3 * i + 2] & 0xff;
		return out;
	}
}
