package org.emotiontracking.core.util;

/**
 * Receives progress of long work. Implemented once for the ImageJ status bar, once for the
 * log and once for a terminal line; the core only ever talks to this interface.
 */
public interface ProgressListener {

	/** A short status message, e.g. "Epoch 3/16: loss 0.512". */
	void status(String message);

	/** Fraction done, 0..1, of the current stage. */
	default void progress(final double fraction) {}

	/** A line worth keeping in a log (epoch summaries, warnings, skipped files). */
	default void log(final String message) { status(message); }

	/** Whether the user asked to stop; long loops check this between units of work. */
	default boolean isCancelled() { return false; }

	ProgressListener SILENT = message -> {};
}
