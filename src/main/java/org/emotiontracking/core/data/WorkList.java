package org.emotiontracking.core.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The canonical work list of a batch: the image files of an input folder (or the one input file)
 * in {@link WorkOrder}, each identified by its path relative to the input, or one {@link Shard}'s
 * contiguous slice of it. Every batch command and every machine of a run derives its items from
 * this list, so shards of the same input never overlap and together hold every item once. Lazy:
 * the files are listed as they are read; the {@link #total() total} costs one more listing.
 */
public final class WorkList implements Iterable<ImageFile> {

	private final Path input;
	private final boolean recursive;
	private final ImageFolderScan scan;
	private final Shard shard;
	private long total = -1;

	private WorkList(final Path input, final boolean recursive, final ImageFolderScan scan, final Shard shard) {
		this.input = input;
		this.recursive = recursive;
		this.scan = scan;
		this.shard = shard;
	}

	/**
	 * The whole list of an image file or a folder ({@link ImageFolderScan} with true labels from
	 * first-level sub-folders named like {@code classNames}, which may be null).
	 */
	public static WorkList of(final Path input, final boolean recursive, final Collection<String> classNames) {
		return of(input, recursive, classNames, ImageFileTypes::isImage);
	}

	/** The same with the files {@code accept} takes by name (e.g. images and videos: a video is one item). */
	public static WorkList of(final Path input, final boolean recursive, final Collection<String> classNames,
		final Predicate<Path> accept)
	{
		Objects.requireNonNull(input, "input");
		return new WorkList(input, recursive, Files.isDirectory(input)
			? new ImageFolderScan(input, recursive, classNames, accept) : null, Shard.ALL);
	}

	/** The same list restricted to one shard (of the whole list, whatever this one's shard is). */
	public WorkList shard(final Shard value) {
		final WorkList w = new WorkList(input, recursive, scan, Objects.requireNonNull(value, "shard"));
		w.total = total;
		return w;
	}

	public Shard shard() { return shard; }

	public Path input() { return input; }

	/** Whether the input is a folder (else one file). */
	public boolean isFolder() { return scan != null; }

	/** Items in the whole list (all shards): N. Listed once, then remembered. */
	public synchronized long total() {
		if (total < 0) total = scan == null ? 1 : scan.count();
		return total;
	}

	/** Items in this shard: [i*N/n, (i+1)*N/n). */
	public long size() {
		return shard.size(total());
	}

	/** This shard's files, in work order. */
	@Override
	public Iterator<ImageFile> iterator() {
		final Iterator<ImageFile> all = scan == null ? Collections.singletonList(new ImageFile(input,
			String.valueOf(input.getFileName()), null)).iterator() : scan.iterator();
		return shard.isAll() ? all : shard.slice(all, total());
	}

	/** The file of a relative path as the list names it (e.g. handed from another machine). */
	public ImageFile file(final String relativePath) {
		if (scan == null) {
			if (!relativePath.equals(String.valueOf(input.getFileName()))) throw new IllegalArgumentException(
				"Not the input file " + input + ": " + relativePath);
			return new ImageFile(input, relativePath, null);
		}
		return scan.file(relativePath);
	}

	/** For logs, e.g. "folder /data/faces (recursive), shard 2/8". */
	public String description() {
		final String what = scan == null ? "image " + input : "folder " + input + (recursive ? " (recursive)" : "");
		return shard.isAll() ? what : what + ", shard " + shard;
	}
}
