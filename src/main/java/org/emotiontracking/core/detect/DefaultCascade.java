package org.emotiontracking.core.detect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds OpenCV's {@value #FILE_NAME} without any network access, in this order:
 * <ol>
 * <li>inside the plugin jar (extracted at build time from the bytedeco OpenCV jar), copied to a
 * temporary file once per JVM because OpenCV needs a file path;</li>
 * <li>a {@code models/} folder in the working directory, or in the ImageJ/Fiji folder (system
 * properties {@code imagej.dir}, {@code fiji.dir}, {@code ij.dir});</li>
 * <li>{@code /usr/share/opencv4/haarcascades/} and {@code /usr/share/opencv/haarcascades/}
 * (Debian's opencv-data package).</li>
 * </ol>
 */
public final class DefaultCascade {

	/** The notebook's face cascade. */
	public static final String FILE_NAME = "haarcascade_frontalface_default.xml";

	static final String RESOURCE = "/org/emotiontracking/core/detect/" + FILE_NAME;

	private static Path extracted;

	private DefaultCascade() {}

	/**
	 * The path of a readable default cascade file.
	 *
	 * @throws DetectorLoadException listing every place tried, if none holds it
	 */
	public static Path locate() throws DetectorLoadException {
		return locate(RESOURCE, fallbackFolders());
	}

	/** The folders searched after the jar, in order. */
	public static List<Path> fallbackFolders() {
		final Set<Path> folders = new LinkedHashSet<>();
		folders.add(Paths.get("models").toAbsolutePath());
		for (final String key : new String[] { "imagej.dir", "fiji.dir", "ij.dir" }) {
			final String dir = System.getProperty(key);
			if (dir != null && !dir.isEmpty()) folders.add(Paths.get(dir, "models").toAbsolutePath());
		}
		folders.add(Paths.get("/usr/share/opencv4/haarcascades"));
		folders.add(Paths.get("/usr/share/opencv/haarcascades"));
		return new ArrayList<>(folders);
	}

	/** {@link #locate()} with a given class-path resource and folders (for tests). */
	static Path locate(final String resource, final List<Path> folders) throws DetectorLoadException {
		final List<String> tried = new ArrayList<>();
		final Path fromJar = fromClassPath(resource);
		if (fromJar != null) return fromJar;
		tried.add("class path resource " + resource);
		for (final Path folder : folders) {
			final Path file = folder.resolve(FILE_NAME);
			if (Files.isRegularFile(file) && Files.isReadable(file)) return file;
			tried.add(file.toString());
		}
		throw new DetectorLoadException("Cannot find the face cascade " + FILE_NAME + "; looked in:\n  "
			+ String.join("\n  ", tried) + "\nPut the file into a 'models' folder or choose a detector model file.");
	}

	private static synchronized Path fromClassPath(final String resource) throws DetectorLoadException {
		if (RESOURCE.equals(resource) && extracted != null && Files.isRegularFile(extracted)) return extracted;
		try (InputStream in = DefaultCascade.class.getResourceAsStream(resource)) {
			if (in == null) return null;
			// A private folder keeps the cascade's own name, which logs and descriptions show.
			final Path dir = Files.createTempDirectory("emotiontracking-cascade");
			final Path tmp = dir.resolve(FILE_NAME);
			dir.toFile().deleteOnExit();
			tmp.toFile().deleteOnExit();
			Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
			if (RESOURCE.equals(resource)) extracted = tmp;
			return tmp;
		}
		catch (final IOException e) {
			throw new DetectorLoadException("Cannot copy the face cascade " + resource + " to a temporary file: " + e,
				e);
		}
	}
}
