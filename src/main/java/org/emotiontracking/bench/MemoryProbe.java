package org.emotiontracking.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;

/** Peak resident memory of this process (Linux /proc; includes TensorFlow's native memory). */
public final class MemoryProbe {

	private MemoryProbe() {}

	/** Peak resident set size in MiB, or -1 where /proc is not available. */
	public static long peakResidentMiB() {
		return statusField("VmHWM:");
	}

	/** Current resident set size in MiB, or -1. */
	public static long residentMiB() {
		return statusField("VmRSS:");
	}

	private static long statusField(final String field) {
		try {
			for (final String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
				if (line.startsWith(field)) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
			}
		}
		catch (final IOException | NumberFormatException e) {
			// not Linux
		}
		return -1;
	}
}
