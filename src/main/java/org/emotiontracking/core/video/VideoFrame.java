package org.emotiontracking.core.video;

import org.emotiontracking.core.data.RgbImage;

/**
 * One decoded frame of a video file: its pixels (upright: rotation metadata applied), its 1-based
 * index in the stream (in presentation order, counting every frame of the stream, also the ones
 * skipped by {@code start=} or {@code every=}) and its presentation time in seconds from the start
 * of the file (from the stream's timestamps, so variable frame rates are exact). Immutable.
 */
public final class VideoFrame {

	private final RgbImage image;
	private final long index;
	private final double time;

	public VideoFrame(final RgbImage image, final long index, final double time) {
		this.image = image;
		this.index = index;
		this.time = time;
	}

	public RgbImage image() { return image; }

	/** 1-based number of the frame in the stream. */
	public long index() { return index; }

	/** Presentation time in seconds since the start of the file. */
	public double time() { return time; }
}
