package org.emotiontracking.core.report;

import java.awt.image.RenderedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.emotiontracking.core.util.AtomicFiles;

/** Writes PNG files atomically (see {@link AtomicFiles}). */
public final class PngFiles {

	private PngFiles() {}

	/**
	 * Writes {@code image} as PNG to {@code file} via a temporary file.
	 *
	 * @throws java.nio.file.FileAlreadyExistsException if the file exists and overwrite is false
	 */
	public static void write(final RenderedImage image, final Path file, final boolean overwrite) throws IOException {
		AtomicFiles.write(file, overwrite, out -> {
			if (!ImageIO.write(image, "png", out)) throw new IOException("No PNG writer available");
		});
	}
}
