package org.emotiontracking.core.data;

import java.nio.file.Path;
import java.util.Comparator;

/** The deterministic order in which folder entries are visited: by file name, code-point order. */
final class FolderOrder {

	private FolderOrder() {}

	static final Comparator<Path> BY_NAME = Comparator.comparing(p -> String.valueOf(p.getFileName()));
}
