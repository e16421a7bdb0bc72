package org.emotiontracking.core.model;

import java.util.List;
import java.util.stream.IntStream;

import org.emotiontracking.core.data.RgbImage;

/**
 * Packs images of the model's input size into one NHWC float batch of raw 0..255 values (the graph
 * does the preprocessing). Conversion runs in parallel over images.
 */
public final class ImageBatch {

	private ImageBatch() {}

	public static float[] pack(final List<RgbImage> images, final int size) {
		final int per = size * size * 3;
		final float[] out = new float[images.size() * per];
		IntStream.range(0, images.size()).parallel().forEach(i -> {
			final RgbImage im = images.get(i);
			if (im.width() != size || im.height() != size) throw new IllegalArgumentException(
				"Image " + i + " is " + im.width() + "x" + im.height() + ", the model needs " + size + "x" + size);
			final byte[] px = im.pixels();
			final int base = i * per;
			for (int j = 0; j < per; j++) out[base + j] = px[j] & 0xff;
		});
		return out;
	}
}
