package org.emotiontracking.core.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.emotiontracking.core.util.AtomicFiles;

/**
 * The per-epoch training log, kept as CSV with columns
 * {@code epoch, loss, accuracy, val_loss, val_accuracy, seconds} (empty validation cells when
 * there is no validation set).
 * <p>
 * Each {@link #append} rewrites the whole (small) file atomically, so the file on disk is always
 * complete and current while training runs, and a crash never leaves half a file.
 */
public final class TrainingHistory {

	/** The CSV header. */
	public static final List<String> HEADERS = List.of("epoch", "loss", "accuracy", "val_loss", "val_accuracy",
		"seconds");

	private final Path file;
	private final boolean overwrite;
	private final List<EpochResult> epochs = new ArrayList<>();
	private boolean written;

	/**
	 * A history written to {@code file}, or kept in memory only if {@code file} is null.
	 *
	 * @throws java.nio.file.FileAlreadyExistsException if the file exists and overwrite is false
	 */
	public TrainingHistory(final Path file, final boolean overwrite) throws IOException {
		if (file != null) AtomicFiles.checkCanWrite(file, overwrite);
		this.file = file;
		this.overwrite = overwrite;
	}

	/** A history kept in memory only. */
	public static TrainingHistory inMemory() {
		try {
			return new TrainingHistory(null, false);
		}
		catch (final IOException e) {
			throw new AssertionError(e);
		}
	}

	/** The CSV file, or null if kept in memory only. */
	public Path file() { return file; }

	/** Adds one epoch and rewrites the file. */
	public synchronized void append(final EpochResult epoch) throws IOException {
		epochs.add(epoch);
		if (file == null) return;
		AtomicFiles.writeString(file, toCsv(epochs), overwrite || written);
		written = true;
	}

	/** The epochs so far, in order (a snapshot). */
	public synchronized List<EpochResult> epochs() {
		return Collections.unmodifiableList(new ArrayList<>(epochs));
	}

	/** The CSV text of the given epochs, header first. */
	public static String toCsv(final List<EpochResult> epochs) {
		final StringBuilder sb = new StringBuilder(Csv.line(HEADERS));
		for (final EpochResult e : epochs) {
			sb.append(Csv.line(List.of(Integer.toString(e.epoch()), Csv.number(e.loss(), 6),
				Csv.number(e.accuracy(), 6), Csv.number(e.validationLoss(), 6), Csv.number(e.validationAccuracy(), 6),
				Csv.number(e.seconds(), 3))));
		}
		return sb.toString();
	}

	/** Reads a history CSV written by this class (columns found by name; missing ones are NaN). */
	public static List<EpochResult> read(final Path file) throws IOException {
		final List<List<String>> records = Csv.parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
		if (records.isEmpty()) return List.of();
		final List<String> header = records.get(0);
		final int[] col = new int[HEADERS.size()];
		for (int i = 0; i < col.length; i++) col[i] = header.indexOf(HEADERS.get(i));
		if (col[0] < 0) throw new IOException("Not a training history (no 'epoch' column): " + file);
		final List<EpochResult> result = new ArrayList<>();
		for (final List<String> r : records.subList(1, records.size())) {
			if (r.size() == 1 && r.get(0).isEmpty()) continue;
			result.add(new EpochResult((int) value(r, col[0]), value(r, col[1]), value(r, col[2]), value(r, col[3]),
				value(r, col[4]), value(r, col[5])));
		}
		return result;
	}

	private static double value(final List<String> record, final int column) {
		if (column < 0 || column >= record.size() || record.get(column).isEmpty()) return Double.NaN;
		return Double.parseDouble(record.get(column));
	}
}
