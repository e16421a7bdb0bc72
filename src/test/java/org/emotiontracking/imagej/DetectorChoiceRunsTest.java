package org.emotiontracking.imagej;

import static org.emotiontracking.imagej.ClassifyEmotionsCommandTest.failure;
import static org.emotiontracking.imagej.ClassifyEmotionsCommandTest.log;
import static org.emotiontracking.imagej.ClassifyEmotionsCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.measure.ResultsTable;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.emotiontracking.core.classify.ClassifyFixtures;
import org.emotiontracking.core.detect.DefaultCascade;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.module.Module;
import org.scijava.prefs.PrefService;

/**
 * detector= as SciJava's dialog sets it and as macros have always given it, in real runs on a photo:
 * a built-in name, a path (the macro key, unchanged), and "file (below)" with the detector_file input
 * (what Fiji records from its dialog) find the same faces; "file (below)" without a file says so.
 */
class DetectorChoiceRunsTest extends SciJavaCommandTest {

	@TempDir
	static Path dir;
	private static Path cascade;

	@BeforeAll
	static void copyCascade() throws Exception {
		cascade = dir.resolve("my cascade.xml"); // a path with a space, as users have
		try (InputStream in = DefaultCascade.class.getResourceAsStream("/org/emotiontracking/core/detect/"
			+ DefaultCascade.FILE_NAME)) {
			Files.copy(in, cascade);
		}
	}

	private Path photos;

	/** Nothing of these runs is remembered for the next test class ("file (below)" without a file, a bad path). */
	@AfterEach
	void forgetTheValues() {
		for (final Class<?> c : List.of(ClassifyEmotionsCommand.class, GradCamOverlayCommand.class))
			ClassifyEmotionsCommandTest.context.service(PrefService.class).clear(c);
	}

	@BeforeEach
	void photos() throws Exception {
		photos = Files.createDirectories(dir.resolve("photos"));
		if (!Files.exists(photos.resolve("messi.jpg"))) Files.copy(ClassifyFixtures.messiFile(), photos.resolve(
			"messi.jpg"));
	}

	/** The face boxes of a Classify run on the photo folder with these detector inputs. */
	private List<String> boxes(final Object... detectorKeyValues) throws Exception {
		final List<Object> kv = new ArrayList<>(List.of("model", ClassifyFixtures.model().toFile(), "input", photos
			.toFile()));
		kv.addAll(List.of(detectorKeyValues));
		final Module module = run(ClassifyEmotionsCommand.class, kv.toArray());
		assertNull(failure(module), String.join("\n", log));
		final ResultsTable rt = (ResultsTable) module.getOutput("results");
		final List<String> out = new ArrayList<>();
		for (int i = 0; i < rt.size(); i++)
			out.add((int) rt.getValue("X", i) + "," + (int) rt.getValue("Y", i) + "," + (int) rt.getValue("Width", i));
		return out;
	}

	@Test
	void aNameAPathAndFileBelowFindTheSameFaces() throws Exception {
		final List<String> haar = boxes("detector", "haar");
		assertEquals(1, haar.size(), "messi5.jpg has one face: " + haar);
		assertEquals(haar, boxes("detector", cascade.toString()), "detector=<path>, as macros give it");
		assertEquals(haar, boxes("detector", CommandDialog.FILE_ITEM, DetectingCommand.DETECTOR_FILE, cascade.toFile()),
			"file (below) with the detector file");
		// A file chosen but a name selected: the name counts.
		final List<String> blazeface = boxes("detector", "blazeface", DetectingCommand.DETECTOR_FILE, cascade.toFile());
		assertEquals(1, blazeface.size());
	}

	@Test
	void fileBelowWithoutAFileSaysWhatIsMissing() throws Exception {
		final Module module = run(ClassifyEmotionsCommand.class, "model", ClassifyFixtures.model().toFile(), "input",
			photos.toFile(), "detector", CommandDialog.FILE_ITEM);
		assertNotNull(failure(module));
		assertTrue(failure(module).contains("detector file"), failure(module));
	}

	@Test
	void aMissingDetectorPathIsNamed() throws Exception {
		final Path missing = dir.resolve("no such detector.tflite");
		final Module module = run(GradCamOverlayCommand.class, "model", ClassifyFixtures.model().toFile(), "input",
			photos.toFile(), "output", dir.resolve("out").toFile(), "detector", missing.toString());
		assertNotNull(failure(module));
		assertTrue(failure(module).contains(missing.getFileName().toString()), failure(module));
	}

	@Test
	void theImageJ1BridgeReadsALineFijiRecorded() {
		// Fiji records SciJava's dialog as detector=[file (below)] detector_file=[...]; plain ImageJ replays it.
		final EmotionTrackingPlugin.Outcome outcome = EmotionTrackingPlugin.run(ClassifyEmotionsCommandTest.context,
			"classify", "model=[" + ClassifyFixtures.model() + "] input=[" + photos + "] detector=[" + CommandDialog.FILE_ITEM
			+ "] detector_file=[" + cascade + "]");
		assertNull(outcome.failure);
		assertEquals(cascade.toString(), outcome.module.getInput("detector"));
		assertEquals(1L, outcome.module.getOutput("face_count"));
	}
}
