package org.emotiontracking.bench;

import java.util.List;

import org.emotiontracking.core.util.ProgressListener;

/** A benchmark's result lines: kept for the report and logged as they come. */
final class BenchLines {

	private BenchLines() {}

	static void add(final List<String> lines, final ProgressListener log, final String line) {
		lines.add(line);
		log.log(line);
	}
}
