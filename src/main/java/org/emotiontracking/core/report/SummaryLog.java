package org.emotiontracking.core.report;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code summary.csv}: one line per {@link EmotionSummary.Row}, streamed to a temporary file beside the
 * target and moved into place by {@link #close()}. Columns: {@code image, face_id} (empty on the row of
 * the whole image), {@code faces, dominant_emotion}, {@code n_<class>} (faces predicted as the class)
 * and {@code mean_p_<class>} (its mean probability, 6 decimals) for every class in model order.
 */
public final class SummaryLog implements Closeable {

	private static final int DECIMALS = 6;

	private final CsvFile out;
	private final int classes;

	/** Starts the file (its header); nothing replaces {@code file} before {@link #close()}. */
	public SummaryLog(final Path file, final List<String> classNames, final boolean overwrite) throws IOException {
		classes = classNames.size();
		out = new CsvFile(file, headers(classNames), overwrite);
	}

	/** The column names for these classes. */
	public static List<String> headers(final List<String> classNames) {
		final List<String> h = new ArrayList<>();
		h.add("image");
		h.add("face_id");
		h.add("faces");
		h.add("dominant_emotion");
		for (final String c : classNames) h.add("n_" + c);
		for (final String c : classNames) h.add("mean_p_" + c);
		return h;
	}

	/** A summary row's cells, one per header. */
	public static List<String> cells(final EmotionSummary.Row row, final int classCount) {
		final List<String> c = new ArrayList<>();
		c.add(row.image());
		c.add(row.faceId() == null ? "" : row.faceId().toString());
		c.add(Long.toString(row.faces()));
		c.add(row.dominantEmotion() == null ? "" : row.dominantEmotion());
		for (int i = 0; i < classCount; i++) c.add(Long.toString(row.count(i)));
		for (int i = 0; i < classCount; i++) c.add(Csv.number(row.meanProbability(i), DECIMALS));
		return c;
	}

	public Path file() { return out.file(); }

	/** Writes summary rows. */
	public void append(final List<EmotionSummary.Row> rows) throws IOException {
		if (out.isClosed()) throw new IllegalStateException("Summary " + out.file() + " is closed");
		for (final EmotionSummary.Row r : rows) out.write(cells(r, classes));
	}

	/** Finishes the file and moves it into place. */
	@Override
	public void close() throws IOException {
		out.close();
	}

	/** Drops the partial file (the run failed or was cancelled). */
	public void discard() {
		out.discard();
	}
}
