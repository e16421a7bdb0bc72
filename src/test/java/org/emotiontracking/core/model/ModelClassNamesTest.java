package org.emotiontracking.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.emotiontracking.core.util.FileTrees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model's class names without loading it (what a dialog lists as Grad-CAM targets). */
class ModelClassNamesTest {

	@TempDir
	Path dir;

	@Test
	void readsArchivesFoldersKerasFilesAndTheBuiltinModel() throws Exception {
		final Path zip = TestModels.randomArchive(dir.resolve("m.zip"), TestModels.metadata(0.35, 32, "happy", "neutral",
			"sad"), 1);
		assertEquals(List.of("happy", "neutral", "sad"), ModelClassNames.of(zip, null));
		final Path folder = Files.createDirectories(dir.resolve("unpacked"));
		try (java.io.InputStream in = Files.newInputStream(zip)) {
			FileTrees.unzip(in, folder);
		}
		assertEquals(List.of("happy", "neutral", "sad"), ModelClassNames.of(folder, List.of("ignored")));
		assertEquals(BuiltinModel.CLASSES, ModelClassNames.of(null, null));
		assertEquals(BuiltinModel.CLASSES, ModelClassNames.of(Paths.get("builtin"), null));
		final Path h5 = Files.write(dir.resolve("notebook.h5"), new byte[] { 1 });
		assertEquals(ModelMetadata.NOTEBOOK_CLASSES, ModelClassNames.of(h5, List.of()));
		assertEquals(List.of("a", "b"), ModelClassNames.of(h5, List.of("a", "b")));
	}

	@Test
	void namesTheFileWhenItIsNoModel() throws Exception {
		final Path missing = dir.resolve("missing.zip");
		assertTrue(assertThrows(IOException.class, () -> ModelClassNames.of(missing, null)).getMessage().contains(missing
			.toString()));
		final Path text = Files.write(dir.resolve("notes.zip"), "not a zip".getBytes());
		assertTrue(assertThrows(IOException.class, () -> ModelClassNames.of(text, null)).getMessage().contains(text
			.toString()));
		final Path empty = Files.createDirectories(dir.resolve("empty folder"));
		assertTrue(assertThrows(IOException.class, () -> ModelClassNames.of(empty, null)).getMessage().contains(
			ModelArchive.METADATA));
	}
}
