package org.emotiontracking.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderScanTest {

	@TempDir
	Path root;

	private void touch(final String relative) throws IOException {
		final Path p = root.resolve(relative);
		Files.createDirectories(p.getParent());
		Files.write(p, new byte[] { 1 });
	}

	@Test
	void flatScanIsSortedAndSkipsOthers() throws Exception {
		touch("c.png");
		touch("a.JPG");
		touch("b.txt");
		touch(".hidden.png");
		touch("sub/z.png");
		final List<String> names = new ImageFolderScan(root, false).stream().map(ImageFile::relativePath).collect(Collectors.toList());
		assertEquals(Arrays.asList("a.JPG", "c.png"), names);
	}

	@Test
	void recursiveScanWithTrueLabels() throws Exception {
		touch("Happy/2.png");
		touch("Happy/1.png");
		touch("happy_old/x.png");
		touch("sad/deep/d.bmp");
		touch("top.jpg");
		touch(".cache/h.png");
		final List<ImageFile> files = new ImageFolderScan(root, true, Arrays.asList("happy", "sad")).stream().collect(Collectors.toList());
		assertEquals(Arrays.asList("Happy/1.png", "Happy/2.png", "happy_old/x.png", "sad/deep/d.bmp", "top.jpg"),
			files.stream().map(ImageFile::relativePath).collect(Collectors.toList()));
		assertEquals("happy", files.get(0).trueLabel().get()); // letter case ignored, class spelling returned
		assertFalse(files.get(2).trueLabel().isPresent());
		assertEquals("sad", files.get(3).trueLabel().get());
		assertFalse(files.get(4).trueLabel().isPresent());
		assertEquals(root.resolve("sad/deep/d.bmp"), files.get(3).path());
	}

	@Test
	void scalesLazilyToManyFiles() throws Exception {
		final int n = 3000;
		for (int i = 0; i < n; i++) touch(String.format("f%02d/img%05d.png", i % 30, i));
		final Iterator<ImageFile> it = new ImageFolderScan(root, true).iterator();
		int count = 0;
		String previous = "";
		while (it.hasNext()) {
			final String rel = it.next().relativePath();
			if (count > 0) assertEquals(1, Integer.signum(rel.compareTo(previous)), rel + " after " + previous);
			previous = rel;
			count++;
		}
		assertEquals(n, count);
		assertEquals(5, new ImageFolderScan(root, true).stream().limit(5).count());
	}
}
