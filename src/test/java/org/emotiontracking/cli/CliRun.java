package org.emotiontracking.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One run of the command line ({@link Main#run}) in this JVM, with what it printed. */
final class CliRun {

	final int status;
	final String out;
	final String err;

	private CliRun(final int status, final String out, final String err) {
		this.status = status;
		this.out = out;
		this.err = err;
	}

	/** Runs {@code java -jar emotion-tracking.jar <args>} as {@link Main} does, capturing both streams. */
	static CliRun of(final String... args) {
		final ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
		final int status = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8),
			new PrintStream(e, true, StandardCharsets.UTF_8));
		return new CliRun(status, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
	}
}
