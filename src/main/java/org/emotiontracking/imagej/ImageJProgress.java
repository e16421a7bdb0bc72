package org.emotiontracking.imagej;

import ij.IJ;

/**
 * Progress in ImageJ 1.x: status bar, progress bar and the Log window (one line per
 * {@link #log(String)}, e.g. per epoch). Cancelled by {@link #cancel()} or by the user pressing Esc
 * in ImageJ. In batch mode without a window, ImageJ prints log lines on standard output.
 */
public class ImageJProgress extends CommandProgress {

	/** Starts listening; forgets an Esc pressed before. */
	public ImageJProgress() {
		IJ.resetEscape();
	}

	@Override
	public void status(final String message) {
		IJ.showStatus(message);
	}

	@Override
	public void progress(final double fraction) {
		IJ.showProgress(Math.max(0, Math.min(1, fraction)));
	}

	@Override
	public void log(final String message) {
		IJ.log(message);
	}

	@Override
	protected boolean stoppedByHost() {
		return IJ.escapePressed();
	}

	/** Hides the progress bar and clears the status bar. */
	@Override
	public void finish() {
		IJ.showProgress(1.0);
		IJ.showStatus("");
	}
}
