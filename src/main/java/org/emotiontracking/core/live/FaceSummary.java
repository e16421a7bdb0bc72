package org.emotiontracking.core.live;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.emotiontracking.core.report.Csv;
import org.emotiontracking.core.util.AtomicFiles;

/**
 * A summary per face id: frames seen, first and last time, seconds seen and the share of that
 * time spent in each emotion (the smoothed label). Each observation counts for the time until the
 * next processed frame (so variable frame rates and {@code every=} are weighted by time; the last
 * frame counts for the step before it). Memory: one small record per face id, none per frame.
 * Written as {@value #FILE}. Not thread-safe (the processing thread).
 */
public final class FaceSummary {

	public static final String FILE = "face_summary.csv";

	private final List<String> classNames;
	private final Map<Integer, Face> faces = new TreeMap<>();
	private List<TrackedFace> previous = List.of();
	private double previousTime = Double.NaN;
	private double lastStep = Double.NaN;

	public FaceSummary(final List<String> classNames) {
		this.classNames = List.copyOf(classNames);
	}

	private final class Face {
		long frames;
		double first = Double.NaN, last;
		double seconds;
		final double[] secondsPer = new double[classNames.size()];
		final long[] framesPer = new long[classNames.size()];
	}

	/** One processed frame at {@code time} seconds with its faces. */
	public void add(final double time, final List<TrackedFace> frameFaces) {
		if (!Double.isNaN(previousTime)) {
			final double step = Math.max(0, time - previousTime);
			credit(previous, step);
			lastStep = step;
		}
		for (final TrackedFace f : frameFaces) {
			final Face s = faces.computeIfAbsent(f.id(), k -> new Face());
			s.frames++;
			s.framesPer[f.emotionIndex()]++;
			if (Double.isNaN(s.first)) s.first = time;
			s.last = time;
		}
		previous = List.copyOf(frameFaces);
		previousTime = time;
	}

	private void credit(final List<TrackedFace> list, final double step) {
		for (final TrackedFace f : list) {
			final Face s = faces.get(f.id());
			s.seconds += step;
			s.secondsPer[f.emotionIndex()] += step;
		}
	}

	/** Face ids seen, ascending. */
	public List<Integer> ids() { return new ArrayList<>(faces.keySet()); }

	/** Frames in which face {@code id} was seen. */
	public long frames(final int id) { return faces.containsKey(id) ? faces.get(id).frames : 0; }

	/**
	 * Shares of face {@code id}'s time per class (sum 1), by time; with a single frame (no time
	 * step), by frames.
	 */
	public double[] shares(final int id) {
		final Face s = faces.get(id);
		final double[] out = new double[classNames.size()];
		if (s == null) return out;
		final double[] seconds = secondsWithLast(s);
		double total = 0;
		for (final double v : seconds) total += v;
		for (int c = 0; c < out.length; c++) out[c] = total > 0 ? seconds[c] / total
			: s.framesPer[c] / (double) s.frames;
		return out;
	}

	/** Seconds including the last frame's share (it counts for the step before it). */
	private double[] secondsWithLast(final Face s) {
		final double[] seconds = s.secondsPer.clone();
		if (!Double.isNaN(lastStep)) for (final TrackedFace f : previous) if (
			faces.get(f.id()) == s) seconds[f.emotionIndex()] += lastStep;
		return seconds;
	}

	/** The header of {@value #FILE}. */
	public List<String> header() {
		final List<String> h = new ArrayList<>(List.of("face_id", "frames", "first_s", "last_s", "seconds",
			"main_emotion"));
		for (final String c : classNames) h.add("share_" + c);
		return h;
	}

	/** Writes {@value #FILE} atomically. */
	public void write(final Path file, final boolean overwrite) throws IOException {
		final StringBuilder sb = new StringBuilder(Csv.line(header()));
		for (final Map.Entry<Integer, Face> e : faces.entrySet()) {
			final Face s = e.getValue();
			final double[] share = shares(e.getKey());
			int best = 0;
			for (int c = 1; c < share.length; c++) if (share[c] > share[best]) best = c;
			double seconds = 0;
			for (final double v : secondsWithLast(s)) seconds += v;
			final List<String> row = new ArrayList<>(List.of(Integer.toString(e.getKey()), Long.toString(s.frames),
				Csv.number(s.first, 3), Csv.number(s.last, 3), Csv.number(seconds, 3), classNames.get(best)));
			for (final double v : share) row.add(Csv.number(v, 4));
			sb.append(Csv.line(row));
		}
		AtomicFiles.writeString(file, sb.toString(), overwrite);
	}
}
