package org.emotiontracking.core.video;

import org.emotiontracking.core.data.RgbImage;

/** Turns images by quarter turns (the display rotation of phone videos). */
final class Rotation {

	private Rotation() {}

	/** The image turned clockwise by {@code degrees} (0, 90, 180 or 270; 0 returns it as is). */
	static RgbImage rotate(final RgbImage src, final int degrees) {
		if (degrees == 0) return src;
		final int w = src.width(), h = src.height();
		final byte[] in = src.pixels();
		final boolean swap = degrees == 90 || degrees == 270;
		final int ow = swap ? h : w, oh = swap ? w : h;
		final byte[] out = new byte[in.length];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				final int ox, oy;
				if (degrees == 90) {
					ox = h - 1 - y;
					oy = x;
				}
				else if (degrees == 180) {
					ox = w - 1 - x;
					oy = h - 1 - y;
				}
				else if (degrees == 270) {
					ox = y;
					oy = w - 1 - x;
				}
				else throw new IllegalArgumentException("Rotation must be 0, 90, 180 or 270: " + degrees);
				final int i = (y * w + x) * 3, o = (oy * ow + ox) * 3;
				out[o] = in[i];
				out[o + 1] = in[i + 1];
				out[o + 2] = in[i + 2];
			}
		}
		return new RgbImage(ow, oh, out);
	}
}
