package org.emotiontracking.cli;

import java.util.Map;

import org.emotiontracking.core.util.ProgressListener;

/** One `java -jar emotion-tracking.jar <name> key=value ...` command. */
interface CliCommand {

	String name();

	/** One line for the command list. */
	String summary();

	/** A settings object holding the defaults, for --help. */
	Object defaults();

	/** Runs with the given keys; returns the process exit status (0 = everything succeeded). */
	int run(Map<String, String> keys, ProgressListener progress) throws Exception;
}
