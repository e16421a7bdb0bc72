package org.emotiontracking.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.emotiontracking.core.classify.ClassificationReports;
import org.emotiontracking.core.classify.ClassifyFixtures;
import org.emotiontracking.core.classify.ShardFixtures;
import org.emotiontracking.core.classify.ShardManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SLURM route as a lab runs it: a one-node SLURM cluster started on this machine
 * (scripts/slurm/local-cluster.sh: Debian's slurm-wlm and munge, own config, ports and key),
 * scripts/slurm/submit.sh submitting an array job of 4 classify shards of the packaged jar and a
 * merge job depending on it (afterok); the merged output must be that of one run of the jar over
 * the whole folder. Skips itself where SLURM is not installed or we are not root (CI installs it).
 * Needs {@code mvn package} first.
 */
class SlurmArrayIT {

	private static final Path REPO = PackagedJar.TARGET.toAbsolutePath().getParent();
	private static final Path SCRIPTS = REPO.resolve("scripts/slurm");

	@TempDir
	Path dir;

	private static boolean installed(final String tool) {
		for (final String d : new String[] { "/usr/sbin", "/usr/bin", "/sbin", "/bin" })
			if (Files.isExecutable(Paths.get(d, tool))) return true;
		return false;
	}

	private static boolean root() throws IOException, InterruptedException {
		final Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
		final String uid = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		return p.waitFor() == 0 && uid.equals("0");
	}

	/** An even port with the next one free, for slurmctld and slurmd. */
	private static int freePorts() throws IOException {
		for (int port = 16817 + 2 * (int) (ProcessHandle.current().pid() % 500); port < 65000; port += 2)
			try (ServerSocket a = new ServerSocket(port); ServerSocket b = new ServerSocket(port + 1)) {
				return port;
			}
			catch (final IOException e) {
				// taken: try the next pair
			}
		throw new IOException("No free port pair");
	}

	private PackagedJar.Run sh(final Map<String, String> env, final String name, final String... args) throws Exception {
		final List<String> cmd = new ArrayList<>();
		cmd.add(name.startsWith("/") ? name : SCRIPTS.resolve(name).toString());
		cmd.addAll(Arrays.asList(args));
		final ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(dir.toFile());
		pb.environment().putAll(env);
		final Path log = Files.createTempFile(dir, "sh", ".log");
		pb.redirectOutput(log.toFile());
		final Process p = pb.start();
		if (!p.waitFor(600, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new IOException("Timed out: " + cmd);
		}
		return new PackagedJar.Run(p.exitValue(), new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
	}

	@Test
	void anArrayOfFourShardsAndItsMergeJobGiveOneRunsOutput() throws Exception {
		assumeTrue(installed("slurmctld") && installed("slurmd") && installed("sbatch") && installed("munged"),
			"SLURM is not installed (apt-get install slurm-wlm munge)");
		assumeTrue(root(), "a local SLURM cluster needs root");
		final Path jar = PackagedJar.TARGET.resolve("emotion-tracking.jar").toAbsolutePath();
		assertTrue(Files.isRegularFile(jar), "Run `mvn package` first: no " + jar);
		final String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
		final Path input = ShardFixtures.images(dir.resolve("in"), 30);
		final List<String> keys = Arrays.asList("model=" + ClassifyFixtures.model(), "input=" + input, "recursive=true",
			"faces=whole", "engine=tensorflow"); // the default batch size; TensorFlow, whose rows
		// depend on their batch's size and position: only batches cut on the whole work list give one run's bits

		final List<String> one = new ArrayList<>(Arrays.asList("-Djava.awt.headless=true", "-jar", jar.toString(), "classify"));
		one.addAll(keys);
		one.add("output=" + dir.resolve("one"));
		final PackagedJar.Run single = PackagedJar.run(new ArrayList<>(), new ArrayList<>(), one, dir.resolve("one.log"));
		assertEquals(1, single.status, single.toString()); // 1: sad/broken.png is no image

		final Path cluster = dir.resolve("cluster");
		final Map<String, String> env = Map.of("SLURM_CONF", cluster.resolve("slurm.conf").toString(), "JAVA", java,
			"EMOTION_TRACKING_JAR", jar.toString(), "CLASSIFY_SBATCH_OPTIONS", "--cpus-per-task=1 --mem=3G",
			"MERGE_SBATCH_OPTIONS", "--mem=1G");
		final PackagedJar.Run started = sh(Map.of(), "local-cluster.sh", "start", cluster.toString(), Integer.toString(freePorts()));
		try {
			assertEquals(0, started.status, started.toString());
			final List<String> submit = new ArrayList<>(Arrays.asList("--wait", "4", dir.resolve("run").toString()));
			submit.addAll(keys);
			final PackagedJar.Run r = sh(env, "submit.sh", submit.toArray(new String[0]));
			final Path run = dir.resolve("run");
			assertEquals(0, r.status, r + "\n" + logs(run));
			for (int i = 0; i < 4; i++) {
				final ShardManifest m = ShardManifest.read(run.resolve("shards/" + i));
				assertTrue(m.complete && m.shard.equals(i + "/4") && m.total_items == 31, m.toJson());
			}
			final Path merged = run.resolve("merged");
			assertEquals(ShardFixtures.withoutTimestamps(dir.resolve("one").resolve(ClassificationReports.LOG)), ShardFixtures
				.withoutTimestamps(merged.resolve(ClassificationReports.LOG)), logs(run));
			for (final String f : new String[] { ClassificationReports.DISTRIBUTION, ClassificationReports.CONFUSION_CSV,
				ClassificationReports.METRICS, ClassificationReports.SUMMARY })
				assertArrayEquals(Files.readAllBytes(dir.resolve("one").resolve(f)), Files.readAllBytes(merged.resolve(f)), f);
		}
		finally {
			sh(Map.of(), "local-cluster.sh", "stop", cluster.toString());
		}
	}

	private static String logs(final Path run) throws IOException {
		final StringBuilder sb = new StringBuilder();
		if (Files.isDirectory(run.resolve("logs"))) try (java.util.stream.Stream<Path> s = Files.list(run.resolve("logs"))) {
			for (final Path p : (Iterable<Path>) s.sorted()::iterator)
				sb.append("== ").append(p.getFileName()).append('\n').append(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
		}
		return sb.toString();
	}
}
