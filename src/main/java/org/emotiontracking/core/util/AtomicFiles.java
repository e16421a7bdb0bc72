package org.emotiontracking.core.util;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;

/**
 * Writes output files so that a reader never sees half a file and nothing a user had is lost.
 * <p>
 * Content goes to a temporary file in the target's folder (same file system, so the final move is
 * a rename) and is moved over the target only once it is complete: with
 * {@link StandardCopyOption#ATOMIC_MOVE} where the file system supports it, otherwise with
 * {@link StandardCopyOption#REPLACE_EXISTING}. If writing fails, the temporary file is deleted and
 * an existing target is left untouched. An existing target is only replaced when the caller passes
 * {@code overwrite = true}.
 */
public final class AtomicFiles {

	private static final SecureRandom RANDOM = new SecureRandom();

	private AtomicFiles() {}

	/** Writes content to a stream; may throw, in which case nothing is moved into place. */
	@FunctionalInterface
	public interface StreamWriter {
		void write(OutputStream out) throws IOException;
	}

	/**
	 * Throws if {@code target} exists and {@code overwrite} is false.
	 *
	 * @throws FileAlreadyExistsException naming the file, with a hint how to proceed
	 */
	public static void checkCanWrite(final Path target, final boolean overwrite) throws FileAlreadyExistsException {
		if (!overwrite && Files.exists(target)) throw new FileAlreadyExistsException(target.toString(), null,
			"Output file already exists: " + target.toAbsolutePath() +
				" (choose another output folder or allow overwriting)");
	}

	/**
	 * Creates the parent folders of {@code target} and an empty temporary file next to it, named
	 * after it (".name.xxxx.part"), for content that will later be {@link #moveIntoPlace moved}.
	 * Unlike {@link Files#createTempFile}, the file gets the default permissions of new files
	 * (umask), which it keeps when moved into place.
	 */
	public static Path createTempFor(final Path target) throws IOException {
		final Path abs = target.toAbsolutePath();
		final Path dir = abs.getParent();
		Files.createDirectories(dir);
		for (int attempt = 0;; attempt++) {
			final String suffix = Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
			try {
				return Files.createFile(dir.resolve("." + abs.getFileName() + "." + suffix + ".part"));
			}
			catch (final FileAlreadyExistsException e) {
				if (attempt > 100) throw e;
			}
		}
	}

	/**
	 * Moves a finished temporary file onto {@code target}, atomically where possible.
	 * If {@code overwrite} is false and the target appeared in the meantime, the temporary file is
	 * kept (so nothing is lost) and the exception names both files.
	 */
	public static void moveIntoPlace(final Path temp, final Path target, final boolean overwrite) throws IOException {
		try {
			checkCanWrite(target, overwrite);
		}
		catch (final FileAlreadyExistsException e) {
			throw new FileAlreadyExistsException(target.toString(), temp.toString(),
				e.getReason() + "; the new content was kept in " + temp.toAbsolutePath());
		}
		try {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (final AtomicMoveNotSupportedException e) {
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/**
	 * Writes {@code target} atomically: {@code writer} fills a temporary file which then replaces
	 * the target. If the writer throws, the temporary file is deleted and the target is unchanged.
	 *
	 * @param overwrite whether an existing target may be replaced
	 * @throws FileAlreadyExistsException if the target exists and overwrite is false
	 */
	public static void write(final Path target, final boolean overwrite, final StreamWriter writer) throws IOException {
		checkCanWrite(target, overwrite);
		final Path temp = createTempFor(target);
		boolean keepTemp = false;
		try {
			try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
				writer.write(out);
			}
			keepTemp = true; // complete content: never throw it away
			moveIntoPlace(temp, target, overwrite);
		}
		finally {
			if (!keepTemp) deleteQuietly(temp);
		}
	}

	/** Writes a UTF-8 text file atomically; see {@link #write(Path, boolean, StreamWriter)}. */
	public static void writeString(final Path target, final String text, final boolean overwrite) throws IOException {
		write(target, overwrite, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
	}

	/** Deletes a file if it exists, ignoring failures (used to clean up temporary files). */
	public static void deleteQuietly(final Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (final IOException ignored) {
			// a stray temporary file is harmless
		}
	}
}
