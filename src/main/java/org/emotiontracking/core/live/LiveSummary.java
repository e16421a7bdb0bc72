package org.emotiontracking.core.live;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The outcome of a live session. Immutable. */
public final class LiveSummary {

	private final StopReason reason;
	private final String message;
	private final long processed;
	private final long dropped;
	private final long observations;
	private final int facesSeen;
	private final double seconds;
	private final double latencyMean;
	private final double latencyP95;
	private final List<String> classNames;
	private final long[] counts;
	private final List<Path> files;
	private final long videoFrames;

	LiveSummary(final StopReason reason, final String message, final long processed, final long dropped,
		final long observations, final int facesSeen, final double seconds, final double latencyMean,
		final double latencyP95, final List<String> classNames, final long[] counts, final List<Path> files,
		final long videoFrames)
	{
		this.reason = reason;
		this.message = message;
		this.processed = processed;
		this.dropped = dropped;
		this.observations = observations;
		this.facesSeen = facesSeen;
		this.seconds = seconds;
		this.latencyMean = latencyMean;
		this.latencyP95 = latencyP95;
		this.classNames = List.copyOf(classNames);
		this.counts = counts.clone();
		this.files = List.copyOf(files);
		this.videoFrames = videoFrames;
	}

	public StopReason reason() { return reason; }

	/** Details of the end, e.g. "end of video a.avi (300 frames)" or the camera's or error's message. */
	public String message() { return message; }

	public long framesProcessed() { return processed; }

	/** Frames the camera delivered that were replaced before they could be processed. */
	public long framesDropped() { return dropped; }

	/** Faces classified, summed over frames (= rows of emotion_timeline.csv). */
	public long faceObservations() { return observations; }

	/** Distinct face ids handed out. */
	public int facesSeen() { return facesSeen; }

	/** Wall-clock seconds from the first processed frame to the last. */
	public double seconds() { return seconds; }

	/** Processed frames per second over the session (NaN for fewer than two frames). */
	public double fps() { return processed > 1 && seconds > 0 ? (processed - 1) / seconds : Double.NaN; }

	/** Mean capture-to-overlay latency in milliseconds (NaN if no frame). */
	public double latencyMeanMillis() { return latencyMean; }

	/** 95th percentile of the capture-to-overlay latency in milliseconds (NaN if no frame). */
	public double latencyP95Millis() { return latencyP95; }

	public List<String> classNames() { return classNames; }

	/** Observations per class (smoothed label), in class order (a copy). */
	public long[] emotionCounts() { return counts.clone(); }

	/** Files written (CSV, charts, video). */
	public List<Path> files() { return files; }

	/** Frames written to annotated.mp4 (0 without record). */
	public long videoFrames() { return videoFrames; }

	/** A few lines for a log or terminal. */
	public List<String> lines() {
		final List<String> out = new ArrayList<>();
		out.add(String.format(Locale.ROOT, "Stopped: %s (%s)", reason.name().toLowerCase(Locale.ROOT).replace('_', ' '),
			message));
		out.add(String.format(Locale.ROOT,
			"%d frames in %.1f s: %.1f frames/s, %d dropped; latency mean %.1f ms, p95 %.1f ms", processed, seconds,
			fps(), dropped, latencyMean, latencyP95));
		final List<String> parts = new ArrayList<>();
		for (int i = 0; i < counts.length; i++) if (counts[i] > 0) parts.add(
			String.format(Locale.ROOT, "%s %d (%.0f%%)",
			classNames.get(i), counts[i], 100.0 * counts[i] / observations));
		out.add(String.format(Locale.ROOT, "%d face ids, %d observations%s", facesSeen, observations,
			parts.isEmpty() ? "" : ": " + String.join(", ", parts)));
		for (final Path f : files) out.add("Wrote " + f);
		return Collections.unmodifiableList(out);
	}

	@Override
	public String toString() {
		return String.join("\n", lines());
	}
}
