package org.emotiontracking.core.report;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A streaming CSV log of predictions (columns: see {@link PredictionColumns}).
 * <p>
 * Rows are written and flushed one by one and never held in memory. They go to a temporary file
 * next to the target ({@link #partialFile()}) that {@link #close()} moves into place, so a crash
 * never leaves half a file over a good one; after a crash the rows written so far are still in
 * the partial file. Thread-safe.
 */
public final class PredictionLog implements Closeable {

	private final PredictionColumns columns;
	private final CsvFile out;
	private long rows;

	/**
	 * Starts a log with local-time timestamps.
	 *
	 * @param file            the CSV file to create
	 * @param classNames      class names in model order (one {@code p_<class>} column each)
	 * @param optionalColumns optional columns to include
	 * @param overwrite       whether an existing file may be replaced (on close)
	 * @throws java.nio.file.FileAlreadyExistsException if the file exists and overwrite is false
	 */
	public PredictionLog(final Path file, final List<String> classNames, final Set<PredictionColumn> optionalColumns,
		final boolean overwrite) throws IOException
	{
		this(file, new PredictionColumns(classNames, optionalColumns), overwrite);
	}

	/** Starts a log with the given column layout; see the other constructor. */
	public PredictionLog(final Path file, final PredictionColumns columns, final boolean overwrite) throws IOException {
		this.columns = columns;
		out = new CsvFile(file, columns.headers(), overwrite);
		out.flush();
	}

	/** The column layout. */
	public PredictionColumns columns() { return columns; }

	/** The target file, complete after {@link #close()}. */
	public Path file() { return out.file(); }

	/** The temporary file receiving rows until {@link #close()}. */
	public Path partialFile() { return out.partialFile(); }

	/** Rows written so far. */
	public synchronized long rowCount() { return rows; }

	/** Writes and flushes one row. */
	public synchronized void append(final PredictionRow row) throws IOException {
		if (out.isClosed()) throw new IllegalStateException("Prediction log " + out.file() + " is closed");
		out.write(columns.cells(row));
		out.flush();
		rows++;
	}

	/** Finishes the file and moves it into place. Closing twice does nothing. */
	@Override
	public synchronized void close() throws IOException {
		out.close();
	}

	/** Closes without moving into place and deletes the partial file (e.g. when the user cancels). */
	public synchronized void discard() {
		out.discard();
	}
}
