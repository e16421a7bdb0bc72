package org.emotiontracking.core.detect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Checks on detector model files before OpenCV sees them. */
final class ModelFiles {

	private ModelFiles() {}

	/** Throws a clear error unless the file exists, is a regular readable file and is not empty. */
	static void checkReadable(final Path file, final String kind) throws DetectorLoadException {
		if (!Files.exists(file)) throw new DetectorLoadException(kind + " file not found: " + file);
		if (!Files.isRegularFile(file)) throw new DetectorLoadException(kind + " is not a file: " + file);
		if (!Files.isReadable(file)) throw new DetectorLoadException(kind + " file is not readable: " + file);
		try {
			if (Files.size(file) == 0) throw new DetectorLoadException(kind + " file is empty: " + file);
		}
		catch (final IOException e) {
			throw new DetectorLoadException("Cannot read " + kind + " file " + file + ": " + e, e);
		}
	}

	/**
	 * A path OpenCV's C++ side can open: the file itself if its path is plain ASCII, else a
	 * temporary copy (OpenCV may not open non-ASCII paths on every platform).
	 */
	static Path asciiPath(final Path file) throws DetectorLoadException {
		final String s = file.toAbsolutePath().toString();
		if (StandardCharsets.US_ASCII.newEncoder().canEncode(s)) return file;
		try {
			final Path tmp = Files.createTempFile("emotiontracking-model-", "-" + suffix(file));
			tmp.toFile().deleteOnExit();
			Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
			return tmp;
		}
		catch (final IOException e) {
			throw new DetectorLoadException("Cannot copy " + file + " to a temporary file: " + e, e);
		}
	}

	private static String suffix(final Path file) {
		final String name = file.getFileName().toString();
		final int dot = name.lastIndexOf('.');
		return dot >= 0 ? "model" + name.substring(dot) : "model";
	}

	/** First line of an OpenCV exception message, which is often several lines long. */
	static String shortMessage(final Throwable t) {
		final String m = String.valueOf(t.getMessage()).trim();
		final int nl = m.indexOf('\n');
		return nl < 0 ? m : m.substring(0, nl);
	}
}
