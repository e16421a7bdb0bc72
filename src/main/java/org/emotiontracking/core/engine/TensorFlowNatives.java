package org.emotiontracking.core.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

import org.emotiontracking.core.util.FileTrees;

/**
 * Finds TensorFlow's native libraries without any network: they ship inside the
 * {@code tensorflow-native-cpu} jar on the class path (native/lib/*). DJL would ignore them on a CPU
 * machine (their properties name a CUDA classifier) and try to download; instead we extract them
 * once into a versioned cache folder and point {@code TENSORFLOW_LIBRARY_PATH} at it.
 */
public final class TensorFlowNatives {

	static final String RESOURCE_DIR = "native/lib/";
	static final String PROPERTIES = RESOURCE_DIR + "tensorflow.properties";
	private static final String COMPLETE_MARKER = ".complete";

	private TensorFlowNatives() {}

	/** The cache root: system property / environment EMOTION_TRACKING_CACHE, else ~/.emotion-tracking. */
	public static Path cacheRoot() {
		String dir = System.getProperty("EMOTION_TRACKING_CACHE");
		if (dir == null) dir = System.getenv("EMOTION_TRACKING_CACHE");
		return dir != null ? Paths.get(dir) : Paths.get(System.getProperty("user.home"), ".emotion-tracking");
	}

	/**
	 * A folder holding libjnitensorflow and its companions: an existing TENSORFLOW_LIBRARY_PATH if it
	 * has them, else the libraries extracted from the class path (once; later calls reuse them).
	 */
	public static Path libraryFolder(final ClassLoader loader) throws IOException {
		final String jni = System.mapLibraryName("jnitensorflow");
		for (final String given : new String[] { System.getProperty("TENSORFLOW_LIBRARY_PATH"),
			System.getenv("TENSORFLOW_LIBRARY_PATH") })
		{
			if (given != null && Files.isRegularFile(Paths.get(given).resolve(jni))) return Paths.get(given);
		}
		final Properties props = new Properties();
		try (InputStream in = loader.getResourceAsStream(PROPERTIES)) {
			if (in == null) throw new IOException("TensorFlow's native libraries are not on the class path (no " +
				PROPERTIES + "). Put the ai.djl.tensorflow:tensorflow-native-cpu 2.10.1 jar for your platform (" +
				System.getProperty("os.name") + " " + System.getProperty("os.arch") +
				") beside the plugin, or set TENSORFLOW_LIBRARY_PATH to a folder holding " + jni + ".");
			props.load(in);
		}
		final String version = props.getProperty("version", "unknown");
		final String[] libraries = props.getProperty("libraries", "").split(",");
		final Path target = cacheRoot().resolve("tensorflow").resolve(version + "-" + platform());
		if (Files.exists(target.resolve(COMPLETE_MARKER))) return target;
		extract(loader, libraries, target);
		return target;
	}

	static String platform() {
		final String os = System.getProperty("os.name").toLowerCase();
		final String name = os.contains("win") ? "win" : os.contains("mac") ? "osx" : "linux";
		return name + "-" + System.getProperty("os.arch");
	}

	private static void extract(final ClassLoader loader, final String[] libraries, final Path target)
		throws IOException
	{
		Files.createDirectories(target.getParent());
		final Path tmp = Files.createTempDirectory(target.getParent(), "extract");
		try {
			for (final String lib : libraries) {
				final String name = lib.trim();
				if (name.isEmpty()) continue;
				try (InputStream in = loader.getResourceAsStream(RESOURCE_DIR + name)) {
					if (in == null) throw new IOException("Missing native library in the class path: " + RESOURCE_DIR
						+ name);
					Files.copy(in, tmp.resolve(name), StandardCopyOption.REPLACE_EXISTING);
				}
			}
			Files.createFile(tmp.resolve(COMPLETE_MARKER));
			try {
				Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (final AtomicMoveNotSupportedException | FileAlreadyExistsException
				| DirectoryNotEmptyException e)
			{
				// Another process finished first, or the file system cannot move atomically.
				if (!Files.exists(target.resolve(COMPLETE_MARKER))) {
					FileTrees.delete(target);
					Files.move(tmp, target);
				}
			}
		}
		finally {
			FileTrees.deleteQuietly(tmp);
		}
	}
}
