package org.emotiontracking.core.live;

import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import org.emotiontracking.core.data.Resize;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.video.Frame;

/**
 * Frames from memory: a list of images, or images made on demand (e.g. the slices of an ImageJ
 * stack, converted one at a time so a long stack is never copied whole). Every frame is delivered
 * ({@link #isLive()} is false). Frames of another size than the first are resized to it.
 */
public final class ImageSequenceSource implements FrameSource {

	private final int count;
	private final IntFunction<RgbImage> frames;
	private final double fps;
	private final String name;
	private final int width;
	private final int height;
	private int next;

	/**
	 * @param count number of frames
	 * @param frames frame {@code i} (0-based) on demand; called once per frame, from the capture thread
	 * @param fps frames per second (frame times are (n - 1) / fps), or 0 if unknown (times are frame numbers - 1)
	 * @param name for logs, e.g. the stack's title
	 */
	public ImageSequenceSource(final int count, final IntFunction<RgbImage> frames, final double fps,
		final String name) {
		if (count < 1) throw new IllegalArgumentException("An image sequence needs at least one frame");
		if (!(fps >= 0) || Double.isInfinite(fps)) throw new IllegalArgumentException("fps must be >= 0: " + fps);
		this.count = count;
		this.frames = frames;
		this.fps = fps;
		this.name = name == null ? "images" : name;
		final RgbImage first = frames.apply(0);
		this.width = first.width();
		this.height = first.height();
	}

	/** A source of the images of a list, in order. */
	public static ImageSequenceSource of(final List<RgbImage> images, final double fps) {
		return new ImageSequenceSource(images.size(), images::get, fps, images.size() + " images");
	}

	@Override
	public Frame next() {
		if (next >= count) return null;
		RgbImage image = frames.apply(next);
		if (image.width() != width || image.height() != height) image =
			Resize.resize(image, width, height, Resize.Interpolation.SMOOTH);
		final long index = ++next;
		return Frame.recorded(image, index, fps);
	}

	@Override
	public int width() { return width; }

	@Override
	public int height() { return height; }

	@Override
	public double fps() { return fps; }

	@Override
	public boolean isLive() { return false; }

	@Override
	public long frameCount() { return count; }

	@Override
	public String description() {
		return String.format(Locale.ROOT, "%s (%dx%d, %d frames%s)", name, width, height, count,
			FrameSource.rateText(fps));
	}

	@Override
	public String endMessage() {
		return "end of " + name + " (" + next + " frames)";
	}

	@Override
	public void close() {
		// nothing to release
	}
}
