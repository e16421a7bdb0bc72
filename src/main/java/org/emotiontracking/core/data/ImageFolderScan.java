package org.emotiontracking.core.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Lists the image files of a folder (optionally recursively) lazily, in {@link WorkOrder}: by
 * relative path in code-point order, the same on every machine (a depth-first walk with the
 * entries of each folder sorted as {@link FolderOrder} says). Only
 * one folder listing per level is held in memory and nothing is decoded, so it scales to
 * hundreds of thousands of files. Hidden files and folders are skipped; files are recognised
 * as images by extension ({@link ImageFileTypes}).
 */
public final class ImageFolderScan implements Iterable<ImageFile> {

	private final Path root;
	private final boolean recursive;
	private final Map<String, String> classByLowerName = new HashMap<>();
	private final Predicate<Path> accept;

	/**
	 * @param root the folder to scan
	 * @param recursive whether to descend into sub-folders
	 * @param classNames known class names (may be empty): a file whose first-level sub-folder is
	 *          named like one of them gets it as its {@link ImageFile#trueLabel() true label}
	 */
	public ImageFolderScan(final Path root, final boolean recursive, final Collection<String> classNames) {
		this(root, recursive, classNames, ImageFileTypes::isImage);
	}

	/**
	 * A scan listing the files {@code accept} takes by name (e.g. images and videos), in the same
	 * order and with the same labels.
	 */
	public ImageFolderScan(final Path root, final boolean recursive, final Collection<String> classNames,
		final Predicate<Path> accept)
	{
		this.accept = accept;
		if (!Files.isDirectory(root)) throw new IllegalArgumentException("Not a folder: " + root);
		this.root = root;
		this.recursive = recursive;
		for (final String c : classNames == null ? Collections.<String> emptyList() : classNames)
			classByLowerName.putIfAbsent(c.toLowerCase(Locale.ROOT), c);
	}

	/** A scan without class labels. */
	public ImageFolderScan(final Path root, final boolean recursive) {
		this(root, recursive, null);
	}

	/**
	 * A fresh lazy iterator over the image files. Listing errors surface as
	 * {@link UncheckedIOException} from {@code hasNext()}.
	 */
	@Override
	public Iterator<ImageFile> iterator() {
		return new Walker();
	}

	/** The same as {@link #iterator()}, as a sequential ordered stream. */
	public Stream<ImageFile> stream() {
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
			Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT), false);
	}

	/** The number of image files (one more listing of the folders; no file is opened). */
	public long count() {
		long n = 0;
		for (final Iterator<ImageFile> it = iterator(); it.hasNext(); it.next()) n++;
		return n;
	}

	/**
	 * The file at {@code relativePath} ('/'-separated, as {@link ImageFile#relativePath()} gives it)
	 * with the true label the scan would give it; the file is not checked. For work lists handed
	 * between machines as relative paths.
	 */
	public ImageFile file(final String relativePath) {
		Path p = root;
		for (final String part : relativePath.split("/")) {
			if (part.equals("..")) throw new IllegalArgumentException("Not a path inside " + root + ": "
				+ relativePath);
			if (!part.isEmpty() && !part.equals(".")) p = p.resolve(part);
		}
		return toImageFile(p);
	}

	private final class Walker implements Iterator<ImageFile> {
		/** Remaining sorted entries of each folder being visited; the deepest is first. */
		private final Deque<Iterator<Path>> stack = new ArrayDeque<>();
		private ImageFile next;

		Walker() {
			stack.push(list(root).iterator());
		}

		@Override
		public boolean hasNext() {
			while (next == null && !stack.isEmpty()) {
				final Iterator<Path> top = stack.peek();
				if (!top.hasNext()) {
					stack.pop();
					continue;
				}
				final Path p = top.next();
				if (Files.isDirectory(p)) {
					if (recursive) stack.push(list(p).iterator());
				}
				else if (accept.test(p) && Files.isRegularFile(p)) next = toImageFile(p);
			}
			return next != null;
		}

		@Override
		public ImageFile next() {
			if (!hasNext()) throw new NoSuchElementException();
			final ImageFile result = next;
			next = null;
			return result;
		}
	}

	private ImageFile toImageFile(final Path p) {
		final Path relative = root.relativize(p);
		final StringBuilder sb = new StringBuilder();
		for (final Path part : relative) {
			if (sb.length() > 0) sb.append('/');
			sb.append(part);
		}
		final String label = relative.getNameCount() > 1 ?
			classByLowerName.get(relative.getName(0).toString().toLowerCase(Locale.ROOT)) : null;
		return new ImageFile(p, sb.toString(), label);
	}

	private static List<Path> list(final Path folder) {
		try (Stream<Path> s = Files.list(folder)) {
			return FolderOrder.sorted(s.filter(p -> !ImageFileTypes.isHidden(p)));
		}
		catch (final IOException e) {
			throw new UncheckedIOException("Cannot list " + folder + ": " + e.getMessage(), e);
		}
	}
}
