package org.emotiontracking.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.emotiontracking.core.classify.ClassificationReports;
import org.emotiontracking.core.classify.ClassifyFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `classify` as a user runs it: java -jar emotion-tracking.jar classify key=value ... */
class ClassifyCliTest {

	@TempDir
	Path tmp;

	private String out, err;

	private int main(final String... args) {
		final CliRun run = CliRun.of(args);
		out = run.out;
		err = run.err;
		return run.status;
	}

	@Test
	void classifiesAFolderAndExitsOneWhenAFileFails() throws Exception {
		final String model = "model=" + ClassifyFixtures.model();
		final Path in = Files.createDirectories(tmp.resolve("photos"));
		Files.copy(ClassifyFixtures.messiFile(), in.resolve("messi.jpg"));
		final Path outDir = tmp.resolve("results");

		assertEquals(0, main("classify", model, "input=" + in, "output=" + outDir, "margin=0.1"), out + err);
		assertTrue(out.contains("1 image, 1 face classified, 0 without a face, 0 failed"), out);
		assertTrue(out.contains(outDir.toAbsolutePath().toString()) && out.contains(ClassificationReports.LOG), out);
		final List<List<String>> csv = ClassifyFixtures.readCsv(outDir.resolve(ClassificationReports.LOG));
		assertEquals(2, csv.size());
		assertEquals("messi.jpg", csv.get(1).get(1));

		// the same output again: refused, a usage error; nothing changed
		assertEquals(2, main("classify", model, "input=" + in, "output=" + outDir));
		assertTrue(err.contains("already exists") && err.contains(ClassificationReports.LOG), err);

		Files.write(in.resolve("broken.jpg"), "not a picture".getBytes(StandardCharsets.UTF_8));
		assertEquals(1, main("classify", model, "input=" + in, "output=" + outDir, "overwrite=true", "faces=whole"), out + err);
		assertTrue(out.contains("1 failed") && out.contains("broken.jpg"), out);
		final List<List<String>> again = ClassifyFixtures.readCsv(outDir.resolve(ClassificationReports.LOG));
		assertEquals(3, again.size());
		assertTrue(again.get(1).get(again.get(0).indexOf("error")).contains("broken.jpg"), again.toString());
		assertEquals("messi.jpg", again.get(2).get(1));
	}

	@Test
	void missingOrWrongModelsAreNamedWithTheProblem() throws Exception {
		final Path in = ClassifyFixtures.messiFile();
		final Path missing = tmp.resolve("no-such-model.zip");
		int status = main("classify", "model=" + missing, "input=" + in, "output=" + tmp.resolve("a"));
		assertNotEquals(0, status);
		assertTrue(err.contains(missing.toString()) && err.contains("not found"), err);

		final Path text = tmp.resolve("notes.zip");
		Files.write(text, "just text".getBytes(StandardCharsets.UTF_8));
		status = main("classify", "model=" + text, "input=" + in, "output=" + tmp.resolve("b"));
		assertNotEquals(0, status);
		assertTrue(err.contains(text.toString()) && err.contains("not an Emotion Tracking model"), err);
	}

	@Test
	void usageErrorsExitTwo() {
		final String model = "model=" + tmp.resolve("m.zip");
		assertEquals(2, main("classify", model, "input=" + tmp, "output=" + tmp.resolve("o"), "colour=red"));
		assertTrue(err.contains("colour") && err.contains("faces"), err);
		assertEquals(2, main("classify", model, "output=" + tmp.resolve("o")));
		assertTrue(err.contains("input="), err);
		assertEquals(2, main("classify", model, "input=" + tmp.resolve("absent"), "output=" + tmp.resolve("o")));
		assertTrue(err.contains("absent"), err);
		assertEquals(2, main("classify", model, "input=" + tmp, "output=" + tmp.resolve("o"), "faces=some"));
		assertEquals(0, main("classify", "--help"));
		for (final String key : new String[] { "model", "input", "output", "recursive", "faces", "detector", "scale_factor",
			"min_neighbors", "min_face", "detection_size", "margin", "largest", "classes", "overwrite", "batch_size", "max_pixels" })
			assertTrue(out.contains("  " + key + " "), key + " missing in help:\n" + out);
	}
}
