package org.emotiontracking.core.data;

/**
 * A dataset folder cannot be used as is (no class folders, a class with too few images, a
 * requested class without a folder...). The message says what to fix and is meant for the user.
 */
public class DatasetException extends Exception {

	private static final long serialVersionUID = 1L;

	public DatasetException(final String message) { super(message); }

	public DatasetException(final String message, final Throwable cause) { super(message, cause); }
}
