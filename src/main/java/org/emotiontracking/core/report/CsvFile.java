package org.emotiontracking.core.report;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.emotiontracking.core.util.AtomicFiles;

/**
 * A CSV file written as it grows (RFC 4180 lines, UTF-8) into a partial file beside the target,
 * which {@link #close()} moves into place and {@link #discard()} deletes: nothing a user had is
 * replaced before the file is complete. Not thread-safe (its owners synchronise).
 */
final class CsvFile implements Closeable {

	private final Path file;
	private final Path partial;
	private final boolean overwrite;
	private final Writer out;
	private boolean closed;

	/** Starts the file with its header; an existing {@code file} is an error unless {@code overwrite}. */
	CsvFile(final Path file, final List<String> header, final boolean overwrite) throws IOException {
		AtomicFiles.checkCanWrite(file, overwrite);
		this.file = file;
		this.overwrite = overwrite;
		partial = AtomicFiles.createTempFor(file);
		out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(partial), StandardCharsets.UTF_8));
		out.write(Csv.line(header));
	}

	Path file() { return file; }

	Path partialFile() { return partial; }

	boolean isClosed() { return closed; }

	/** One record. */
	void write(final List<String> cells) throws IOException {
		if (closed) throw new IllegalStateException(file + " is closed");
		out.write(Csv.line(cells));
	}

	/** Pushes what was written to the partial file (a crash keeps it). */
	void flush() throws IOException {
		out.flush();
	}

	/** Finishes the file and moves it into place. */
	@Override
	public void close() throws IOException {
		if (closed) return;
		closed = true;
		out.close();
		AtomicFiles.moveIntoPlace(partial, file, overwrite);
	}

	/** Closes without moving into place and deletes the partial file (the run failed or was cancelled). */
	void discard() {
		if (closed) return;
		closed = true;
		try {
			out.close();
		}
		catch (final IOException ignored) {
			// deleted below anyway
		}
		AtomicFiles.deleteQuietly(partial);
	}
}
