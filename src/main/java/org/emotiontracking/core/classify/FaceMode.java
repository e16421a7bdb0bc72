package org.emotiontracking.core.classify;

import java.util.Locale;

/** What is classified in each image. */
public enum FaceMode {
	/** Every face a face detector finds (the notebook's camera behaviour). */
	DETECT,
	/** The whole image, as one face (for images that are already face crops). */
	WHOLE;

	/** The key value, e.g. {@code detect}. */
	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}
}
