package org.emotiontracking.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

	@TempDir
	Path dir;

	private List<String> names() throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}

	@Test
	void writesFileAndLeavesNoTemporaryFile() throws IOException {
		final Path f = dir.resolve("sub/out.csv");
		AtomicFiles.writeString(f, "a,b\n", false);
		assertEquals("a,b\n", Files.readString(f));
		try (Stream<Path> s = Files.list(f.getParent())) {
			assertEquals(1, s.count());
		}
	}

	@Test
	void failureMidwayKeepsOldFileAndCleansUp() throws IOException {
		final Path f = dir.resolve("metrics.csv");
		Files.writeString(f, "old content");
		final IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(f, true, out -> {
			out.write("half of the new con".getBytes(StandardCharsets.UTF_8));
			out.flush();
			throw new IOException("disk full (simulated)");
		}));
		assertEquals("disk full (simulated)", e.getMessage());
		assertEquals("old content", Files.readString(f));
		assertEquals(List.of("metrics.csv"), names());
	}

	@Test
	void runtimeFailureAlsoKeepsOldFile() throws IOException {
		final Path f = dir.resolve("chart.png");
		Files.writeString(f, "old");
		assertThrows(IllegalStateException.class, () -> AtomicFiles.write(f, true, out -> {
			out.write(1);
			throw new IllegalStateException("bug");
		}));
		assertEquals("old", Files.readString(f));
		assertEquals(List.of("chart.png"), names());
	}

	@Test
	void refusesToOverwriteUnlessAllowed() throws IOException {
		final Path f = dir.resolve("predictions.csv");
		Files.writeString(f, "user data");
		final FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
			() -> AtomicFiles.writeString(f, "new", false));
		assertTrue(e.getMessage().contains(f.toAbsolutePath().toString()), e.getMessage());
		assertTrue(e.getMessage().contains("already exists"), e.getMessage());
		assertEquals("user data", Files.readString(f));
		assertEquals(List.of("predictions.csv"), names());

		AtomicFiles.writeString(f, "new", true);
		assertEquals("new", Files.readString(f));
	}

	@Test
	void targetAppearingWhileWritingIsNotOverwrittenAndContentIsKept() throws IOException {
		final Path f = dir.resolve("late.csv");
		final Path temp = AtomicFiles.createTempFor(f);
		Files.writeString(temp, "finished work");
		Files.writeString(f, "someone else's file");
		final FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
			() -> AtomicFiles.moveIntoPlace(temp, f, false));
		assertTrue(e.getMessage().contains(temp.toAbsolutePath().toString()), e.getMessage());
		assertEquals("someone else's file", Files.readString(f));
		assertEquals("finished work", Files.readString(temp));
	}

	@Test
	void writtenFilesGetNormalPermissions() throws IOException {
		final PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
		if (view == null) return; // not a POSIX file system
		final Path plain = Files.createFile(dir.resolve("plain.txt"));
		final Path atomic = dir.resolve("atomic.txt");
		AtomicFiles.writeString(atomic, "x", false);
		assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(atomic));
	}
}
