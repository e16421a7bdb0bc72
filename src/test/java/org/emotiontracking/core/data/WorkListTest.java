package org.emotiontracking.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The canonical work list: one order everywhere, shards as contiguous slices. */
class WorkListTest {

	@TempDir
	Path root;

	/** Names whose order differs between a walk by bare names, UTF-16 order and code-point order. */
	private static final List<String> TRICKY = Arrays.asList("a.png", "a/x.png", "a-b/y.png", "a/b/c.png", "a0.png", "B.png",
		"b.png", "\u00e9t\u00e9.png", "\uff5a.png", "\ud835\udc9c.png", "z/\ud835\udc9c/1.png", "z/\uff5a/2.png", "10.png", "9.png");

	private void touch(final String relative) throws IOException {
		final Path p = root.resolve(relative);
		Files.createDirectories(p.getParent());
		Files.write(p, new byte[] { 1 });
	}

	@Test
	void recursiveScanIsInByteOrderOfRelativePaths() throws Exception {
		for (final String t : TRICKY) touch(t);
		touch("a/notes.txt");
		final List<String> scanned = new ImageFolderScan(root, true).stream().map(ImageFile::relativePath).collect(Collectors
			.toList());
		// reference 1: every file's relative path, sorted by its UTF-8 bytes (unsigned)
		final List<String> bytes;
		try (Stream<Path> s = Files.walk(root)) {
			bytes = s.filter(Files::isRegularFile).filter(ImageFileTypes::isImage).map(p -> root.relativize(p).toString()
				.replace('\\', '/')).sorted((x, y) -> Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8), y.getBytes(
					StandardCharsets.UTF_8))).collect(Collectors.toList());
		}
		assertEquals(TRICKY.size(), bytes.size());
		assertEquals(bytes, scanned);
		// reference 2: GNU sort in the C locale, as a shell script on a cluster would order them
		final Process sort = new ProcessBuilder("sort").redirectErrorStream(true).start();
		sort.getOutputStream().write(String.join("\n", TRICKY).concat("\n").getBytes(StandardCharsets.UTF_8));
		sort.getOutputStream().close();
		final List<String> gnu = Arrays.asList(new String(sort.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n"));
		assertEquals(0, sort.waitFor());
		assertEquals(gnu, scanned);
		assertTrue(scanned.indexOf("a-b/y.png") < scanned.indexOf("a.png") && scanned.indexOf("a.png") < scanned.indexOf(
			"a/b/c.png"), scanned.toString());
		for (int i = 1; i < scanned.size(); i++) assertTrue(WorkOrder.compare(scanned.get(i - 1), scanned.get(i)) < 0);
	}

	@Test
	void shardsAreContiguousSlicesCoveringEveryItemOnce() {
		for (int total = 0; total <= 40; total++)
			for (int n = 1; n <= 9; n++) {
				final List<Integer> all = new ArrayList<>();
				for (int i = 0; i < total; i++) all.add(i);
				final List<Integer> joined = new ArrayList<>();
				long min = Long.MAX_VALUE, max = 0;
				for (int i = 0; i < n; i++) {
					final Shard s = new Shard(i, n);
					final List<Integer> part = new ArrayList<>();
					s.slice(all.iterator(), total).forEachRemaining(part::add);
					// Spark's ParallelCollectionRDD.positions: ((i * length) / numSlices, ((i + 1) * length) / numSlices)
					assertEquals(all.subList((int) ((long) i * total / n), (int) ((i + 1L) * total / n)), part, s + " of " + total);
					assertEquals(part.size(), s.size(total));
					joined.addAll(part);
					min = Math.min(min, part.size());
					max = Math.max(max, part.size());
				}
				assertEquals(all, joined);
				assertTrue(max - min <= 1);
			}
		assertEquals(3_000_000_000L, new Shard(3, 4).start(4_000_000_000L));
		assertEquals(Long.MAX_VALUE, new Shard(1, 2).end(Long.MAX_VALUE));
	}

	@Test
	void shardKeysAreParsedWithClearErrors() {
		assertEquals(new Shard(2, 8), Shard.parse("2/8"));
		assertEquals(new Shard(0, 1), Shard.parse(" 0 / 1 "));
		assertEquals("3/4", Shard.parse("3/4").toString());
		for (final String bad : new String[] { "4/4", "-1/4", "1/0", "1", "a/b", "/4", "1/4/5", "" }) {
			final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad), bad);
			assertTrue(e.getMessage().contains("shard"), e.getMessage());
		}
	}

	@Test
	void workListShardsAFolderAndResolvesRelativePaths() throws Exception {
		for (int i = 0; i < 10; i++) touch((i % 2 == 0 ? "happy/" : "sad/") + "img" + i + ".png");
		final WorkList all = WorkList.of(root, true, Arrays.asList("happy", "sad"));
		assertEquals(10, all.total());
		final List<String> names = new ArrayList<>();
		all.forEach(f -> names.add(f.relativePath()));
		final List<String> joined = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			final WorkList part = all.shard(new Shard(i, 3));
			assertEquals(10, part.total());
			part.forEach(f -> joined.add(f.relativePath()));
			assertTrue(part.description().endsWith("shard " + i + "/3"), part.description());
		}
		assertEquals(names, joined);
		assertEquals(Arrays.asList(3L, 3L, 4L), Arrays.asList(all.shard(new Shard(0, 3)).size(), all.shard(new Shard(1, 3)).size(),
			all.shard(new Shard(2, 3)).size()));
		final ImageFile f = all.file("sad/img3.png");
		assertEquals(root.resolve("sad").resolve("img3.png"), f.path());
		assertEquals("sad", f.trueLabel().get());
		assertThrows(IllegalArgumentException.class, () -> all.file("../outside.png"));
		final WorkList one = WorkList.of(root.resolve("sad/img3.png"), false, null);
		assertEquals(1, one.total());
		assertEquals(0, one.shard(new Shard(0, 2)).iterator().hasNext() ? 1 : 0);
		assertEquals("img3.png", one.shard(new Shard(1, 2)).iterator().next().relativePath());
	}
}
