package org.emotiontracking.core.live;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.emotiontracking.core.report.Csv;
import org.emotiontracking.core.report.EmotionTimeline;
import org.emotiontracking.core.report.PredictionColumn;
import org.emotiontracking.core.video.Frame;

/**
 * {@code emotion_timeline.csv}: one row per face per processed frame, streamed (flushed after
 * every frame, so the file is usable while the session runs and after a crash).
 * <p>
 * Columns: {@code timestamp} (ISO-8601 with milliseconds and offset, capture time),
 * {@code time_s} (seconds since the first frame; for a video its position in the video),
 * {@code frame} (1-based frame number in the source), {@code face_id}, {@code x, y, width, height}
 * (box in frame pixels), {@code emotion, confidence} (smoothed label and its probability), then
 * {@code p_<class>} (smoothed probabilities) for every class in model order, then the detector's
 * keypoints ({@link PredictionColumn#keypointHeaders()}: frame pixels with one decimal, empty cells
 * where the detector gives none).
 */
public final class TimelineCsv {

	/** Fixed columns before the per-class probabilities. */
	public static final List<String> FIXED_COLUMNS = List.of("timestamp", "time_s", "frame", "face_id", "x", "y",
		"width", "height", "emotion", "confidence");

	private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
	private static final int DECIMALS = 6;

	private TimelineCsv() {}

	/** All column names for these classes. */
	public static List<String> header(final List<String> classNames) {
		final List<String> h = new ArrayList<>(FIXED_COLUMNS);
		for (final String c : classNames) h.add("p_" + c);
		h.addAll(PredictionColumn.keypointHeaders());
		return h;
	}

	/** Writes rows as frames are processed. Not thread-safe. */
	public static final class Writer implements Closeable {

		private final BufferedWriter out;
		private final DateTimeFormatter format = ISO_MILLIS.withZone(ZoneId.systemDefault());
		private final List<String> fields = new ArrayList<>();
		private long rows;
		private boolean closed;

		/**
		 * Creates the file and writes the header.
		 *
		 * @param overwrite whether an existing file is replaced (else it is an error)
		 */
		public Writer(final Path file, final List<String> classNames, final boolean overwrite) throws IOException {
			final OpenOption[] options = overwrite ? new OpenOption[] { StandardOpenOption.CREATE,
				StandardOpenOption.TRUNCATE_EXISTING,
				StandardOpenOption.WRITE } : new OpenOption[] { StandardOpenOption.CREATE_NEW,
				StandardOpenOption.WRITE };
			out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file, options),
				StandardCharsets.UTF_8), 1 << 16);
			out.write(Csv.line(header(classNames)));
			out.flush();
		}

		/** Writes the rows of one frame (none if it has no face) and flushes. */
		public void write(final Frame frame, final List<TrackedFace> faces) throws IOException {
			if (closed) throw new IOException("The timeline CSV is closed");
			if (faces.isEmpty()) return;
			final String timestamp = format.format(frame.timestamp());
			final String time = Csv.number(frame.time(), 3);
			for (final TrackedFace f : faces) {
				fields.clear();
				fields.add(timestamp);
				fields.add(time);
				fields.add(Long.toString(frame.index()));
				fields.add(Integer.toString(f.id()));
				fields.add(Integer.toString(f.box().x()));
				fields.add(Integer.toString(f.box().y()));
				fields.add(Integer.toString(f.box().width()));
				fields.add(Integer.toString(f.box().height()));
				fields.add(f.emotion());
				fields.add(Csv.number(f.confidence(), DECIMALS));
				for (final float p : f.probabilities()) fields.add(Csv.number(p, DECIMALS));
				for (final double c : f.box().keypoints().toArray()) fields.add(Double.isNaN(c) ? ""
					: Csv.number(c, 1));
				out.write(Csv.line(fields));
				rows++;
			}
			out.flush();
		}

		/** Rows written so far. */
		public long rows() { return rows; }

		@Override
		public void close() throws IOException {
			if (closed) return;
			closed = true;
			out.close();
		}
	}

	/** What {@link #readTimeline} found. */
	public static final class ChartData {

		/** The timeline of the faces shown. */
		public final EmotionTimeline timeline;
		/** Distinct face ids in the file. */
		public final int faces;
		/** Face ids shown (the ones seen most often). */
		public final List<Integer> shown;

		ChartData(final EmotionTimeline timeline, final int faces, final List<Integer> shown) {
			this.timeline = timeline;
			this.faces = faces;
			this.shown = shown;
		}
	}

	/**
	 * Reads a timeline CSV back into an {@link EmotionTimeline} in bounded memory, streaming the
	 * file twice: only the {@code maxFaces} faces with the most rows are kept, and time is cut into
	 * at most {@code maxBins} bins, each holding a face's most frequent emotion in it.
	 */
	public static ChartData readTimeline(final Path file, final int maxFaces, final int maxBins) throws IOException {
		final Map<Integer, long[]> rowsPerFace = new HashMap<>();
		double t0 = Double.POSITIVE_INFINITY, t1 = Double.NEGATIVE_INFINITY;
		int[] col;
		try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			col = columns(in.readLine(), file);
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				final List<String> r = record(line);
				if (r == null || r.size() <= col[3]) continue;
				final int id = Integer.parseInt(r.get(col[1]));
				final double t = Double.parseDouble(r.get(col[0]));
				rowsPerFace.computeIfAbsent(id, k -> new long[1])[0]++;
				t0 = Math.min(t0, t);
				t1 = Math.max(t1, t);
			}
		}
		catch (final NumberFormatException e) {
			throw new IOException("Bad number in " + file + ": " + e.getMessage(), e);
		}
		final List<Integer> ids = new ArrayList<>(rowsPerFace.keySet());
		ids.sort((a, b) -> {
			final int c = Long.compare(rowsPerFace.get(b)[0], rowsPerFace.get(a)[0]);
			return c != 0 ? c : Integer.compare(a, b);
		});
		final List<Integer> shown = new ArrayList<>(ids.subList(0, Math.min(maxFaces, ids.size())));
		Collections.sort(shown);
		final EmotionTimeline timeline = new EmotionTimeline();
		if (shown.isEmpty()) return new ChartData(timeline, ids.size(), shown);

		final double bin = (t1 - t0) / Math.max(1, maxBins);
		final Map<Integer, BinState> state = new HashMap<>();
		for (final int id : shown) state.put(id, new BinState());
		try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			in.readLine();
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				final List<String> r = record(line);
				if (r == null || r.size() <= col[3]) continue;
				final BinState s = state.get(Integer.parseInt(r.get(col[1])));
				if (s == null) continue;
				final double t = Double.parseDouble(r.get(col[0]));
				final long b = bin > 0 ? (long) Math.floor((t - t0) / bin) : 0;
				if (bin <= 0 || b != s.bin) {
					s.emit(timeline, Integer.parseInt(r.get(col[1])));
					s.bin = b;
					s.time = bin > 0 ? t0 + b * bin : t;
				}
				s.counts.merge(r.get(col[2]), 1, Integer::sum);
			}
		}
		for (final Map.Entry<Integer, BinState> e : state.entrySet()) e.getValue().emit(timeline, e.getKey());
		return new ChartData(timeline, ids.size(), shown);
	}

	private static final class BinState {

		long bin = Long.MIN_VALUE;
		double time;
		final Map<String, Integer> counts = new HashMap<>();

		void emit(final EmotionTimeline timeline, final int id) {
			if (counts.isEmpty()) return;
			String best = null;
			int n = -1;
			for (final Map.Entry<String, Integer> e : counts.entrySet())
				if (e.getValue() > n || e.getValue() == n && e.getKey().compareTo(best) < 0) {
					best = e.getKey();
					n = e.getValue();
				}
			timeline.add(id, time, best.isEmpty() ? null : best);
			counts.clear();
		}
	}

	/** Indices of time_s, face_id and emotion in the header, and the largest of them. */
	private static int[] columns(final String headerLine, final Path file) throws IOException {
		final List<String> h = headerLine == null ? null : record(headerLine);
		final int[] c = h == null ? null : new int[] { h.indexOf("time_s"), h.indexOf("face_id"),
			h.indexOf("emotion") };
		if (c == null || c[0] < 0 || c[1] < 0 || c[2] < 0) throw new IOException(
			"Not an emotion timeline CSV (no time_s, face_id " + "and emotion columns): " + file);
		return new int[] { c[0], c[1], c[2], Math.max(c[0], Math.max(c[1], c[2])) };
	}

	private static List<String> record(final String line) {
		if (line.isEmpty()) return null;
		final List<List<String>> r = Csv.parse(line);
		return r.isEmpty() ? null : r.get(0);
	}
}
