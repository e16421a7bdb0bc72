package org.emotiontracking.core.data;

import java.nio.file.Path;
import java.util.Optional;

/** An image file found by {@link ImageFolderScan}: where it is and, if known, its true class. */
public final class ImageFile {

	private final Path path;
	private final String relativePath;
	private final String trueLabel;

	public ImageFile(final Path path, final String relativePath, final String trueLabel) {
		this.path = path;
		this.relativePath = relativePath;
		this.trueLabel = trueLabel;
	}

	/** The file. */
	public Path path() { return path; }

	/** Path relative to the scanned folder, with '/' separators on every OS, e.g. "happy/a.jpg". */
	public String relativePath() { return relativePath; }

	/**
	 * The class name of the first-level sub-folder holding the file, if that folder is named like
	 * one of the classes given to the scan (letter case ignored; the class's own spelling is
	 * returned).
	 */
	public Optional<String> trueLabel() { return Optional.ofNullable(trueLabel); }

	@Override
	public String toString() { return relativePath + (trueLabel == null ? "" : " [" + trueLabel + "]"); }
}
