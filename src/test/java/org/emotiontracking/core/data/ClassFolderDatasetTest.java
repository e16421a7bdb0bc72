package org.emotiontracking.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassFolderDatasetTest {

	@TempDir
	Path root;

	private void touch(final String relative) throws IOException {
		final Path p = root.resolve(relative);
		Files.createDirectories(p.getParent());
		Files.write(p, new byte[] { 1 });
	}

	@Test
	void scansClassesInSortedOrderAndCountsOtherFiles() throws Exception {
		touch("sad/b.png");
		touch("sad/a.JPG");
		touch("Happy/x.jpeg");
		touch("Happy/sub/y.TIF");
		touch("Happy/readme.txt");
		touch("Happy/.hidden.jpg");
		touch("Happy/.DS_Store");
		touch("angry/1.bmp");
		touch("angry/2.tiff");
		touch("labels.csv");
		touch(".git/config");
		final ClassFolderDataset ds = ClassFolderDataset.scan(root);
		assertEquals(Arrays.asList("Happy", "angry", "sad"), ds.classNames());
		assertEquals(6, ds.samples().size());
		assertArrayEquals(new int[] { 2, 2, 2 }, ds.countsPerClass());
		assertEquals(2, ds.ignoredFileCount()); // readme.txt, labels.csv
		assertEquals(root.resolve("Happy/sub/y.TIF"), ds.samples().get(0).path()); // "sub" sorts before "x.jpeg"
		assertEquals(root.resolve("Happy/x.jpeg"), ds.samples().get(1).path());
		assertEquals(root.resolve("sad/a.JPG"), ds.samples().get(4).path());
		assertEquals(2, ds.samples().get(4).classIndex());
	}

	@Test
	void userGivenClassOrder() throws Exception {
		for (final String c : new String[] { "happy", "sad", "extra" }) {
			touch(c + "/1.png");
			touch(c + "/2.png");
		}
		final ClassFolderDataset ds = ClassFolderDataset.scan(root, Arrays.asList("sad", "happy"));
		assertEquals(Arrays.asList("sad", "happy"), ds.classNames());
		assertEquals(0, ds.samples().get(0).classIndex());
		assertEquals(root.resolve("sad/1.png"), ds.samples().get(0).path());
		assertEquals(Collections.singletonList("extra"), ds.unusedFolders());
	}

	@Test
	void givenClassWithoutFolderIsNamed() throws Exception {
		touch("happy/1.png");
		touch("happy/2.png");
		final DatasetException e = assertThrows(DatasetException.class,
			() -> ClassFolderDataset.scan(root, Arrays.asList("happy", "disgust")));
		assertTrue(e.getMessage().contains("'disgust'"), e.getMessage());
		assertThrows(DatasetException.class, () -> ClassFolderDataset.scan(root, Arrays.asList("happy", "happy")));
	}

	@Test
	void noClassFolders() throws Exception {
		touch("a.png");
		touch("b.png");
		final DatasetException e = assertThrows(DatasetException.class, () -> ClassFolderDataset.scan(root));
		assertTrue(e.getMessage().startsWith("No class folders"), e.getMessage());
		assertThrows(DatasetException.class, () -> ClassFolderDataset.scan(root.resolve("missing")));
	}

	@Test
	void classesWithTooFewImagesAreNamedWithCounts() throws Exception {
		touch("happy/1.png");
		touch("happy/2.png");
		touch("fear/1.png");
		touch("fear/notes.txt");
		Files.createDirectories(root.resolve("disgust"));
		final DatasetException e = assertThrows(DatasetException.class, () -> ClassFolderDataset.scan(root));
		assertTrue(e.getMessage().contains("'disgust' has 0 images"), e.getMessage());
		assertTrue(e.getMessage().contains("'fear' has 1 image"), e.getMessage());
		assertTrue(!e.getMessage().contains("happy"), e.getMessage());
	}
}
