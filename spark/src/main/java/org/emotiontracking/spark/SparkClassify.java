package org.emotiontracking.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.emotiontracking.core.classify.ClassificationReports;
import org.emotiontracking.core.classify.ClassifySettings;
import org.emotiontracking.core.classify.MergeSettings;
import org.emotiontracking.core.classify.ShardMerge;
import org.emotiontracking.core.data.ImageFile;
import org.emotiontracking.core.classify.ClassifyTask;
import org.emotiontracking.core.data.WorkList;
import org.emotiontracking.core.video.VideoFileTypes;
import org.emotiontracking.core.util.AtomicFiles;
import org.emotiontracking.core.util.FileTrees;
import org.emotiontracking.core.util.ProgressListener;
import org.emotiontracking.core.util.Required;
import org.emotiontracking.core.util.Settings;

/**
 * Classify Emotions as an Apache Spark job, with the keys of {@code classify} (plus
 * {@code partitions=}):
 * <pre>
 * spark-submit --master local[2] --class org.emotiontracking.spark.SparkClassify emotion-tracking-spark-all.jar \
 *   model=m.zip input=/data/faces output=/data/run recursive=true partitions=8
 * </pre>
 * The driver lists the canonical work list ({@link WorkList}: relative paths in work order) and
 * parallelizes it into {@code n} partitions, which Spark slices exactly as {@code shard=i/n} does;
 * each executor JVM opens the model and the detector once ({@link ExecutorModels}) and writes each
 * partition as a shard ({@link PartTask}: {@code <output>/parts/part-<i>/}); the driver then merges
 * the parts into {@code <output>} with {@link ShardMerge}: the output of one {@code classify} run
 * over the whole input. Input, model and output must be paths every executor sees (a shared file
 * system); nothing else is shipped but the relative paths.
 */
public final class SparkClassify {

	/** The parts' folder inside the output. */
	public static final String PARTS = "parts";

	private SparkClassify() {}

	/** What a job did, with its timings. */
	public static final class Result {
		public final long items;
		public final int partitions;
		public final double listSeconds, jobSeconds;
		public final List<PartResult> parts;
		public final ShardMerge.Result merge;

		Result(final long items, final int partitions, final double listSeconds, final double jobSeconds,
			final List<PartResult> parts, final ShardMerge.Result merge)
		{
			this.items = items;
			this.partitions = partitions;
			this.listSeconds = listSeconds;
			this.jobSeconds = jobSeconds;
			this.parts = Collections.unmodifiableList(new ArrayList<>(parts));
			this.merge = merge;
		}

		/** Executor JVMs that ran parts. */
		public long executorJvms() {
			return parts.stream().map(p -> p.executor + "/" + p.pid).distinct().count();
		}

		@Override
		public String toString() {
			final StringBuilder sb = new StringBuilder();
			sb.append(String.format(Locale.ROOT, "%d items in %d partitions on %d executor JVM%s: listing %.2f s, classifying %.2f s, merging %.2f s%n",
				items, partitions, executorJvms(), executorJvms() == 1 ? "" : "s", listSeconds, jobSeconds, merge.seconds));
			for (final PartResult p : parts) sb.append("  ").append(p).append('\n');
			return sb.append(merge).toString();
		}
	}

	public static void main(final String[] args) {
		if (System.getProperty("slf4j.internal.verbosity") == null) System.setProperty("slf4j.internal.verbosity", "ERROR");
		System.exit(run(args, System.out, System.err));
	}

	/** The command line: key=value words; returns the exit status (0 ok, 1 some image failed or the job failed, 2 usage). */
	static int run(final String[] args, final PrintStream out, final PrintStream err) {
		if (Arrays.asList(args).stream().anyMatch(a -> a.equals("--help") || a.equals("-h"))) {
			out.print("SparkClassify: classify on Apache Spark, the keys of classify (shard= excepted) and:\n" + Settings.describe(
				new SparkSettings()) + "\nclassify keys:\n" + Settings.describe(new ClassifySettings()));
			return 0;
		}
		final ClassifySettings classify = new ClassifySettings();
		final SparkSettings spark = new SparkSettings();
		try {
			final Map<String, String> keys = Settings.parse(Arrays.asList(args));
			final Map<String, String> own = new LinkedHashMap<>();
			for (final String k : Settings.fields(SparkSettings.class).keySet()) if (keys.containsKey(k)) own.put(k, keys.remove(k));
			Settings.apply(spark, own);
			Settings.apply(classify, keys);
		}
		catch (final IllegalArgumentException e) {
			err.println("Error: " + e.getMessage());
			return 2;
		}
		final long start = System.nanoTime();
		final SparkConf conf = new SparkConf().setAppName("Emotion Tracking: classify " + classify.input);
		if (!conf.contains("spark.master")) conf.setMaster("local[*]");
		try (JavaSparkContext sc = new JavaSparkContext(conf)) {
			out.println(String.format(Locale.ROOT, "Spark %s on %s: session started in %.2f s", sc.version(), sc.master(), (System
				.nanoTime() - start) / 1e9));
			final Result r = classify(sc, classify, spark, new ProgressListener() {
				@Override
				public void status(final String message) {}

				@Override
				public void log(final String message) { out.println(message); }
			});
			out.print(r);
			out.println();
			out.println("Results in " + classify.output.toAbsolutePath());
			return r.merge.failures > 0 ? 1 : 0;
		}
		catch (final IllegalArgumentException | FileAlreadyExistsException e) {
			err.println("Error: " + (e instanceof FileAlreadyExistsException ? ((FileAlreadyExistsException) e).getReason() : e
				.getMessage()));
			return 2;
		}
		catch (final Exception e) {
			err.println("Error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
			return 1;
		}
	}

	/**
	 * Runs the job on {@code sc}.
	 *
	 * @throws IllegalArgumentException for bad keys (shard= included: the job makes its own shards)
	 * @throws FileAlreadyExistsException if an output exists and overwrite is false
	 * @throws IOException if listing, a partition or the merge fails (named)
	 */
	public static Result classify(final JavaSparkContext sc, final ClassifySettings given, final SparkSettings spark,
		final ProgressListener progress) throws IOException
	{
		final ProgressListener p = progress == null ? ProgressListener.SILENT : progress;
		given.validate(Required.INPUT, Required.OUTPUT);
		if (given.isShard()) throw new IllegalArgumentException("shard= is for single machines; the Spark job cuts the input " +
			"into partitions= shards itself");
		if (spark.partitions < 0) throw new IllegalArgumentException("partitions must be 0 or more, got " + spark.partitions);
		final Map<String, String> keys = Settings.values(given);
		keys.put("model", given.model.toAbsolutePath().toString());
		keys.put("input", given.input.toAbsolutePath().toString());
		if (given.detector != null && Files.isRegularFile(Paths.get(given.detector))) keys.put("detector", Paths.get(given.detector)
			.toAbsolutePath().toString()); // a file (not a built-in detector name) as executors see it
		keys.remove("output");
		keys.remove("shard");
		final Path output = given.output.toAbsolutePath(), parts = output.resolve(PARTS);
		for (final Path f : ClassificationReports.allFiles(output)) AtomicFiles.checkCanWrite(f, given.overwrite);
		if (hasEntries(parts)) {
			if (!given.overwrite) throw new FileAlreadyExistsException(parts.toString(), null, "Output folder already exists: " +
				parts + " (choose another output folder or allow overwriting)");
			FileTrees.delete(parts); // the parts of an earlier run of this job (perhaps with another partition count)
		}

		final long listStart = System.nanoTime();
		final List<String> items = new ArrayList<>();
		boolean videos = false;
		try {
			for (final ImageFile f : ClassifyTask.workList(given, null)) {
				items.add(f.relativePath());
				videos |= VideoFileTypes.isVideo(f.path());
			}
		}
		catch (final UncheckedIOException e) {
			throw e.getCause();
		}
		final double listSeconds = (System.nanoTime() - listStart) / 1e9;
		final int n = spark.partitions > 0 ? spark.partitions : sc.defaultParallelism();
		p.log(String.format(Locale.ROOT, "Classifying %d items of %s in %d partitions on %s", items.size(), given.input, n, sc
			.master()));

		final long jobStart = System.nanoTime();
		final List<PartResult> results = new ArrayList<>(sc.parallelize(items, n).mapPartitionsWithIndex(new PartTask(keys, parts,
			n, items.size(), videos), false).collect());
		final double jobSeconds = (System.nanoTime() - jobStart) / 1e9;

		final MergeSettings merge = new MergeSettings();
		merge.input = parts;
		merge.output = output;
		merge.overwrite = given.overwrite;
		return new Result(items.size(), n, listSeconds, jobSeconds, results, ShardMerge.run(merge, p));
	}

	private static boolean hasEntries(final Path folder) throws IOException {
		if (!Files.isDirectory(folder)) return Files.exists(folder);
		try (Stream<Path> s = Files.list(folder)) {
			return s.findAny().isPresent();
		}
	}
}
