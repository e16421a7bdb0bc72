package org.emotiontracking.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.emotiontracking.core.data.SyntheticFaces;
import org.emotiontracking.core.util.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plain ImageJ 1.x as users run it: {@code ij.jar -batch macro.ijm} with {@code -Dplugins.dir} at the
 * packaged drop-in folder target/imagej (plugins/emotion-tracking.jar, its libraries in plugins/jars/,
 * loaded by ImageJ's own plugin class loader), under Xvfb because ImageJ 1.x builds AWT menus, and
 * without network. The macro trains through the plugins.config entry, saves the Training History
 * table with saveAs("Results", ...), then calls the command with a missing dataset, which must report
 * the problem and abort the macro. Needs {@code mvn package} first.
 */
class ImageJ1MacroIT {

	@TempDir
	Path dir;

	@Test
	void trainsFromAnImageJ1Macro() throws Exception {
		final Path ij = PackagedJar.TARGET.resolve("lib/ij-1.54p.jar");
		assertTrue(Files.isRegularFile(ij), "Run `mvn package` first: no " + ij);
		assertTrue(Files.isRegularFile(PackagedJar.TARGET.resolve("imagej/plugins/Emotion_Tracking.jar")));
		assertTrue(xvfbAvailable(), "xvfb-run is needed (Debian package xvfb; .ci/run installs it)");

		final Path data = dir.resolve("my faces"); // a space: the macro must bracket the value
		new SyntheticFaces(48, 1).writeDataset(data, 4, false, ProgressListener.SILENT);
		final Path out = dir.resolve("model out");
		final Path saved = dir.resolve("history from table.csv");
		final Path macro = dir.resolve("train.ijm");
		Files.write(macro, Arrays.asList(
			"run(\"Train Emotion Model\", \"dataset=[" + data + "] output=[" + out + "] weights=none epochs=1" +
				" image_size=48 alpha=0.35 batch_size=8 gradcam=false augment\");",
			"selectWindow(\"Training History\");",
			"saveAs(\"Results\", \"" + saved + "\");",
			"IJ.log(\"model saved: \" + File.exists(\"" + out.resolve("emotion_mobilenet_model.zip") + "\"));",
			"run(\"Train Emotion Model\", \"dataset=[" + dir.resolve("missing") + "] output=[" + dir.resolve("out2") +
				"] weights=none\");",
			"IJ.log(\"not reached\");"), StandardCharsets.UTF_8);

		final List<String> prefix = new ArrayList<>(PackagedJar.withoutNetwork());
		prefix.addAll(Arrays.asList("xvfb-run", "-a"));
		final List<String> jvm = Arrays.asList("-Dplugins.dir=" + PackagedJar.TARGET.resolve("imagej").toAbsolutePath(),
			"-DEMOTION_TRACKING_CACHE=" + dir.resolve("cache"), "-Duser.home=" + dir.resolve("home"), "-Xmx2g",
			"-DsocksProxyHost=127.0.0.1", "-DsocksProxyPort=9");
		final List<String> cmd = new ArrayList<>(prefix);
		cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
		cmd.addAll(jvm);
		cmd.addAll(Arrays.asList("-jar", ij.toAbsolutePath().toString(), "-batch", macro.toString()));
		final String log = run(cmd, dir.resolve("imagej.log"));
		assertTrue(log.contains("Epoch 1/1: loss"), log);
		assertTrue(log.contains("Validation accuracy"), log);
		assertTrue(log.contains("model saved: 1"), log);
		assertTrue(Files.isRegularFile(out.resolve("training_history.csv")), log);
		assertTrue(log.contains("Train Emotion Model failed: "), log);
		assertFalse(log.contains("not reached"), "a failed command aborts the macro:\n" + log);
		assertFalse(log.contains("Exception"), log);
		assertFalse(Files.exists(dir.resolve("out2/emotion_mobilenet_model.zip")));

		final List<String> table = Files.readAllLines(saved, StandardCharsets.UTF_8);
		final List<String> history = Files.readAllLines(out.resolve("training_history.csv"), StandardCharsets.UTF_8);
		assertEquals("epoch,loss,accuracy,val_loss,val_accuracy,seconds", table.get(0), table.toString());
		assertEquals(history.size(), table.size(), "one row per epoch:\n" + table + "\n" + history);
		assertTrue(table.get(1).startsWith("1,"), table.toString());
	}

	/**
	 * Runs a command, returns its output. On a time-out (e.g. ImageJ waiting in an error dialog) the
	 * whole process tree is killed (xvfb-run leaves Xvfb and java behind otherwise) and the test fails.
	 */
	static String run(final List<String> cmd, final Path log) throws IOException, InterruptedException {
		final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!p.waitFor(600, TimeUnit.SECONDS)) {
			p.descendants().forEach(ProcessHandle::destroyForcibly);
			p.destroyForcibly();
			fail("Timed out (an ImageJ error dialog?):\n" + new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
		}
		return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
	}

	static boolean xvfbAvailable() throws InterruptedException {
		try {
			final Process p = new ProcessBuilder("xvfb-run", "--help").redirectErrorStream(true).start();
			p.getInputStream().readAllBytes();
			return p.waitFor(30, TimeUnit.SECONDS);
		}
		catch (final IOException e) {
			return false;
		}
	}
}
