package org.emotiontracking.core.data;

import java.io.IOException;

/**
 * An image file could not be turned into pixels. The message names the file and the problem,
 * e.g. {@code "Cannot read image /data/a.jpg: truncated JPEG (no end-of-image marker)"}, and is
 * meant to be shown to the user as is.
 */
public class ImageReadException extends IOException {

	private static final long serialVersionUID = 1L;

	private final String source;
	private final String problem;

	/**
	 * @param source the file (or other source) that was read
	 * @param problem what is wrong, without the file name, e.g. {@code "empty file"}
	 */
	public ImageReadException(final String source, final String problem) {
		this(source, problem, null);
	}

	public ImageReadException(final String source, final String problem, final Throwable cause) {
		super("Cannot read image " + source + ": " + problem, cause);
		this.source = source;
		this.problem = problem;
	}

	/** The file (or other source) that could not be read. */
	public String source() { return source; }

	/** What is wrong, without the file name. */
	public String problem() { return problem; }
}
