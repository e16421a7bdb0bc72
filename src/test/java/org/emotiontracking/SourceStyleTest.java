package org.emotiontracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The build's line-length check: no line of a .java file under src/main/java is longer than
 * {@value #MAX_COLUMNS} columns, counting a tab as {@value #TAB_COLUMNS} columns (the tab width the
 * code is read with). A failure names every offending file:line and its width.
 */
class SourceStyleTest {

	static final int MAX_COLUMNS = 120;
	static final int TAB_COLUMNS = 4;

	/** Columns a line takes on screen: a tab counts as {@value #TAB_COLUMNS}, any other character as one. */
	static int columns(final String line) {
		int n = 0;
		for (int i = 0; i < line.length(); i++) n += line.charAt(i) == '\t' ? TAB_COLUMNS : 1;
		return n;
	}

	@Test
	void tabCountsAsFourColumns() {
		assertEquals(3 * TAB_COLUMNS + 2, columns("\t\t\tab"));
		final String code = String.join("", Collections.nCopies(MAX_COLUMNS - 2, "x"));
		assertTrue(columns(code) <= MAX_COLUMNS);
		assertTrue(columns("\t" + code) > MAX_COLUMNS, "a tab-indented line can exceed the limit");
	}

	@Test
	void noMainSourceLineIsLongerThan120Columns() throws IOException {
		final Path root = Paths.get("src", "main", "java");
		assertTrue(Files.isDirectory(root), "run from the project folder: " + root.toAbsolutePath());
		final List<Path> files;
		try (Stream<Path> walk = Files.walk(root)) {
			files = walk.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
		}
		assertTrue(files.size() > 50, "found only " + files.size() + " source files under " + root);
		final List<String> tooLong = new ArrayList<>();
		for (final Path f : files) {
			final List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
			for (int i = 0; i < lines.size(); i++) {
				final int w = columns(lines.get(i));
				if (w > MAX_COLUMNS) tooLong.add(root.relativize(f) + ":" + (i + 1) + " (" + w + " columns)");
			}
		}
		assertTrue(tooLong.isEmpty(), tooLong.size() + " lines are longer than " + MAX_COLUMNS
			+ " columns (a tab counts as " + TAB_COLUMNS + "):\n  " + String.join("\n  ", tooLong));
	}
}
