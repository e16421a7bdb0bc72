package org.emotiontracking.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.emotiontracking.core.util.AtomicFiles;

/**
 * Installs the plugin into a Fiji.app folder without doubling Fiji's jars: the plugin jar goes to
 * {@code plugins/} (replacing an older copy of this plugin), and of its libraries only those whose
 * artifact (name without version, platform classifier kept) Fiji.app/jars lacks are copied to
 * {@code jars/}; a library Fiji has in another version is reported and not copied. What was copied is
 * listed in {@value #MANIFEST} (paths relative to Fiji.app), which {@link #uninstall} reads to remove
 * exactly those files.
 */
public final class FijiInstaller {

	/** The install manifest, in Fiji.app. */
	public static final String MANIFEST = "emotion-tracking.installed.txt";

	private static final Pattern ARTIFACT = Pattern.compile("^(.+?)-(\\d[^-]*(?:-\\d[^-]*)*)(?:-(.+))?\\.jar$");
	private static final Pattern PLUGIN = Pattern.compile("(?i)^(emotion[-_]tracking).*\\.jar$");

	private FijiInstaller() {}

	/** The artifact key of a jar file name: {@code gson-2.11.0.jar} -> gson; classifier kept: {@code
	 * ffmpeg:linux-x86_64}. */
	public static String artifact(final String fileName) {
		final Matcher m = ARTIFACT.matcher(fileName);
		if (!m.matches()) return fileName.replaceAll("(?i)\\.jar$", "");
		return m.group(3) == null ? m.group(1) : m.group(1) + ":" + m.group(3);
	}

	/**
	 * Installs {@code pluginJar} and the libraries of {@code libDir} into {@code fiji}; returns what it
	 * did, one line each.
	 */
	public static List<String> install(final Path fiji, final Path pluginJar, final Path libDir) throws IOException {
		final Path jars = fiji.resolve("jars"), plugins = fiji.resolve("plugins");
		if (!Files.isDirectory(jars) || !Files.isDirectory(plugins)) throw new IllegalArgumentException(
			"Not a Fiji.app folder " + "(no jars/ and plugins/): " + fiji);
		if (!Files.isRegularFile(pluginJar)) throw new IllegalArgumentException("Plugin jar not found: " + pluginJar);
		final List<String> report = new ArrayList<>();
		final List<String> installed = new ArrayList<>(readManifest(fiji));
		// an older copy of this plugin
		try (Stream<Path> s = Files.list(plugins)) {
			for (final Path old : s.filter(p -> PLUGIN.matcher(p.getFileName().toString()).matches()).collect(Collectors
				.toList()))
			{
				Files.delete(old);
				installed.remove(fiji.relativize(old).toString());
				report.add("Removed older plugin " + fiji.relativize(old));
			}
		}
		final Path target = plugins.resolve(pluginJar.getFileName());
		copy(pluginJar, target);
		installed.add(fiji.relativize(target).toString());
		report.add("Installed plugin " + fiji.relativize(target));

		final Map<String, Path> fijiHas = new HashMap<>();
		try (Stream<Path> s = Files.walk(jars)) {
			s.filter(p -> p.getFileName().toString().endsWith(".jar")).forEach(p -> fijiHas.put(artifact(p.getFileName()
				.toString()), p));
		}
		final List<Path> libs;
		try (Stream<Path> s = Files.list(libDir)) {
			libs = s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().collect(Collectors.toList());
		}
		int copied = 0, present = 0, other = 0;
		for (final Path lib : libs) {
			final String name = lib.getFileName().toString();
			final Path has = fijiHas.get(artifact(name));
			if (has == null) {
				final Path to = jars.resolve(name);
				copy(lib, to);
				installed.add(fiji.relativize(to).toString());
				report.add("Copied " + fiji.relativize(to));
				copied++;
			}
			else if (has.getFileName().toString().equals(name)) present++;
			else {
				report.add("Fiji has " + fiji.relativize(has) + "; not copying " + name);
				other++;
			}
		}
		report.add(String.format(Locale.ROOT, "%d librar%s copied, %d already in Fiji, %d in Fiji in another version",
			copied, copied == 1 ? "y" : "ies", present, other));
		AtomicFiles.writeString(fiji.resolve(MANIFEST), String.join("\n", installed.stream().distinct()
			.collect(Collectors.toList())) + "\n", true);
		return report;
	}

	/** Removes what {@link #install} copied (as listed in the manifest) and the manifest; returns what it did. */
	public static List<String> uninstall(final Path fiji) throws IOException {
		final Path manifest = fiji.resolve(MANIFEST);
		if (!Files.isRegularFile(manifest)) throw new IllegalArgumentException("Nothing to uninstall: no " + MANIFEST +
			" in " + fiji);
		final List<String> report = new ArrayList<>();
		for (final String rel : readManifest(fiji)) {
			final Path p = fiji.resolve(rel).normalize();
			if (!p.startsWith(fiji.normalize())) continue; // never outside Fiji.app
			if (Files.deleteIfExists(p)) report.add("Removed " + rel);
		}
		Files.delete(manifest);
		report.add("Removed " + MANIFEST);
		return report;
	}

	private static List<String> readManifest(final Path fiji) throws IOException {
		final Path manifest = fiji.resolve(MANIFEST);
		if (!Files.isRegularFile(manifest)) return new ArrayList<>();
		return Files.readAllLines(manifest, StandardCharsets.UTF_8).stream().map(String::trim).filter(l -> !l.isEmpty())
			.collect(Collectors.toList());
	}

	private static void copy(final Path from, final Path to) throws IOException {
		AtomicFiles.write(to, true, out -> Files.copy(from, out));
	}
}
