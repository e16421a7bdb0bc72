package org.emotiontracking.core.video;

import java.util.Locale;

/**
 * Which frames of a video are analysed: every {@code every}-th frame (1 = all) of those whose
 * presentation time is at least {@code start} and below {@code end} seconds (end 0 = to the end).
 * The first frame at or after {@code start} is always analysed. Immutable.
 */
public final class VideoSelection {

	/** Every frame, from start to end. */
	public static final VideoSelection ALL = new VideoSelection(1, 0, 0);

	private final int every;
	private final double start;
	private final double end;

	/**
	 * @throws IllegalArgumentException naming the key (every, start, end) and the problem
	 */
	public VideoSelection(final int every, final double start, final double end) {
		if (every < 1) throw new IllegalArgumentException("every must be 1 or more, got " + every);
		if (!(start >= 0) || Double.isInfinite(start)) throw new IllegalArgumentException(
			"start must be >= 0 seconds, got " + start);
		if (!(end >= 0) || Double.isInfinite(end)) throw new IllegalArgumentException(
			"end must be >= 0 seconds (0 = to the end), got " + end);
		if (end > 0 && end <= start) throw new IllegalArgumentException("end (" + end + " s) must be after start ("
			+ start + " s)");
		this.every = every;
		this.start = start;
		this.end = end;
	}

	public int every() { return every; }

	/** Seconds; 0 = from the beginning. */
	public double start() { return start; }

	/** Seconds; 0 = to the end. */
	public double end() { return end; }

	/** Whether a frame at {@code time} is before the end. */
	public boolean beforeEnd(final double time) {
		return end <= 0 || time < end - 1e-9;
	}

	/** Whether this selects every frame of the whole video. */
	public boolean isAll() { return every == 1 && start == 0 && end == 0; }

	@Override
	public String toString() {
		if (isAll()) return "every frame";
		final StringBuilder sb = new StringBuilder(every == 1 ? "every frame" : "every " + every + "th frame");
		if (start > 0) sb.append(String.format(Locale.ROOT, " from %.3f s", start));
		if (end > 0) sb.append(String.format(Locale.ROOT, " to %.3f s", end));
		return sb.toString();
	}
}
