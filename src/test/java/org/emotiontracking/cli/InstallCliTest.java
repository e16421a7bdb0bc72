package org.emotiontracking.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.emotiontracking.install.FijiInstaller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code install fiji=} on a Fiji.app made here from the real pom-scijava-managed jars of the test
 * class path: only the libraries Fiji lacks are copied, one Fiji has in another version is reported,
 * an older copy of the plugin is replaced; {@code uninstall} removes exactly what was copied.
 */
class InstallCliTest {

	@TempDir
	Path dir;

	private static Path jar(final String artifact) {
		for (final String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
			final Path p = Paths.get(e);
			final String name = p.getFileName().toString();
			if (name.endsWith(".jar") && name.startsWith(artifact + "-") && Character.isDigit(name.charAt(artifact.length() +
				1))) return p;
		}
		throw new AssertionError("No " + artifact + " jar on the test class path");
	}

	private static String run(final String... args) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		final PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
		final int status = Main.run(args, ps, ps);
		final String text = out.toString(StandardCharsets.UTF_8);
		assertEquals(0, status, text);
		return text;
	}

	@Test
	void copiesOnlyWhatFijiLacksAndUninstallsIt() throws Exception {
		final Path fiji = dir.resolve("Fiji.app"), jars = Files.createDirectories(fiji.resolve("jars")), plugins = Files
			.createDirectories(fiji.resolve("plugins"));
		final Path ij = jar("ij"), scijava = jar("scijava-common"), jfree = jar("jfreechart"), csv = jar("commons-csv"),
			jhdf = jar("jhdf");
		Files.copy(ij, jars.resolve(ij.getFileName()));
		Files.copy(scijava, jars.resolve(scijava.getFileName()));
		Files.copy(jfree, jars.resolve("jfreechart-1.0.19.jar")); // Fiji's in another version
		Files.write(plugins.resolve("Emotion_Tracking-0.0.9.jar"), new byte[] { 1 }); // an older copy of the plugin
		final Path lib = Files.createDirectories(dir.resolve("lib"));
		for (final Path p : Arrays.asList(ij, scijava, jfree, csv, jhdf)) Files.copy(p, lib.resolve(p.getFileName()));
		final Path plugin = dir.resolve("emotion-tracking.jar");
		try (OutputStream o = Files.newOutputStream(plugin); JarOutputStream j = new JarOutputStream(o, new Manifest())) {
			// an empty plugin jar is enough here
		}

		final String out = run("install", "fiji=" + fiji, "plugin=" + plugin, "lib=" + lib);
		assertTrue(Files.isRegularFile(plugins.resolve("emotion-tracking.jar")), out);
		assertFalse(Files.exists(plugins.resolve("Emotion_Tracking-0.0.9.jar")), out);
		assertTrue(Files.isRegularFile(jars.resolve(csv.getFileName())), out);
		assertTrue(Files.isRegularFile(jars.resolve(jhdf.getFileName())), out);
		assertFalse(Files.exists(jars.resolve(jfree.getFileName())), "another version in Fiji: not copied\n" + out);
		assertTrue(out.contains("Fiji has jars/jfreechart-1.0.19.jar; not copying " + jfree.getFileName()), out);
		assertTrue(out.contains("2 libraries copied, 2 already in Fiji, 1 in Fiji in another version"), out);
		try (java.util.stream.Stream<Path> s = Files.list(jars)) {
			assertEquals(5, s.count(), "ij, scijava-common, Fiji's jfreechart, commons-csv, jhdf");
		}
		assertEquals("ij", FijiInstaller.artifact("ij-1.54p.jar"));
		assertEquals("ffmpeg:linux-x86_64", FijiInstaller.artifact("ffmpeg-6.1.1-1.5.10-linux-x86_64.jar"));
		assertEquals("tensorflow-native-cpu:linux-x86_64", FijiInstaller.artifact("tensorflow-native-cpu-2.10.1-linux-x86_64.jar"));

		run("install", "fiji=" + fiji, "plugin=" + plugin, "lib=" + lib); // again: replaces, copies nothing new
		final String removed = run("uninstall", "fiji=" + fiji);
		assertFalse(Files.exists(plugins.resolve("emotion-tracking.jar")), removed);
		assertFalse(Files.exists(jars.resolve(csv.getFileName())), removed);
		assertFalse(Files.exists(jars.resolve(jhdf.getFileName())), removed);
		assertTrue(Files.isRegularFile(jars.resolve(ij.getFileName())), "Fiji's own jars stay");
		assertTrue(Files.isRegularFile(jars.resolve("jfreechart-1.0.19.jar")));
		assertFalse(Files.exists(fiji.resolve(FijiInstaller.MANIFEST)));
	}
}
