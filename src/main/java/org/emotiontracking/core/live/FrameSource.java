package org.emotiontracking.core.live;

import java.io.IOException;
import java.util.Locale;

import org.emotiontracking.core.video.Frame;

/**
 * Where live frames come from: a camera ({@link CameraSource}), a video file read with FFmpeg
 * ({@link VideoFileSource}) or images in memory, e.g. an ImageJ stack ({@link ImageSequenceSource}).
 * <p>
 * {@link #next()} is called from one thread only (the session's capture thread); {@link #close()}
 * is called after that thread has finished.
 */
public interface FrameSource extends AutoCloseable {

	/**
	 * The next frame, blocking until it is available, or null when the source has ended (end of
	 * the video, camera unplugged; {@link #endMessage()} then says why).
	 *
	 * @throws IOException if reading failed in a way the user should hear about
	 */
	Frame next() throws IOException;

	/** Frame width in pixels. */
	int width();

	/** Frame height in pixels. */
	int height();

	/** Nominal frames per second, or 0 if unknown. */
	double fps();

	/**
	 * Whether frames arrive in real time whatever the reader does (a camera): slow processing then
	 * drops frames. Otherwise every frame is processed, as fast as possible.
	 */
	boolean isLive();

	/** Number of frames if known in advance, else -1. */
	default long frameCount() { return -1; }

	/** A short description for logs, e.g. "camera 0 (V4L2, 640x480, 30 fps)". */
	String description();

	/** Why the source ended (after {@link #next()} returned null), e.g. "end of video"; never null. */
	default String endMessage() { return "end of " + description(); }

	@Override
	void close();

	/** ", 30 fps" for descriptions, or "" when the rate is unknown. */
	static String rateText(final double fps) {
		return fps > 0 ? String.format(Locale.ROOT, ", %.3g fps", fps) : "";
	}
}
