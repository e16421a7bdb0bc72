package org.emotiontracking.cli;

import java.io.PrintStream;

import org.emotiontracking.core.util.ProgressListener;

/** Progress on a terminal: status on one rewritten line when interactive, log lines always. */
final class TerminalProgress implements ProgressListener {

	private final PrintStream out;
	private final boolean interactive;
	private int lastLength;

	TerminalProgress(final PrintStream out) {
		this.out = out;
		this.interactive = System.console() != null;
	}

	@Override
	public synchronized void status(final String message) {
		if (!interactive) return;
		final StringBuilder sb = new StringBuilder("\r").append(message);
		for (int i = message.length(); i < lastLength; i++) sb.append(' ');
		lastLength = message.length();
		out.print(sb);
		out.flush();
	}

	@Override
	public synchronized void log(final String message) {
		if (interactive && lastLength > 0) {
			out.print("\r");
			for (int i = 0; i < lastLength; i++) out.print(' ');
			out.print("\r");
			lastLength = 0;
		}
		out.println(message);
		out.flush();
	}
}
