package org.emotiontracking.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.emotiontracking.core.classify.ClassificationReports;
import org.emotiontracking.core.classify.ClassifyFixtures;
import org.emotiontracking.core.classify.ClassifySettings;
import org.emotiontracking.core.classify.ClassifyTask;
import org.emotiontracking.core.classify.FaceMode;
import org.emotiontracking.core.classify.ShardFixtures;
import org.emotiontracking.core.model.InferenceEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job as users submit it: {@code spark/bin/spark-submit-local --master local[2] key=value ...}
 * (SparkSubmit from the Maven jars, a fresh JVM), with the thin jar and its libraries as --jars,
 * and with the self-contained jar when it was built (-Pself-contained). Its output must be that of
 * one classify run. Needs {@code mvn package} first.
 */
class SparkSubmitIT {

	private static final Path TARGET = Paths.get(System.getProperty("project.build.directory", "target"));

	@TempDir
	static Path tmp;

	private static Path input, single;

	@BeforeAll
	static void oneRun() throws Exception {
		input = ShardFixtures.images(tmp.resolve("in"), 20);
		single = tmp.resolve("single");
		final ClassifySettings s = new ClassifySettings();
		s.model = ClassifyFixtures.model();
		s.input = input;
		s.output = single;
		s.recursive = true;
		s.faces = FaceMode.WHOLE;
		s.engine = InferenceEngine.TENSORFLOW; // default batch size: see SparkClassifyTest
		ClassifyTask.run(s, null);
	}

	private static String submit(final Path jar, final Path output) throws IOException, InterruptedException {
		final List<String> cmd = new ArrayList<>(Arrays.asList(TARGET.toAbsolutePath().getParent().resolve("bin/spark-submit-local")
			.toString(), "--master", "local[2]", "--conf", "spark.ui.enabled=false", "model=" + ClassifyFixtures.model(), "input=" +
				input, "output=" + output, "recursive=true", "faces=whole", "engine=tensorflow", "partitions=3"));
		final ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
		pb.environment().put("EMOTION_TRACKING_SPARK_JAR", jar.toString());
		pb.environment().put("JAVA", Paths.get(System.getProperty("java.home"), "bin", "java").toString());
		final Path log = tmp.resolve(output.getFileName() + ".log");
		pb.redirectOutput(log.toFile());
		final Process p = pb.start();
		if (!p.waitFor(600, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new IOException("Timed out: " + cmd);
		}
		final String out = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
		assertEquals(1, p.exitValue(), out); // 1: sad/broken.png is not an image (a row with the error)
		assertTrue(out.contains("Results in " + output), out);
		return out;
	}

	private static void assertSameAsOneRun(final Path output) throws IOException {
		assertEquals(ShardFixtures.withoutTimestamps(single.resolve(ClassificationReports.LOG)), ShardFixtures.withoutTimestamps(
			output.resolve(ClassificationReports.LOG)));
		for (final String f : new String[] { ClassificationReports.DISTRIBUTION, ClassificationReports.METRICS, ClassificationReports.SUMMARY })
			assertArrayEquals(Files.readAllBytes(single.resolve(f)), Files.readAllBytes(output.resolve(f)), f);
	}

	@Test
	void sparkSubmitWithTheThinJarAndItsLibraries() throws Exception {
		final Path jar = TARGET.resolve("emotion-tracking-spark-" + System.getProperty("project.version", "0.1.0-SNAPSHOT") + ".jar");
		assertTrue(Files.isRegularFile(jar) && Files.isDirectory(TARGET.resolve("app-lib")), "Run `mvn package` first: no " + jar);
		final String out = submit(jar.toAbsolutePath(), tmp.resolve("thin"));
		assertTrue(out.contains("session started") && out.contains("in 3 partitions") && out.contains("Merged 3 shards"), out);
		assertSameAsOneRun(tmp.resolve("thin"));
	}

	@Test
	void sparkSubmitWithTheSelfContainedJar() throws Exception {
		final Path jar = TARGET.resolve("emotion-tracking-spark-" + System.getProperty("project.version", "0.1.0-SNAPSHOT") +
			"-all.jar");
		assumeTrue(Files.isRegularFile(jar), "no self-contained jar (mvn -Pself-contained package)");
		submit(jar.toAbsolutePath(), tmp.resolve("all"));
		assertSameAsOneRun(tmp.resolve("all"));
	}
}
