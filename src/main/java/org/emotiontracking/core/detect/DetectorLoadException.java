package org.emotiontracking.core.detect;

import java.io.IOException;

/**
 * A face-detector model could not be found or loaded. The message names the file(s) and the
 * problem and is meant for the user.
 */
public class DetectorLoadException extends IOException {

	private static final long serialVersionUID = 1L;

	public DetectorLoadException(final String message) { super(message); }

	public DetectorLoadException(final String message, final Throwable cause) { super(message, cause); }
}
