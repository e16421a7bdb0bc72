package org.emotiontracking.core.live;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

import org.emotiontracking.core.video.VideoFileWriter;
import org.opencv.core.Mat;

/**
 * {@code annotated.mp4}: every processed frame with its overlay, encoded by FFmpeg
 * ({@link VideoFileWriter}: H.264 through OpenH264 in bytedeco's build, else MPEG-4), each frame at
 * its own time since the first processed one, so the video plays at the real pace of a camera
 * (dropped frames leave the previous one on screen) and of a video analysed with every=N. Written
 * to a temporary file beside it and moved into place when closed (an interrupted run leaves no half
 * video under the final name).
 */
final class AnnotatedVideo implements Closeable {

	static final double DEFAULT_FPS = 30;

	private final VideoFileWriter writer;
	private byte[] buffer;

	/**
	 * @param fps nominal frame rate of the video (0: {@value #DEFAULT_FPS})
	 * @param overwrite whether an existing file may be replaced (when the video is finished)
	 */
	AnnotatedVideo(final Path file, final int width, final int height, final double fps,
		final boolean overwrite) throws IOException {
		writer = new VideoFileWriter(file, width, height, fps > 0 ? fps : DEFAULT_FPS, overwrite);
	}

	/** Writes one frame (an RGB Mat of the size given) shown {@code time} seconds after the first. */
	void write(final Mat rgb, final double time) throws IOException {
		final int n = rgb.cols() * rgb.rows() * 3;
		if (buffer == null || buffer.length != n) buffer = new byte[n];
		rgb.get(0, 0, buffer);
		writer.write(buffer, time);
	}

	/** Frames written so far. */
	long frames() { return writer.frames(); }

	/** The encoder, e.g. "libopenh264". */
	String encoder() { return writer.encoder(); }

	Path file() { return writer.file(); }

	@Override
	public void close() throws IOException {
		writer.close();
	}

	@Override
	public String toString() {
		return writer.toString();
	}
}
