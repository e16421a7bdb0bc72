package org.emotiontracking.core.train;

import java.util.Collections;
import java.util.List;

import org.emotiontracking.core.data.RgbImage;

/** Decoded images at the model's input size with their class indices: one subset (train or validation). */
public final class LabelledImages {

	public final List<RgbImage> images;
	public final int[] labels;

	public LabelledImages(final List<RgbImage> images, final int[] labels) {
		if (images.size() != labels.length) throw new IllegalArgumentException("images and labels differ in count");
		this.images = Collections.unmodifiableList(images);
		this.labels = labels;
	}

	public int size() { return labels.length; }

	/** One-hot rows for the given positions. */
	float[] oneHot(final int[] order, final int from, final int to, final int classes) {
		final float[] out = new float[(to - from) * classes];
		for (int i = from; i < to; i++) out[(i - from) * classes + labels[order[i]]] = 1f;
		return out;
	}

	int[] labels(final int[] order, final int from, final int to) {
		final int[] out = new int[to - from];
		for (int i = from; i < to; i++) out[i - from] = labels[order[i]];
		return out;
	}
}
