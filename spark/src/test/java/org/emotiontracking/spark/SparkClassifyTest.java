package org.emotiontracking.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.emotiontracking.core.classify.ClassificationReports;
import org.emotiontracking.core.classify.ClassifyFixtures;
import org.emotiontracking.core.classify.ClassifySettings;
import org.emotiontracking.core.classify.ClassifyTask;
import org.emotiontracking.core.classify.FaceMode;
import org.emotiontracking.core.classify.ShardFixtures;
import org.emotiontracking.core.classify.ShardManifest;
import org.emotiontracking.core.data.ImageFile;
import org.emotiontracking.core.model.InferenceEngine;
import org.emotiontracking.core.data.Shard;
import org.emotiontracking.core.data.WorkList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job in local[2] (one JVM, two task threads) and in local-cluster[2,1,1024] (a
 * standalone master, two workers and two executor JVMs launched by them): its merged output must
 * be that of one classify run over the same folder, each executor JVM opening the model once.
 */
class SparkClassifyTest {

	@TempDir
	static Path tmp;

	private static Path input, single;

	@BeforeAll
	static void oneRun() throws Exception {
		input = ShardFixtures.images(tmp.resolve("in"), 30);
		single = tmp.resolve("single");
		ClassifyTask.run(settings(single), null);
	}

	private static ClassifySettings settings(final Path output) {
		final ClassifySettings s = new ClassifySettings();
		s.model = ClassifyFixtures.model();
		s.input = input;
		s.output = output;
		s.recursive = true;
		s.faces = FaceMode.WHOLE;
		// the default batch size, on TensorFlow, whose rows depend on their batch's size and position: only
		// batches cut on the whole work list (not on a partition) give one run's bits (see README)
		s.engine = InferenceEngine.TENSORFLOW;
		return s;
	}

	private static SparkSettings partitions(final int n) {
		final SparkSettings s = new SparkSettings();
		s.partitions = n;
		return s;
	}

	private static void assertSameAsOneRun(final Path output) throws Exception {
		assertEquals(ShardFixtures.withoutTimestamps(single.resolve(ClassificationReports.LOG)), ShardFixtures.withoutTimestamps(
			output.resolve(ClassificationReports.LOG)));
		for (final String f : new String[] { ClassificationReports.DISTRIBUTION, ClassificationReports.CONFUSION_CSV,
			ClassificationReports.CONFUSION_PNG, ClassificationReports.METRICS, ClassificationReports.SUMMARY })
			assertArrayEquals(Files.readAllBytes(single.resolve(f)), Files.readAllBytes(output.resolve(f)), f);
	}

	@Test
	void localModeEqualsOneRunAndSlicesAsShardsDo() throws Exception {
		try (JavaSparkContext sc = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("test"))) {
			// Spark's own slicing of the work list is the shards' slicing
			final List<String> items = new ArrayList<>();
			for (final ImageFile f : WorkList.of(input, true, null)) items.add(f.relativePath());
			for (final int n : new int[] { 1, 3, 4, 7, 40 }) {
				final List<List<String>> slices = sc.parallelize(items, n).glom().collect();
				for (int i = 0; i < n; i++) {
					final List<String> shard = new ArrayList<>();
					WorkList.of(input, true, null).shard(new Shard(i, n)).forEach(f -> shard.add(f.relativePath()));
					assertEquals(shard, slices.get(i), "partition " + i + " of " + n);
				}
			}

			final Path out = tmp.resolve("local");
			final SparkClassify.Result r = SparkClassify.classify(sc, settings(out), partitions(4), null);
			assertEquals(31, r.items);
			assertEquals(4, r.parts.size());
			assertSameAsOneRun(out);
			for (final PartResult p : r.parts) {
				assertEquals(ProcessHandle.current().pid(), p.pid); // local mode: the tasks ran in this JVM
				assertEquals(1, p.jvmModelLoads, p.toString());
				assertTrue(ShardManifest.read(out.resolve(SparkClassify.PARTS).resolve(String.format("part-%05d", p.partition))).complete);
			}
			assertEquals(1, r.executorJvms());

			// again: refused without overwrite=true, the same files with it (also with another partition count)
			final byte[] log = Files.readAllBytes(out.resolve(ClassificationReports.LOG));
			assertThrows(FileAlreadyExistsException.class, () -> SparkClassify.classify(sc, settings(out), partitions(3), null));
			final ClassifySettings again = settings(out);
			again.overwrite = true;
			SparkClassify.classify(sc, again, partitions(3), null);
			assertSameAsOneRun(out);
			assertEquals(3, Files.list(out.resolve(SparkClassify.PARTS)).count());
			assertEquals(new String(log, "UTF-8").split("\n").length, Files.readAllLines(out.resolve(ClassificationReports.LOG)).size());
			final ClassifySettings sharded = settings(tmp.resolve("x"));
			sharded.shard = "0/2";
			assertThrows(IllegalArgumentException.class, () -> SparkClassify.classify(sc, sharded, partitions(2), null));
		}
	}

	@Test
	void twoExecutorJvmsOfALocalClusterEqualOneRun() throws Exception {
		// A standalone worker launches executors as `java -cp $SPARK_HOME/jars/*:<extraClassPath> ...`:
		// Spark's jars come from the Maven repository through the class path of this test, so
		// SPARK_HOME (set by the pom) only needs an (empty) jars folder.
		final String home = System.getenv("SPARK_HOME");
		assertTrue(home != null && System.getenv("SPARK_SCALA_VERSION") != null, "run through Maven (the pom sets SPARK_HOME)");
		Files.createDirectories(Paths.get(home, "jars"));
		final String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		final SparkConf conf = new SparkConf().setMaster("local-cluster[2,1,1024]").setAppName("test")
			.set("spark.executor.extraClassPath", classPath).set("spark.executor.extraJavaOptions", "-Djava.awt.headless=true")
			.set("spark.executor.memory", "1024m");
		try (JavaSparkContext sc = new JavaSparkContext(conf)) {
			final Path out = tmp.resolve("cluster");
			final SparkClassify.Result r = SparkClassify.classify(sc, settings(out), partitions(4), null);
			assertSameAsOneRun(out);
			final Map<Long, Integer> loadsByJvm = new HashMap<>();
			for (final PartResult p : r.parts) {
				assertNotEquals(ProcessHandle.current().pid(), p.pid, p.toString());
				loadsByJvm.merge(p.pid, p.jvmModelLoads, Math::max);
			}
			assertEquals(2, loadsByJvm.size(), r.toString()); // two executor JVMs ...
			for (final int loads : loadsByJvm.values()) assertEquals(1, loads, r.toString()); // ... each opened the model once
		}
	}
}
