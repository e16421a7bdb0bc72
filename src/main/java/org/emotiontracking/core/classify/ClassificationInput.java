package org.emotiontracking.core.classify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.emotiontracking.core.data.ImageDecoder;
import org.emotiontracking.core.data.ImageFileTypes;
import org.emotiontracking.core.data.ImageFolderScan;
import org.emotiontracking.core.data.RgbImage;
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

	/**
	 * An image or video file (one item named by its file name) or a folder of image and video files
	 * (items named by their path relative to it, '/'-separated, in {@link ImageFolderScan} order: one
	 * sorted work list; a video is one item). In a recursive
	 * scan, files whose first-level sub-folder is named like one of {@code classNames} get it as
	 * true label.
	 *
	 * @param classNames may be null or empty (no true labels)
	 */
	static ClassificationInput files(final Path input, final boolean recursive, final Collection<String> classNames,
		final ImageDecoder decoder)
	{
		Objects.requireNonNull(input, "input");
		Objects.requireNonNull(decoder, "decoder");
		if (!Files.isDirectory(input)) {
			final String name = String.valueOf(input.getFileName());
			final boolean video = VideoFileTypes.isVideo(input);
			final List<ClassificationItem> one = Collections.singletonList(video ? ClassificationItem.video(name, null, input)
				: new ClassificationItem(name, null, null, () -> decoder.decode(input)));
			return new ClassificationInput() {
				@Override
				public Iterator<ClassificationItem> iterator() { return one.iterator(); }

				@Override
				public long size() { return 1; }

				@Override
				public String description() { return (video ? "video " : "image ") + input; }

				@Override
				public boolean hasVideos() { return video; }
			};
		}
		final ImageFolderScan scan = new ImageFolderScan(input, recursive, classNames,
			p -> ImageFileTypes.isImage(p) || VideoFileTypes.isVideo(p));
		return new ClassificationInput() {
			private long size = -2;

			@Override
			public Iterator<ClassificationItem> iterator() {
				final Iterator<org.emotiontracking.core.data.ImageFile> files = scan.iterator();
				return new Iterator<ClassificationItem>() {
					@Override
					public boolean hasNext() { return files.hasNext(); }

					@Override
					public ClassificationItem next() {
						final org.emotiontracking.core.data.ImageFile f = files.next();
						if (VideoFileTypes.isVideo(f.path())) return ClassificationItem.video(f.relativePath(), f.trueLabel().orElse(null),
							f.path());
						return new ClassificationItem(f.relativePath(), null, f.trueLabel().orElse(null), () -> decoder.decode(f.path()));
					}
				};
			}

			/** Counts by listing the folders once more (no file is opened). */
			@Override
			public synchronized long size() {
				if (size == -2) {
					try {
						size = scan.stream().count();
					}
					catch (final RuntimeException e) {
						size = -1;
					}
				}
				return size;
			}

			@Override
			public String description() { return "folder " + input + (recursive ? " (recursive)" : ""); }

			private Boolean videos;

			/** Lists the folders until the first video (no file is opened). */
			@Override
			public synchronized boolean hasVideos() {
				if (videos == null) {
					try {
						videos = scan.stream().anyMatch(f -> VideoFileTypes.isVideo(f.path()));
					}
					catch (final RuntimeException e) {
						videos = false;
					}
				}
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
				return IntStream.rangeClosed(1, count).mapToObj(i -> new ClassificationItem(name, count > 1 ? i : null, null,
					() -> slice.apply(i))).iterator();
			}

			@Override
			public long size() { return count; }

			@Override
			public String description() { return count == 1 ? "image " + name : "stack " + name + " (" + count + " slices)"; }
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
