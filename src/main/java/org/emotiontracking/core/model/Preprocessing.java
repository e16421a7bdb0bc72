package org.emotiontracking.core.model;

/**
 * How 0..255 RGB pixels become network inputs. Recorded in every model's metadata and applied
 * inside the graph, so a model can never be run with the wrong scaling.
 */
public enum Preprocessing {
	/** keras.applications.mobilenet_v2.preprocess_input: x / 127.5 - 1, range [-1, 1]. */
	MOBILENET_V2("mobilenet_v2", 1 / 127.5f, -1f),
	/** ImageDataGenerator(rescale=1/255) as the notebook used: range [0, 1]. */
	RESCALE_1_255("rescale_1_255", 1 / 255f, 0f);

	public final String id;
	public final float scale;
	public final float offset;

	Preprocessing(final String id, final float scale, final float offset) {
		this.id = id;
		this.scale = scale;
		this.offset = offset;
	}

	public static Preprocessing fromId(final String id) {
		for (final Preprocessing p : values())
			if (p.id.equals(id)) return p;
		throw new IllegalArgumentException("Unknown preprocessing '" + id + "' (known: mobilenet_v2, rescale_1_255)");
	}
}
