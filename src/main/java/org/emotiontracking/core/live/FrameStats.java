package org.emotiontracking.core.live;

import java.util.List;

import org.emotiontracking.core.video.Frame;

/**
 * Bounded statistics of the processed frames: count, faces, emotion counts, processing rate and
 * latency. Updated by the processing thread only.
 */
final class FrameStats {

	final long[] counts;
	final LatencyStats latency = new LatencyStats();
	long processed;
	long observations;
	long firstNanos;
	long lastNanos;
	double firstTime = Double.NaN;
	private double intervalAverage = Double.NaN;

	FrameStats(final int classes) {
		counts = new long[classes];
	}

	/** Counts one processed frame now (the rate is a running average over about ten frames). */
	void frameProcessed(final Frame frame, final List<TrackedFace> faces) {
		if (Double.isNaN(firstTime)) firstTime = frame.time();
		for (final TrackedFace f : faces) counts[f.emotionIndex()]++;
		observations += faces.size();
		final long now = System.nanoTime();
		if (processed == 0) firstNanos = now;
		else {
			final double dt = (now - lastNanos) / 1e9;
			intervalAverage = Double.isNaN(intervalAverage) ? dt : 0.9 * intervalAverage + 0.1 * dt;
		}
		lastNanos = now;
		processed++;
	}

	/** Wall-clock seconds from the first processed frame to the last. */
	double seconds() { return processed == 0 ? 0 : (lastNanos - firstNanos) / 1e9; }

	/** Recent processing rate, NaN before the second frame. */
	double fps() { return intervalAverage > 0 ? 1 / intervalAverage : Double.NaN; }
}
