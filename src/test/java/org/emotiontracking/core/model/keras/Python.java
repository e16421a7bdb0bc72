package org.emotiontracking.core.model.keras;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's python3 with NumPy and h5py (apt-get install python3-h5py python3-numpy) for tests:
 * the Keras reference script and Keras-exact .h5 encodings. {@link #available()} is false when no
 * such interpreter exists, so tests can be skipped.
 */
public final class Python {

	/** src/test/python/keras_reference.py, relative to the project folder (Maven's working directory). */
	public static final Path KERAS_REFERENCE = Paths.get("src", "test", "python", "keras_reference.py");

	private static String interpreter;
	private static boolean searched;

	private Python() {}

	/** /usr/bin/python3 (Debian's) if it has h5py and NumPy, else python3 on the PATH if it does, else null. */
	public static synchronized String interpreter() {
		if (!searched) {
			searched = true;
			for (final String p : new String[] { "/usr/bin/python3", "python3" }) {
				try {
					final Process pr = new ProcessBuilder(p, "-c", "import h5py, numpy").redirectErrorStream(true).start();
					pr.getInputStream().readAllBytes();
					if (pr.waitFor(60, TimeUnit.SECONDS) && pr.exitValue() == 0) {
						interpreter = p;
						break;
					}
				}
				catch (final IOException | InterruptedException e) {
					// try the next one
				}
			}
		}
		return interpreter;
	}

	public static boolean available() {
		return interpreter() != null;
	}

	/** Runs python with these arguments; returns stdout; throws with stdout and stderr on failure. */
	public static String run(final String... args) throws IOException, InterruptedException {
		final List<String> cmd = new ArrayList<>();
		cmd.add(interpreter());
		cmd.addAll(Arrays.asList(args));
		final Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
		final byte[][] err = new byte[1][];
		final Thread t = new Thread(() -> {
			try {
				err[0] = p.getErrorStream().readAllBytes();
			}
			catch (final IOException e) {
				err[0] = new byte[0];
			}
		});
		t.start();
		final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!p.waitFor(300, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new IOException("timed out: " + cmd);
		}
		t.join();
		if (p.exitValue() != 0) throw new IOException(cmd + " failed (" + p.exitValue() + "):\n" + out +
			new String(err[0], StandardCharsets.UTF_8));
		return out;
	}
}
