package org.emotiontracking.core.video;

import java.time.Instant;

import org.emotiontracking.core.data.RgbImage;

/**
 * One frame of a video stream (a file read by {@link VideoReader}, a camera, a stack): the image, its
 * 1-based number in the stream (gaps mean frames were skipped or dropped), the wall-clock capture
 * instant, the time in seconds since the stream's first frame (a video file: the frame's presentation
 * time, from the stream's timestamps, so variable frame rates are exact) and a monotonic capture time
 * for latency. Immutable; the image is not copied and must not be modified.
 */
public final class Frame {

	private final RgbImage image;
	private final long index;
	private final Instant timestamp;
	private final double time;
	private final long nanoTime;

	/**
	 * @param image the pixels
	 * @param index 1-based frame number in the source
	 * @param timestamp wall-clock capture instant
	 * @param time seconds since the first frame of the source (or the frame's position in a video)
	 * @param nanoTime {@link System#nanoTime()} when the frame was captured
	 */
	public Frame(final RgbImage image, final long index, final Instant timestamp, final double time,
		final long nanoTime) {
		if (index < 1) throw new IllegalArgumentException("Frame numbers start at 1: " + index);
		this.image = image;
		this.index = index;
		this.timestamp = timestamp;
		this.time = time;
		this.nanoTime = nanoTime;
	}

	/**
	 * Frame {@code index} of a recording (video file, stack), read now: its time is its position in
	 * the recording at {@code fps} frames per second (with the rate unknown, one second per frame).
	 */
	public static Frame recorded(final RgbImage image, final long index, final double fps) {
		return new Frame(image, index, Instant.now(), fps > 0 ? (index - 1) / fps : index - 1, System.nanoTime());
	}

	public RgbImage image() { return image; }

	/** 1-based number of this frame in its source. */
	public long index() { return index; }

	/** Wall-clock capture instant. */
	public Instant timestamp() { return timestamp; }

	/** Seconds since the source's first frame (for a video: its position in the video). */
	public double time() { return time; }

	/** {@link System#nanoTime()} at capture. */
	public long nanoTime() { return nanoTime; }
}
