package org.emotiontracking.imagej;

import org.scijava.app.StatusService;
import org.scijava.log.LogService;

/**
 * Progress through SciJava services: status and progress through {@link StatusService} (Fiji shows
 * them in its status bar), log lines through {@link LogService} at INFO level. Cancelled by
 * {@link #cancel()} or by interrupting the thread that created it (e.g. {@code Future.cancel(true)}
 * on a running command).
 */
public class SciJavaProgress extends CommandProgress {

	private static final int STEPS = 1000;

	private final StatusService statusService;
	private final LogService logService;
	private final Thread owner;
	private volatile int step;
	private volatile String lastStatus = "";

	/** Either service may be null (then that part is dropped). */
	public SciJavaProgress(final StatusService statusService, final LogService logService) {
		this.statusService = statusService;
		this.logService = logService;
		this.owner = Thread.currentThread();
	}

	@Override
	public void status(final String message) {
		lastStatus = message;
		if (statusService != null) statusService.showStatus(step, STEPS, message);
	}

	@Override
	public void progress(final double fraction) {
		step = (int) Math.round(Math.max(0, Math.min(1, fraction)) * STEPS);
		if (statusService != null) statusService.showStatus(step, STEPS, lastStatus);
	}

	@Override
	public void log(final String message) {
		if (logService != null) logService.info(message);
	}

	@Override
	protected boolean stoppedByHost() {
		return owner.isInterrupted();
	}

	/** Clears the status bar. */
	@Override
	public void finish() {
		if (statusService != null) statusService.clearStatus();
	}
}
