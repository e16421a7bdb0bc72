package org.emotiontracking.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.emotiontracking.core.data.SyntheticFaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged plugin jar, loaded the way Fiji loads it: Fiji's protobuf-java 4.x first on the class
 * path (which breaks an unshaded DJL 0.28 TensorFlow API), no network at all (a network namespace
 * with no interfaces) and an empty native-library cache. Trains a tiny model and classifies with it.
 */
class FijiClassPathIT {

	@TempDir
	Path dir;

	@Test
	void trainsAndClassifiesWithFijisProtobufAndNoNetwork() throws Exception {
		final Path data = dir.resolve("faces");
		new SyntheticFaces(48, 1).writeDataset(data, 4, false, org.emotiontracking.core.util.ProgressListener.SILENT);
		final List<String> offline = PackagedJar.withoutNetwork();
		final List<String> jvm = Arrays.asList("-cp", PackagedJar.fijiClassPath(),
			"-DEMOTION_TRACKING_CACHE=" + dir.resolve("cache"), "-DsocksProxyHost=127.0.0.1", "-DsocksProxyPort=9",
			"-Djava.awt.headless=true");

		final PackagedJar.Run train = PackagedJar.run(offline, jvm, Arrays.asList("org.emotiontracking.cli.Main", "train",
			"dataset=" + data, "output=" + dir.resolve("out"), "weights=none", "epochs=1", "image_size=48", "alpha=0.35",
			"batch_size=8", "gradcam=false"), dir.resolve("train.log"));
		assertEquals(0, train.status, train.toString());
		assertFalse(train.output.contains("NoSuchMethodError"), train.output);
		assertTrue(Files.isRegularFile(dir.resolve("out/emotion_mobilenet_model.zip")), train.output);
		// The natives came from the class path into our empty cache, not from a download.
		assertTrue(Files.isDirectory(dir.resolve("cache/tensorflow")), train.output);
		assertFalse(train.output.contains("Downloading"), train.output);
		// TensorFlow's C++ info and warning lines (CUDA probes, "Reading SavedModel from ...") are quiet.
		assertFalse(train.output.contains("Reading SavedModel") || train.output.contains("cuInit"), train.output);

		// Classification runs on ONNX Runtime, whose natives also come from a jar (no download).
		final PackagedJar.Run classify = PackagedJar.run(offline, jvm, Arrays.asList("org.emotiontracking.cli.Main",
			"classify", "model=" + dir.resolve("out/emotion_mobilenet_model.zip"), "input=" + data, "recursive=true",
			"faces=whole", "output=" + dir.resolve("classified")), dir.resolve("classify.log"));
		assertEquals(0, classify.status, classify.toString());
		assertTrue(classify.output.contains("on ONNX Runtime"), classify.output);
		assertTrue(Files.isRegularFile(dir.resolve("classified/mobilenet_emotion_logs.csv")), classify.output);
		assertFalse(classify.output.contains("Downloading"), classify.output);
	}
}
