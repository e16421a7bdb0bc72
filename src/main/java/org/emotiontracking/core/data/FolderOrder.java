package org.emotiontracking.core.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The order in which the entries of a folder are visited so that a depth-first walk yields the
 * files in {@link WorkOrder}: each entry sorts by its name, a folder's name followed by '/'. (In
 * code-point order "a-b/x", "a.png", "a/x" is the order of the full paths; by bare names the
 * folder "a" would come before "a-b".)
 */
final class FolderOrder {

	private FolderOrder() {}

	/** The entries in walk order (one directory check per entry). */
	static List<Path> sorted(final Stream<Path> entries) {
		return entries.map(p -> new SimpleImmutableEntry<>(String.valueOf(p.getFileName())
			+ (Files.isDirectory(p) ? "/" : ""), p)).sorted(Map.Entry.comparingByKey(WorkOrder.RELATIVE_PATHS))
			.map(Map.Entry::getValue).collect(Collectors.toList());
	}
}
