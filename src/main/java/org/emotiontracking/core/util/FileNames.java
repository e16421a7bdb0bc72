package org.emotiontracking.core.util;

/** Names of output files derived from input names. */
public final class FileNames {

	private FileNames() {}

	/** The name without its last extension: "photo.v2.jpg" -> "photo.v2", ".hidden" and "README" stay. */
	public static String stem(final String fileName) {
		final int dot = fileName.lastIndexOf('.');
		return dot > 0 ? fileName.substring(0, dot) : fileName;
	}
}
