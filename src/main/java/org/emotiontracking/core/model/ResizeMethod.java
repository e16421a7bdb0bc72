package org.emotiontracking.core.model;

/** How an image or face crop is brought to the model's input size. */
public enum ResizeMethod {
	/** OpenCV INTER_AREA when shrinking, bilinear when enlarging: the best quality. */
	AREA("area"),
	/** Nearest neighbour, as Keras load_img(target_size) does: used for models from the notebook. */
	NEAREST("nearest");

	public final String id;

	ResizeMethod(final String id) { this.id = id; }

	public static ResizeMethod fromId(final String id) {
		for (final ResizeMethod r : values())
			if (r.id.equals(id)) return r;
		throw new IllegalArgumentException("Unknown resize method '" + id + "' (known: area, nearest)");
	}
}
