package org.emotiontracking.core.live;

import java.io.IOException;

/**
 * A frame source could not be opened (no camera, missing or unreadable video). The message is
 * meant for the user: it says what was tried and what to do.
 */
public class FrameSourceException extends IOException {

	private static final long serialVersionUID = 1L;

	public FrameSourceException(final String message) { super(message); }

	public FrameSourceException(final String message, final Throwable cause) { super(message, cause); }
}
