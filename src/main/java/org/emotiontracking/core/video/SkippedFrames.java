package org.emotiontracking.core.video;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The bookkeeping that lets {@link VideoReader} leave out of the decoder the non-reference pictures
 * that {@code every=N} will not pick (with {@code every=5} about a third of the frames of a
 * typical H.264 file are never decoded), while every frame keeps its exact index.
 * <p>
 * A frame's place among the frames at or after {@code start=} is the number of packets read
 * with an earlier presentation time: the frames already accounted for, the packets sent to the
 * decoder whose frames have not come out yet, and the packets left out. A non-reference picture is
 * the last of the pictures before it to be read (encoders send it just before it is shown), so
 * its place is known when it is read; it is left out only if the selection would not pick it.
 * When a frame comes out of the decoder, the left-out frames shown before it are counted first,
 * so the indices are those of a full decode. Should a left-out frame turn out to have had a frame
 * shown before it read later (an unusual encoder), it would have been picked: that is counted
 * ({@link #misplaced()}) and the reader stops leaving frames out. Memory is bounded by the
 * decoder's reordering window.
 */
final class SkippedFrames {

	private final int every;
	private final TreeSet<Long> sent = new TreeSet<>();
	private final TreeSet<Long> left = new TreeSet<>();
	private int misplaced;

	SkippedFrames(final int every) {
		this.every = every;
	}

	/**
	 * Whether a non-reference packet at or after start, with presentation timestamp {@code pts},
	 * may be left out: the selection would not pick its frame.
	 *
	 * @param accounted frames at or after start accounted for so far
	 */
	boolean mayLeaveOut(final long pts, final long accounted) {
		if (every <= 1 || misplaced > 0 || sent.contains(pts) || left.contains(pts)) return false;
		final long place = accounted + sent.headSet(pts).size() + left.headSet(pts).size();
		return place % every != 0;
	}

	/** A packet at or after start went to the decoder. */
	void sent(final long pts) {
		sent.add(pts);
	}

	/** A packet at or after start was left out. */
	void leftOut(final long pts) {
		left.add(pts);
	}

	/**
	 * A frame at or after start came out of the decoder: forgets the packets up to it and returns
	 * how many left-out frames were shown before it (to count before it).
	 *
	 * @param accounted frames at or after start accounted for before these
	 */
	int before(final long pts, final long accounted) {
		sent.headSet(pts, true).clear();
		return drain(left.headSet(pts, false), accounted);
	}

	/** At the end of the stream: the left-out frames not yet counted. */
	int rest(final long accounted) {
		sent.clear();
		return drain(left, accounted);
	}

	private int drain(final SortedSet<Long> frames, final long accounted) {
		final int n = frames.size();
		for (int i = 0; i < n; i++) if ((accounted + i) % every == 0) misplaced++;
		frames.clear();
		return n;
	}

	/** Left-out frames that the selection would have picked (0 for the encoders we know). */
	int misplaced() { return misplaced; }

	/** Forgets everything (after seeking). */
	void clear() {
		sent.clear();
		left.clear();
	}
}
