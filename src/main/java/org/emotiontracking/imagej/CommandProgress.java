package org.emotiontracking.imagej;

import org.emotiontracking.core.util.CancellableProgress;

/**
 * What both progress listeners of a command share: a cancel flag that {@link #cancel()} sets, read
 * together with the host's own stop signal (Esc in ImageJ, an interrupt under SciJava).
 */
abstract class CommandProgress implements CancellableProgress {

	private volatile boolean cancelled;

	/** Whether the host asked to stop, e.g. the user pressed Esc. */
	protected abstract boolean stoppedByHost();

	@Override
	public final boolean isCancelled() {
		return cancelled || stoppedByHost();
	}

	@Override
	public final void cancel() {
		cancelled = true;
	}
}
