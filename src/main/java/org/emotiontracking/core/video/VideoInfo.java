package org.emotiontracking.core.video;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * What a video file holds, as FFmpeg reports it when opening: container, codec, the size of the
 * upright frames (after rotation), the average frame rate, duration, the number of frames if the
 * container says, the rotation applied and the recording's creation time if the file has one.
 * Immutable.
 */
public final class VideoInfo {

	private final Path file;
	private final String container;
	private final String codec;
	private final int width;
	private final int height;
	private final double fps;
	private final double duration;
	private final long frameCount;
	private final int rotation;
	private final Instant creationTime;

	VideoInfo(final Path file, final String container, final String codec, final int width, final int height,
		final double fps, final double duration, final long frameCount, final int rotation, final Instant creationTime)
	{
		this.file = file;
		this.container = container;
		this.codec = codec;
		this.width = width;
		this.height = height;
		this.fps = fps;
		this.duration = duration;
		this.frameCount = frameCount;
		this.rotation = rotation;
		this.creationTime = creationTime;
	}

	public Path file() { return file; }

	/** FFmpeg's demuxer name, e.g. "mov,mp4,m4a,3gp,3g2,mj2" or "matroska,webm". */
	public String container() { return container; }

	/** FFmpeg's codec name, e.g. "h264", "hevc", "vp8". */
	public String codec() { return codec; }

	/** Width of the upright frames in pixels. */
	public int width() { return width; }

	/** Height of the upright frames in pixels. */
	public int height() { return height; }

	/** Average frames per second (0 if unknown); frame times come from timestamps, not from this. */
	public double fps() { return fps; }

	/** Duration in seconds (NaN if unknown). */
	public double duration() { return duration; }

	/** Frames in the stream according to the container, or -1 if it does not say. */
	public long frameCount() { return frameCount; }

	/** Clockwise rotation applied to show the frames upright: 0, 90, 180 or 270. */
	public int rotation() { return rotation; }

	/** When the recording was made (container metadata), or null. */
	public Instant creationTime() { return creationTime; }

	/** E.g. "video a.mp4 (h264, 640x480, 30 fps, 4.0 s, 120 frames, rotated 90°)". */
	public String description() {
		final StringBuilder sb = new StringBuilder("video ").append(file.getFileName()).append(" (").append(codec)
			.append(", ").append(width).append('x').append(height);
		if (fps > 0) sb.append(String.format(Locale.ROOT, ", %.3g fps", fps));
		if (!Double.isNaN(duration)) sb.append(String.format(Locale.ROOT, ", %.1f s", duration));
		if (frameCount > 0) sb.append(", ").append(frameCount).append(" frames");
		if (rotation != 0) sb.append(", rotated ").append(rotation).append("\u00b0");
		return sb.append(')').toString();
	}

	@Override
	public String toString() { return description(); }
}
