package org.emotiontracking.core.detect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.emotiontracking.core.engine.TensorFlowNatives;

/**
 * Finds a detector model that the build puts into the jar (fetched from npm), without any network:
 * the jar first, then a {@code models/} folder (working directory, then the ImageJ/Fiji folder), then
 * {@code models/} in the plugin's cache folder ({@code ~/.emotion-tracking}, or
 * {@code EMOTION_TRACKING_CACHE}).
 */
final class BundledModels {

	static final String RESOURCE_DIR = "/org/emotiontracking/core/detect/";
	/** Where the BlazeFace files come from, for messages. */
	static final String BLAZEFACE_SOURCE = "npm package @mediapipe/face_detection@0.4.1657300184";

	private BundledModels() {}

	/** The folders searched after the jar, in order. */
	static List<Path> folders() {
		final Set<Path> folders = new LinkedHashSet<>();
		folders.add(Paths.get("models").toAbsolutePath());
		for (final String key : new String[] { "imagej.dir", "fiji.dir", "ij.dir" }) {
			final String dir = System.getProperty(key);
			if (dir != null && !dir.isEmpty()) folders.add(Paths.get(dir, "models").toAbsolutePath());
		}
		folders.add(TensorFlowNatives.cacheRoot().resolve("models").toAbsolutePath());
		return new ArrayList<>(folders);
	}

	/**
	 * The bytes of {@code fileName} from the jar or the first folder holding it.
	 *
	 * @throws DetectorLoadException in one line naming the file, the folders and where it comes from
	 */
	static byte[] read(final String fileName, final String source,
		final List<Path> folders) throws DetectorLoadException {
		try (InputStream in = BundledModels.class.getResourceAsStream(RESOURCE_DIR + fileName)) {
			if (in != null) return in.readAllBytes();
		}
		catch (final IOException e) {
			throw new DetectorLoadException("Cannot read " + fileName + " from the plugin jar: " + e, e);
		}
		final List<String> tried = new ArrayList<>();
		for (final Path folder : folders) {
			final Path file = folder.resolve(fileName);
			if (Files.isRegularFile(file)) {
				try {
					return Files.readAllBytes(file);
				}
				catch (final IOException e) {
					throw new DetectorLoadException("Cannot read " + file + ": " + e, e);
				}
			}
			tried.add(folder.toString());
		}
		throw new DetectorLoadException(fileName + " is not in the plugin jar (built without npm): put it (from the "
			+ source + ") into " + String.join(" or ", tried) + ", or use detector=haar");
	}
}
