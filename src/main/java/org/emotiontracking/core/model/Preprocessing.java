package org.emotiontracking.core.model;

/**
 * How 0..255 RGB pixels become network inputs. Recorded in every model's metadata and applied
 * inside the graph, so a model can never be run with the wrong scaling.
 */
public enum Preprocessing {
	/** keras.applications.mobilenet_v2.preprocess_input: x / 127.5 - 1, range [-1, 1]. */
	MOBILENET_V2("mobilenet_v2", 1 / 127.5f, -1f, false),
	/** ImageDataGenerator(rescale=1/255) as the notebook used: range [0, 1]. */
	RESCALE_1_255("rescale_1_255", 1 / 255f, 0f, false),
	/** Grayscale ({@link #GRAY_WEIGHTS}), then x / 255: range [0, 1] (the built-in FER2013 model). */
	GRAYSCALE_RESCALE_1_255("grayscale_rescale_1_255", 1 / 255f, 0f, true),
	/** Grayscale ({@link #GRAY_WEIGHTS}), then x / 127.5 - 1: range [-1, 1]. */
	GRAYSCALE_MINUS1_1("grayscale_minus1_1", 1 / 127.5f, -1f, true);

	/**
	 * RGB to gray as the Human library (vladmandic/human, its emotion module) does it, MATLAB's rgb2gray
	 * weights: 0.2989 R + 0.5870 G + 0.1140 B.
	 */
	public static final float[] GRAY_WEIGHTS = { 0.2989f, 0.5870f, 0.1140f };

	public final String id;
	public final float scale;
	public final float offset;
	/** Whether the RGB image becomes one gray channel (weighted by {@link #GRAY_WEIGHTS}) before scaling. */
	public final boolean grayscale;

	Preprocessing(final String id, final float scale, final float offset, final boolean grayscale) {
		this.id = id;
		this.scale = scale;
		this.offset = offset;
		this.grayscale = grayscale;
	}

	public static Preprocessing fromId(final String id) {
		for (final Preprocessing p : values())
			if (p.id.equals(id)) return p;
		{
			final StringBuilder known = new StringBuilder();
			for (final Preprocessing p : values()) known.append(known.length() == 0 ? "" : ", ").append(p.id);
			throw new IllegalArgumentException("Unknown preprocessing '" + id + "' (known: " + known + ")");
		}
	}
}
