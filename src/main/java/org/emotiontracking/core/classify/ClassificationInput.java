package org.emotiontracking.core.classify;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;

import org.emotiontracking.core.data.ImageDecoder;
import org.emotiontracking.core.data.ImageFile;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.data.Shard;
import org.emotiontracking.core.data.WorkList;
import org.emotiontracking.core.video.VideoFileTypes;

/**
 * What to classify: an ordered, re-iterable sequence of {@link ClassificationItem}s. Results come
 * out in this order. Implementations should be lazy (a folder of 100,000 files is listed as it
 * is read and no image is decoded before a worker needs it).
 */
public interface ClassificationInput extends Iterable<ClassificationItem> {

	/** The number of items if known cheaply (for progress), else -1. */
	default long size() { return -1; }

	/** For logs, e.g. "folder /data/faces (recursive)". */
	String description();

	/** Whether some items may be videos (then rows get the frame and time_s columns). */
	default boolean hasVideos() { return false; }

	/** Where this input's first item stands in the whole work list it is a slice of (0 unless a shard). */
	default long firstIndex() { return 0; }

	/** The number of items of the whole work list (all shards), or -1 if unknown (default: {@link #size()}). */
	default long listSize() { return size(); }

	/**
	 * This input as the slice of a work list that starts at item {@code first} of {@code listSize}
	 * items (e.g. the items a cluster node was handed): it fixes how faces are batched, so a shard's
	 * rows have the bits of a single run's.
	 */
	default ClassificationInput at(final LongSupplier first, final LongSupplier listSize) {
		return new InputView(this, null, first, listSize);
	}

	/**
	 * An image or video file (one item named by its file name) or a folder of image and video files
	 * (items named by their path relative to it, '/'-separated, in
	 * {@link org.emotiontracking.core.data.WorkOrder}: one sorted work list, a video is one item).
	 * In a recursive scan, files whose first-level sub-folder is named like one of
	 * {@code classNames} get it as true label.
	 *
	 * @param classNames may be null or empty (no true labels)
	 */
	static ClassificationInput files(final Path input, final boolean recursive, final Collection<String> classNames,
		final ImageDecoder decoder)
	{
		return files(WorkList.of(input, recursive, classNames, VideoFileTypes::isImageOrVideo), decoder);
	}

	/**
	 * The items of a work list (or of one shard of it), in its order. Whether rows get the video
	 * columns depends on the whole list, so that every shard has the layout of a single run.
	 */
	static ClassificationInput files(final WorkList list, final ImageDecoder decoder) {
		Objects.requireNonNull(list, "list");
		final WorkList whole = list.shard(Shard.ALL);
		return new InputView(files(list.description(), list, () -> total(list) < 0 ? -1 : list.size(), decoder),
			() -> anyVideo(whole), () -> total(list) <= 0 ? 0 : list.shard().start(total(list)), () -> total(list));
	}

	private static long total(final WorkList list) {
		try {
			return list.total();
		}
		catch (final RuntimeException e) {
			return -1;
		}
	}

	/** Whether any of the files is a video, listing them until the first (no file is opened). */
	static boolean anyVideo(final Iterable<ImageFile> files) {
		try {
			for (final ImageFile f : files) if (VideoFileTypes.isVideo(f.path())) return true;
		}
		catch (final RuntimeException e) {
			// a listing error surfaces when the items are read
		}
		return false;
	}

	/**
	 * As {@link #files(String, Iterable, LongSupplier, ImageDecoder)}, the video columns decided by
	 * {@code hasVideos} (e.g. over the whole work list of which {@code files} is one shard).
	 */
	static ClassificationInput files(final String description, final Iterable<ImageFile> files, final LongSupplier size,
		final ImageDecoder decoder, final BooleanSupplier hasVideos)
	{
		return new InputView(files(description, files, size, decoder), hasVideos, null, null);
	}

	/**
	 * The items of image (and video) files given in order (e.g. the relative paths a cluster node was handed),
	 * one item per file, named by its relative path.
	 *
	 * @param size the number of files if known cheaply (called once, for progress), else -1
	 */
	static ClassificationInput files(final String description, final Iterable<ImageFile> files, final LongSupplier size,
		final ImageDecoder decoder)
	{
		Objects.requireNonNull(files, "files");
		Objects.requireNonNull(decoder, "decoder");
		return new ClassificationInput() {
			private long known = -2;

			@Override
			public Iterator<ClassificationItem> iterator() {
				final Iterator<ImageFile> it = files.iterator();
				return new Iterator<ClassificationItem>() {
					@Override
					public boolean hasNext() { return it.hasNext(); }

					@Override
					public ClassificationItem next() {
						final ImageFile f = it.next();
						if (VideoFileTypes.isVideo(f.path())) return ClassificationItem.video(f.relativePath(),
							f.trueLabel().orElse(null), f.path());
						return new ClassificationItem(f.relativePath(), null, f.trueLabel().orElse(null),
							() -> decoder.decode(f.path()));
					}
				};
			}

			@Override
			public synchronized long size() {
				if (known == -2) known = size.getAsLong();
				return known;
			}

			@Override
			public String description() { return description; }

			private Boolean videos;

			/** Lists the files until the first video (no file is opened). */
			@Override
			public synchronized boolean hasVideos() {
				if (videos == null) videos = anyVideo(files);
				return videos;
			}
		};
	}

	/**
	 * The slices of a stack (or frames of a movie), numbered from 1 and all named {@code name};
	 * slice {@code i} (1-based) is fetched with {@code slice.apply(i)} when a worker needs it.
	 */
	static ClassificationInput slices(final String name, final int count, final IntFunction<RgbImage> slice) {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(slice, "slice");
		if (count < 0) throw new IllegalArgumentException("Negative slice count: " + count);
		return new ClassificationInput() {
			@Override
			public Iterator<ClassificationItem> iterator() {
				return IntStream.rangeClosed(1, count).mapToObj(i -> new ClassificationItem(name, count > 1 ? i : null,
					null, () -> slice.apply(i))).iterator();
			}

			@Override
			public long size() { return count; }

			@Override
			public String description() { return count == 1 ? "image " + name : "stack " + name + " (" + count
				+ " slices)"; }
		};
	}

	/** In-memory slices of one image or stack (slice numbers only when there are several). */
	static ClassificationInput images(final String name, final List<RgbImage> slices) {
		final List<RgbImage> copy = List.copyOf(slices);
		return slices(name, copy.size(), i -> copy.get(i - 1));
	}

	/** Any list of items. */
	static ClassificationInput of(final String description, final List<ClassificationItem> items) {
		final List<ClassificationItem> copy = List.copyOf(items);
		return new ClassificationInput() {
			@Override
			public Iterator<ClassificationItem> iterator() { return copy.iterator(); }

			@Override
			public long size() { return copy.size(); }

			@Override
			public String description() { return description; }
		};
	}
}
