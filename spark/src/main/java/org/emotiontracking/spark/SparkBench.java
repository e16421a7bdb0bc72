package org.emotiontracking.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.emotiontracking.bench.ScaleOutBenchmark;
import org.emotiontracking.core.classify.ClassificationSummary;
import org.emotiontracking.core.classify.ClassifySettings;
import org.emotiontracking.core.classify.ClassifyTask;
import org.emotiontracking.core.classify.FaceMode;
import org.emotiontracking.core.model.EmotionClassifier;
import org.emotiontracking.core.util.FileTrees;

/**
 * The Spark figures (spark/bin/bench [images] [alpha]): the same generated folder classified in
 * this JVM without Spark (the baseline, model loaded beforehand), then by the job on a standalone
 * local-cluster with 1 and with 2 executors (one core each, separate JVMs): session start, model
 * load per executor, images/s, merge time.
 */
public final class SparkBench {

	private SparkBench() {}

	public static void main(final String[] args) throws Exception {
		final int images = args.length > 0 ? Integer.parseInt(args[0]) : 200;
		final double alpha = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
		final Path dir = Files.createTempDirectory("spark-bench");
		try {
			final Path[] mi = ScaleOutBenchmark.prepare(dir, alpha, 224, images);
			final ClassifySettings s = new ClassifySettings();
			s.model = mi[0];
			s.input = mi[1];
			s.recursive = true;
			s.faces = FaceMode.WHOLE;
			s.output = dir.resolve("single");
			try (EmotionClassifier c = EmotionClassifier.load(s.model, null, s.engine, s.inference_threads)) {
				final ClassificationSummary one = ClassifyTask.run(c, s, null, null, null);
				System.out.println(String.format(Locale.ROOT,
					"baseline, no Spark, this JVM (%d cores): %d images in %.1f s, %.1f images/s", Runtime.getRuntime()
						.availableProcessors(), one.images(), one.seconds(), one.imagesPerSecond()));
			}
			Files.createDirectories(Path.of(System.getenv().getOrDefault("SPARK_HOME", "."), "jars"));
			for (final int executors : new int[] { 1, 2 }) {
				final long start = System.nanoTime();
				final SparkConf conf = new SparkConf().setMaster("local-cluster[" + executors + ",1,1536]").setAppName("bench")
					.set("spark.executor.extraClassPath", System.getProperty("java.class.path")).set("spark.executor.memory", "1536m")
					.set("spark.executor.extraJavaOptions", "-Djava.awt.headless=true").set("spark.ui.enabled", "false");
				try (JavaSparkContext sc = new JavaSparkContext(conf)) {
					final double session = (System.nanoTime() - start) / 1e9;
					s.output = dir.resolve("spark-" + executors);
					final SparkSettings p = new SparkSettings();
					p.partitions = 4 * executors;
					final SparkClassify.Result r = SparkClassify.classify(sc, s, p, null);
					final Map<Long, Double> load = new HashMap<>();
					double classify = 0;
					for (final PartResult part : r.parts) {
						load.merge(part.pid, part.loadSeconds, Math::max);
						classify += part.classifySeconds;
					}
					System.out.println(String.format(Locale.ROOT,
						"Spark local-cluster, %d executor%s x 1 core: session start %.1f s, model load per executor %s s, job %.1f s for %d images = %.1f images/s (classifying alone: %.1f images/s per executor), merge %.2f s, %d partitions",
						executors, executors == 1 ? "" : "s", session, load.values().toString(), r.jobSeconds, r.items, r.items /
							r.jobSeconds, r.items / classify, r.merge.seconds, r.partitions));
				}
			}
		}
		finally {
			FileTrees.deleteQuietly(dir);
		}
	}
}
