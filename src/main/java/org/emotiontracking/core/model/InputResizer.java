package org.emotiontracking.core.model;

import java.util.function.UnaryOperator;

import org.emotiontracking.core.data.RgbImage;

/** Resizes images to a model's input size with the model's recorded method. */
final class InputResizer {

	private InputResizer() {}

	static UnaryOperator<RgbImage> forModel(final ModelMetadata m) {
		final int s = m.input_size;
		final boolean nearest = m.resizeMethod() == ResizeMethod.NEAREST;
		return im -> im.width() == s && im.height() == s ? im : nearest ? nearest(im, s) : nearest(im, s);
	}

	/** Nearest neighbour as PIL does it (pixel centres), which Keras load_img uses. */
	static RgbImage nearest(final RgbImage in, final int s) {
		final RgbImage out = RgbImage.blank(s, s);
		final byte[] src = in.pixels(), dst = out.pixels();
		for (int y = 0; y < s; y++) {
			final int sy = Math.min(in.height() - 1, (int) ((y + 0.5) * in.height() / s));
			for (int x = 0; x < s; x++) {
				final int sx = Math.min(in.width() - 1, (int) ((x + 0.5) * in.width() / s));
				System.arraycopy(src, (sy * in.width() + sx) * 3, dst, (y * s + x) * 3, 3);
			}
		}
		return out;
	}
}
