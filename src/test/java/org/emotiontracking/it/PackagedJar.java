package org.emotiontracking.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Runs the packaged jar (target/emotion-tracking.jar and its libraries) in a fresh JVM, as users do. */
final class PackagedJar {

	static final Path TARGET = Paths.get(System.getProperty("project.build.directory", "target"));

	/** What a run printed and its exit status. */
	static final class Run {
		final int status;
		final String output;

		Run(final int status, final String output) {
			this.status = status;
			this.output = output;
		}

		@Override
		public String toString() { return "exit " + status + ":\n" + output; }
	}

	private PackagedJar() {}

	/** The class path Fiji would give: its own jars (protobuf 4.x first), then ours. */
	static String fijiClassPath() throws IOException {
		final List<String> cp = new ArrayList<>();
		try (Stream<Path> s = Files.list(TARGET.resolve("fiji-jars"))) {
			cp.addAll(s.map(Path::toString).sorted().collect(Collectors.toList()));
		}
		cp.add(TARGET.resolve("emotion-tracking.jar").toString());
		try (Stream<Path> s = Files.list(TARGET.resolve("lib"))) {
			cp.addAll(s.map(Path::toString).sorted().collect(Collectors.toList()));
		}
		return String.join(File.pathSeparator, cp);
	}

	static Run run(final List<String> prefix, final List<String> jvmArgs, final List<String> args, final Path log)
		throws IOException, InterruptedException
	{
		final List<String> cmd = new ArrayList<>(prefix);
		cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
		cmd.addAll(jvmArgs);
		cmd.addAll(args);
		final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!p.waitFor(600, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new IOException("Timed out: " + cmd);
		}
		return new Run(p.exitValue(), new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
	}

	/** `unshare -n` (a new network namespace with no interfaces) when this machine allows it. */
	static List<String> withoutNetwork() throws InterruptedException {
		try {
			final Process p = new ProcessBuilder("unshare", "-n", "true").start();
			if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) return Arrays.asList("unshare", "-n");
		}
		catch (final IOException e) {
			// not available: fall back to a dead proxy below
		}
		return new ArrayList<>();
	}
}
