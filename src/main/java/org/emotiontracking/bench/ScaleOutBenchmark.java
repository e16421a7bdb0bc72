package org.emotiontracking.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.emotiontracking.core.data.OpenCv;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.model.ModelMetadata;
import org.emotiontracking.core.util.FileTrees;
import org.emotiontracking.core.util.ProgressListener;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Shards and merge as a cluster runs them, on this machine: the packaged jar classifies a folder of
 * generated images (faces=whole) once in one JVM (the baseline), then as 4 shards, two JVMs at a
 * time (as a 2-core node would run them), then merges; with {@code SLURM_CONF} set (a cluster, e.g.
 * scripts/slurm/local-cluster.sh) also through scripts/slurm/submit.sh on 4 shards, end to end. Each
 * figure is a wall-clock time of whole processes (JVM start, model loading, listing, writing).
 */
public final class ScaleOutBenchmark {

	private static final Pattern CLASSIFIED = Pattern.compile("([0-9.]+) s, ([0-9.]+) images/s");
	private static final Pattern MERGED = Pattern.compile("rows? in ([0-9.]+) s");

	private ScaleOutBenchmark() {}

	/** A random-weight model (alpha, size) and {@code images} noise PNGs in three class folders; returns {model,
	 * folder}. */
	public static Path[] prepare(final Path dir, final double alpha, final int size,
		final int images) throws IOException {
		final Path model = InferenceBenchmark.randomArchive(dir.resolve("model.zip"), alpha, size);
		final Path input = dir.resolve("images");
		final Random r = new Random(1);
		OpenCv.ensureLoaded();
		for (int i = 0; i < images; i++) {
			final byte[] px = new byte[size * size * 3];
			r.nextBytes(px);
			final Path f = input.resolve(ModelMetadata.NOTEBOOK_CLASSES.get(i % 3))
				.resolve(String.format(Locale.ROOT, "img_%06d.png", i));
			Files.createDirectories(f.getParent());
			final Mat rgb = OpenCv.toMat(new RgbImage(size, size, px)), bgr = new Mat();
			Imgproc.cvtColor(rgb, bgr, Imgproc.COLOR_RGB2BGR);
			Imgcodecs.imwrite(f.toString(), bgr);
			rgb.release();
			bgr.release();
		}
		return new Path[] { model, input };
	}

	/** Runs a process, returns {seconds, output}. */
	private static Object[] time(final List<String> cmd, final Map<String, String> env) throws IOException,
		InterruptedException
	{
		final ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
		if (env != null) pb.environment().putAll(env);
		final long start = System.nanoTime();
		final Process p = pb.start();
		final byte[] out = p.getInputStream().readAllBytes();
		if (!p.waitFor(3600, TimeUnit.SECONDS)) p.destroyForcibly();
		return new Object[] { (System.nanoTime() - start) / 1e9, new String(out, StandardCharsets.UTF_8),
			p.exitValue() };
	}

	private static List<String> jar(final Path jar, final String... args) {
		final List<String> cmd = new ArrayList<>(Arrays.asList(Paths.get(System.getProperty("java.home"), "bin", "java")
			.toString(), "-Djava.awt.headless=true", "-jar", jar.toString()));
		cmd.addAll(Arrays.asList(args));
		return cmd;
	}

	private static double find(final Pattern p, final String text, final int group) {
		final Matcher m = p.matcher(text);
		double v = Double.NaN;
		while (m.find()) v = Double.parseDouble(m.group(group));
		return v;
	}

	public static List<String> run(final double alpha, final int images, final ProgressListener log) throws Exception {
		final List<String> report = new ArrayList<>();
		final Path jar = Paths.get(ScaleOutBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		if (!jar.toString().endsWith(".jar")) {
			report.add(
				"scale-out: run from the packaged jar (java -jar target/emotion-tracking.jar bench what=shards)");
			return report;
		}
		final Path dir = Files.createTempDirectory("bench-shards");
		try {
			final Path[] mi = prepare(dir, alpha, 224, images);
			final String[] keys = { "model=" + mi[0], "input=" + mi[1], "recursive=true", "faces=whole" };
			log.log("Scale-out: " + images + " images at 224 px, MobileNetV2 alpha " + alpha);

			final List<String> one = jar(jar, "classify");
			one.addAll(Arrays.asList(keys));
			one.add("output=" + dir.resolve("one"));
			final Object[] single = time(one, null);
			final double t1 = (Double) single[0];
			final double classify1 = find(CLASSIFIED, (String) single[1], 1);
			report.add(String.format(Locale.ROOT,
				"scale-out baseline, one JVM over %d images: %.1f s wall (classifying %.1f s, %.1f images/s; the "
				+ "rest, %.1f s, is JVM start, model loading and reports)", images, t1, classify1, images / classify1,
				t1 - classify1));

			// 4 shards, two processes at a time, then the merge
			final long start = System.nanoTime();
			final double[] wall = new double[4], classify = new double[4];
			for (int pair = 0; pair < 2; pair++) {
				final List<Process> running = new ArrayList<>();
				final long[] begun = new long[2];
				for (int k = 0; k < 2; k++) {
					final int i = 2 * pair + k;
					final List<String> cmd = jar(jar, "classify");
					cmd.addAll(Arrays.asList(keys));
					cmd.add("output=" + dir.resolve("shards/" + i));
					cmd.add("shard=" + i + "/4");
					begun[k] = System.nanoTime();
					running.add(new ProcessBuilder(cmd).redirectErrorStream(true)
						.redirectOutput(dir.resolve("shard-" + i + ".log").toFile()).start());
				}
				for (int k = 0; k < 2; k++) {
					running.get(k).waitFor();
					final int i = 2 * pair + k;
					wall[i] = (System.nanoTime() - begun[k]) / 1e9;
					classify[i] = find(CLASSIFIED, new String(Files.readAllBytes(dir.resolve("shard-" + i + ".log")),
						StandardCharsets.UTF_8), 1);
				}
			}
			final Object[] merge = time(jar(jar, "merge", "input=" + dir.resolve("shards"), "output="
				+ dir.resolve("merged")), null);
			final double t4 = (System.nanoTime() - start) / 1e9;
			final double mergeInside = find(MERGED, (String) merge[1], 1);
			double overhead = 0;
			for (int i = 0; i < 4; i++) overhead += wall[i] - classify[i];
			report.add(String.format(Locale.ROOT,
				"scale-out 4 shards on this machine (2 JVMs at a time) + merge: %.1f s wall vs %.1f s for one run "
				+ "(speed-up %.2f); per task %.1f s outside classification (JVM start, model, listing, reports); "
				+ "merge %.1f s wall, %.2f s merging", t4, t1, t1 / t4, overhead / 4, (Double) merge[0], mergeInside));

			final String conf = System.getenv("SLURM_CONF");
			final Path submit = jar.getParent().getParent().resolve("scripts/slurm/submit.sh");
			if (conf != null && Files.isExecutable(submit)) {
				final List<String> cmd = new ArrayList<>(Arrays.asList(submit.toString(), "--wait", "4",
					dir.resolve("slurm").toString()));
				cmd.addAll(Arrays.asList(keys));
				final Map<String, String> env = new HashMap<>();
				env.put("EMOTION_TRACKING_JAR", jar.toString());
				env.put("JAVA", Paths.get(System.getProperty("java.home"), "bin", "java").toString());
				env.put("CLASSIFY_SBATCH_OPTIONS", "--cpus-per-task=1 --mem=3G");
				env.put("MERGE_SBATCH_OPTIONS", "--mem=1G");
				final Object[] slurm = time(cmd, env);
				report.add(String.format(Locale.ROOT,
					"scale-out SLURM (%s): array of 4 shards + merge job, end to end %.1f s vs %.1f s for one run "
					+ "(speed-up %.2f)%s", conf, (Double) slurm[0], t1, t1 / (Double) slurm[0], (Integer) slurm[2] == 0
					? "" : " FAILED: " + slurm[1]));
			}
			else report.add(
				"scale-out SLURM: not measured (set SLURM_CONF, e.g. from scripts/slurm/local-cluster.sh start "
				+ "<folder>)");
			for (final String line : report) log.log(line);
			return report;
		}
		finally {
			FileTrees.deleteQuietly(dir);
		}
	}
}
