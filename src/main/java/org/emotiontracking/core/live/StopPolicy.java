package org.emotiontracking.core.live;

import java.util.Locale;

/**
 * When a session ends besides the end of its source: after {@code max_frames} processed frames,
 * after {@code duration} seconds (by the frames' own times, and for a live source also by the
 * clock), or when asked to stop. Each check that ends the session sets {@link #message()}.
 */
final class StopPolicy {

	private final long maxFrames;
	private final double duration;
	private final boolean live;
	private String message = "";

	StopPolicy(final long maxFrames, final double duration, final boolean live) {
		this.maxFrames = maxFrames;
		this.duration = duration;
		this.live = live;
	}

	/** Whether the user asked to stop (then the message says so). */
	boolean stopped(final boolean requested, final boolean cancelled, final boolean interrupted) {
		if (!requested && !cancelled && !interrupted) return false;
		message = interrupted ? "interrupted" : "stopped by the user";
		return true;
	}

	/** Whether duration= has passed: by the frame's time (NaN: not known yet), and for live sources also by the clock.
	 * */
	boolean durationReached(final FrameStats stats, final double frameTime) {
		if (duration <= 0 || stats.processed == 0) return false;
		final boolean byFrame = !Double.isNaN(frameTime) && frameTime - stats.firstTime >= duration - 1e-9;
		final boolean byClock = live && (System.nanoTime() - stats.firstNanos) / 1e9 >= duration;
		if (byFrame || byClock) message = String.format(Locale.ROOT, "%.3g s", duration);
		return byFrame || byClock;
	}

	/** Whether max_frames frames have been processed. */
	boolean maxFramesReached(final FrameStats stats) {
		if (maxFrames <= 0 || stats.processed < maxFrames) return false;
		message = maxFrames + " frames";
		return true;
	}

	/** Why the last check ended the session ("" if none did). */
	String message() { return message; }

	long maxFrames() { return maxFrames; }
}
