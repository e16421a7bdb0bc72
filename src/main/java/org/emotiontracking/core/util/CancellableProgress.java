package org.emotiontracking.core.util;

/**
 * A {@link ProgressListener} that its owner can stop and close: what a command holds for one run
 * (the ImageJ status bar, SciJava's services, ...), so it never needs to know which one it is.
 */
public interface CancellableProgress extends ProgressListener {

	/** Asks the work to stop at its next {@link #isCancelled()} check. */
	void cancel();

	/** The run is over: clear what it showed (status bar, progress bar). */
	default void finish() {}
}
