package org.emotiontracking.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;

/** What the benchmarks report beside their figures: this process's CPU time and the machine's load. */
final class ProcessStats {

	private ProcessStats() {}

	/** CPU time of the whole process (all threads, including TensorFlow's and OpenCV's), or 0 if unknown. */
	static long cpuNanos() {
		final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
		// the JDK's extension of the standard bean (same simple name) has the process CPU time
		if (!(os instanceof com.sun.management.OperatingSystemMXBean)) return 0;
		return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
	}

	/** The one-minute load average (/proc/loadavg), or "unknown". */
	static String loadAverage() {
		try {
			return new String(Files.readAllBytes(Paths.get("/proc/loadavg")), StandardCharsets.US_ASCII)
				.trim().split("\\s+")[0];
		}
		catch (final IOException | RuntimeException e) {
			return "unknown";
		}
	}
}
