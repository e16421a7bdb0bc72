package org.emotiontracking.core.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Folder trees: zip, unzip (guarded against entries escaping the target) and delete. */
public final class FileTrees {

	private FileTrees() {}

	/** Zips the contents of {@code dir} (paths relative to it, '/'-separated) into {@code out}. */
	public static void zip(final Path dir, final OutputStream out) throws IOException {
		final List<Path> files;
		try (Stream<Path> s = Files.walk(dir)) {
			files = s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
		}
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (final Path f : files) {
				zip.putNextEntry(new ZipEntry(dir.relativize(f).toString().replace('\\', '/')));
				Files.copy(f, zip);
				zip.closeEntry();
			}
		}
	}

	/** Unzips {@code in} into {@code dir}; refuses entries that would land outside it. */
	public static void unzip(final InputStream in, final Path dir) throws IOException {
		final Path root = dir.toAbsolutePath().normalize();
		try (ZipInputStream zip = new ZipInputStream(in)) {
			for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
				final Path target = root.resolve(e.getName()).normalize();
				if (!target.startsWith(root)) throw new IOException("Zip entry escapes the target folder: "
					+ e.getName());
				if (e.isDirectory()) Files.createDirectories(target);
				else {
					Files.createDirectories(target.getParent());
					Files.copy(zip, target);
				}
			}
		}
	}

	/** Deletes a file or folder tree; missing is fine. */
	public static void delete(final Path path) throws IOException {
		if (path == null || !Files.exists(path)) return;
		try (Stream<Path> s = Files.walk(path)) {
			for (final Path p : s.sorted(Comparator.reverseOrder()).collect(Collectors.toList()))
				Files.deleteIfExists(p);
		}
	}

	/** Deletes quietly, for cleanup paths. */
	public static void deleteQuietly(final Path path) {
		try {
			delete(path);
		}
		catch (final IOException e) {
			// best effort: a temporary folder left behind is harmless
		}
	}
}
