package org.emotiontracking.core.model.keras;

import java.io.IOException;

/**
 * A file that is not what it should be: not HDF5, not a Keras model, a different architecture or
 * width, or weights of the wrong shape. The message names the file and, where it applies, the layer
 * and both shapes, and is meant to be shown to the user as it is.
 */
public class KerasFormatException extends IOException {

	private static final long serialVersionUID = 1L;

	public KerasFormatException(final String message) {
		super(message);
	}

	public KerasFormatException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
