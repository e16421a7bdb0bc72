package org.emotiontracking.core.classify;

import java.nio.file.Path;
import java.util.Objects;

import org.emotiontracking.core.data.RgbImage;

/**
 * One image to classify: what to call it in results, its slice number (for stacks and frames),
 * its true class if known, and how to get its pixels. The pixels are only fetched when a worker
 * thread gets to the item, so a stream of items holds no images.
 */
public final class ClassificationItem {

	/** Produces the item's pixels; may be called from any thread, once. */
	@FunctionalInterface
	public interface ImageLoader {
		/**
		 * @throws Exception if the image cannot be had; the message becomes the row's error (an
		 *           {@link org.emotiontracking.core.data.ImageReadException} names the file and the problem)
		 */
		RgbImage load() throws Exception;
	}

	private final String name;
	private final Integer slice;
	private final String trueLabel;
	private final ImageLoader loader;
	private final Path video;

	/**
	 * @param name      the image column of its rows: a path relative to the input folder, or an image title
	 * @param slice     1-based slice or frame number, or null
	 * @param trueLabel the known true class name, or null
	 * @param loader    produces the pixels
	 */
	public ClassificationItem(final String name, final Integer slice, final String trueLabel,
		final ImageLoader loader) {
		this.name = Objects.requireNonNull(name, "name");
		this.slice = slice;
		this.trueLabel = trueLabel;
		this.loader = Objects.requireNonNull(loader, "loader");
		this.video = null;
	}

	private ClassificationItem(final String name, final String trueLabel, final Path video) {
		this.name = Objects.requireNonNull(name, "name");
		this.slice = null;
		this.trueLabel = trueLabel;
		this.video = Objects.requireNonNull(video, "video");
		this.loader = () -> {
			throw new IllegalStateException(video + " is a video: it is analysed frame by frame");
		};
	}

	/** A video file, analysed frame by frame (one row per face per analysed frame). */
	public static ClassificationItem video(final String name, final String trueLabel, final Path file) {
		return new ClassificationItem(name, trueLabel, file);
	}

	/** Whether this item is a video file. */
	public boolean isVideo() { return video != null; }

	/** The video file, or null for an image. */
	public Path videoFile() { return video; }

	/** An in-memory image. */
	public static ClassificationItem of(final String name, final Integer slice, final String trueLabel,
		final RgbImage image) {
		Objects.requireNonNull(image, "image");
		return new ClassificationItem(name, slice, trueLabel, () -> image);
	}

	public String name() { return name; }

	/** 1-based slice or frame number, or null. */
	public Integer slice() { return slice; }

	/** The true class name, or null. */
	public String trueLabel() { return trueLabel; }

	/** Fetches the pixels. */
	public RgbImage load() throws Exception {
		return loader.load();
	}

	@Override
	public String toString() {
		return name + (slice == null ? "" : " slice " + slice) + (trueLabel == null ? "" : " [" + trueLabel + "]");
	}
}
