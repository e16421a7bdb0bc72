package org.emotiontracking.core.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The emotion of each tracked face over time (seconds or frames), the data of an
 * {@link EmotionTimelineChart}.
 */
public final class EmotionTimeline {

	/** One observation of one face. */
	public static final class Sample {

		private final double time;
		private final String emotion;

		Sample(final double time, final String emotion) {
			this.time = time;
			this.emotion = emotion;
		}

		/** Time in seconds or frame number. */
		public double time() { return time; }

		/** The predicted emotion, or null if there was none (e.g. face lost). */
		public String emotion() { return emotion; }
	}

	private final Map<Integer, List<Sample>> faces = new TreeMap<>();

	/** Records that face {@code faceId} showed {@code emotion} (null: no prediction) at {@code time}. */
	public synchronized void add(final int faceId, final double time, final String emotion) {
		if (!Double.isFinite(time)) throw new IllegalArgumentException("Time must be finite: " + time);
		faces.computeIfAbsent(faceId, k -> new ArrayList<>()).add(new Sample(time, emotion));
	}

	/**
	 * The timeline of prediction rows: face id from {@link PredictionRow#face()} (0 if absent),
	 * time = (slice - 1) x {@code secondsPerSlice}, or the slice number itself if
	 * {@code secondsPerSlice <= 0}; rows without a slice are skipped.
	 */
	public static EmotionTimeline fromRows(final Iterable<PredictionRow> rows, final double secondsPerSlice) {
		final EmotionTimeline t = new EmotionTimeline();
		for (final PredictionRow r : rows) {
			if (r.slice() == null) continue;
			final double time = secondsPerSlice > 0 ? (r.slice() - 1) * secondsPerSlice : r.slice();
			t.add(r.face() == null ? 0 : r.face(), time, r.predictedEmotion());
		}
		return t;
	}

	/** Face ids in ascending order. */
	public synchronized List<Integer> faceIds() {
		return new ArrayList<>(faces.keySet());
	}

	/** The samples of one face, sorted by time (empty if unknown). */
	public synchronized List<Sample> samples(final int faceId) {
		final List<Sample> s = new ArrayList<>(faces.getOrDefault(faceId, List.of()));
		s.sort(Comparator.comparingDouble(Sample::time));
		return Collections.unmodifiableList(s);
	}

	/** Whether there are no samples. */
	public synchronized boolean isEmpty() {
		return faces.isEmpty();
	}

	/** The median positive time step between consecutive samples of a face, 1 if there is none. */
	public double typicalStep() {
		final List<Double> steps = new ArrayList<>();
		for (final int id : faceIds()) {
			final List<Sample> s = samples(id);
			for (int i = 1; i < s.size(); i++) {
				final double d = s.get(i).time() - s.get(i - 1).time();
				if (d > 0) steps.add(d);
			}
		}
		if (steps.isEmpty()) return 1;
		Collections.sort(steps);
		return steps.get(steps.size() / 2);
	}
}
