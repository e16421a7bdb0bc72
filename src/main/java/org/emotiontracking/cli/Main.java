package org.emotiontracking.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.emotiontracking.core.util.Settings;

/**
 * {@code java -jar emotion-tracking.jar <command> key=value ...}: the same keys as the Fiji commands
 * and macros. Exit status 0 when everything succeeded, 1 when some inputs failed, 2 on usage errors.
 */
public final class Main {

	private Main() {}

	static Map<String, CliCommand> commands() {
		final Map<String, CliCommand> m = new LinkedHashMap<>();
		for (final CliCommand c : Arrays.<CliCommand> asList(new DemoCli(), new TrainCli(), new ClassifyCli(),
			new MergeCli(), new GradCamCli(),
			new LiveCli(), new BenchCli(), new ConvertCli(), new InstallCli(true), new InstallCli(false)))
			m.put(c.name(), c);
		return m;
	}

	public static void main(final String[] args) {
		// The terminal has no SLF4J provider (Fiji brings its own): say nothing about that.
		if (System.getProperty("slf4j.internal.verbosity") == null) System.setProperty("slf4j.internal.verbosity",
			"ERROR");
		System.exit(run(args, System.out, System.err));
	}

	static int run(final String[] args, final PrintStream out, final PrintStream err) {
		final Map<String, CliCommand> commands = commands();
		if (args.length == 0 || isHelp(args[0])) {
			out.print(usage(commands));
			return args.length == 0 ? 2 : 0;
		}
		final CliCommand command = commands.get(args[0]);
		if (command == null) {
			err.println("Unknown command '" + args[0] + "'. Commands: " + String.join(", ", commands.keySet()));
			return 2;
		}
		final List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
		if (rest.stream().anyMatch(Main::isHelp)) {
			out.print(help(command));
			return 0;
		}
		final Map<String, String> keys;
		try {
			keys = Settings.parse(rest);
		}
		catch (final IllegalArgumentException e) {
			err.println(e.getMessage());
			return 2;
		}
		try {
			return command.run(keys, new TerminalProgress(out));
		}
		catch (final IllegalArgumentException e) {
			err.println("Error: " + e.getMessage());
			return 2;
		}
		catch (final Exception e) {
			err.println("Error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
			return 1;
		}
	}

	private static boolean isHelp(final String a) {
		return a.equals("--help") || a.equals("-h") || a.equals("help");
	}

	static String usage(final Map<String, CliCommand> commands) {
		final StringBuilder sb = new StringBuilder();
		sb.append("Emotion Tracking: train, run and explain facial-emotion classifiers.\n\n");
		sb.append("Usage: java -jar emotion-tracking.jar <command> key=value ...\n\nCommands:\n");
		for (final CliCommand c : commands.values()) sb.append(String.format("  %-10s %s%n", c.name(), c.summary()));
		sb.append("\nKeys of every command:\n");
		for (final CliCommand c : commands.values()) sb.append('\n').append(help(c));
		return sb.toString();
	}

	static String help(final CliCommand c) {
		return c.name() + ": " + c.summary() + "\n" + Settings.describe(c.defaults());
	}
}
