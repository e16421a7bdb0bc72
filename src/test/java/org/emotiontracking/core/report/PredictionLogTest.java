package org.emotiontracking.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionLogTest {

	static final List<String> CLASSES = List.of("happy", "sad", "Überraschung");
	static final Instant T = Instant.parse("2026-11-25T21:30:00.123Z");

	@TempDir
	Path dir;

	private static List<List<String>> read(final Path f) throws IOException {
		return Csv.parse(Files.readString(f));
	}

	@Test
	void headerHasFixedAndChosenColumnsInOrder() {
		final PredictionColumns all = new PredictionColumns(CLASSES, EnumSet.allOf(PredictionColumn.class));
		final List<String> expected = new java.util.ArrayList<>(List.of("timestamp", "image", "slice", "frame", "time_s", "face", "x", "y", "width",
			"height", "subset", "predicted_emotion", "confidence", "true_label", "p_happy", "p_sad", "p_Überraschung"));
		expected.addAll(PredictionColumn.keypointHeaders());
		expected.add("error");
		assertEquals(expected, all.headers());
		assertEquals(16, PredictionColumn.keypointHeaders().size());
		assertEquals(List.of("right_eye_x", "right_eye_y"), PredictionColumn.keypointHeaders().subList(0, 2));
		final PredictionColumns none = new PredictionColumns(CLASSES, Set.of());
		assertEquals(List.of("timestamp", "image", "predicted_emotion", "confidence", "true_label", "p_happy", "p_sad",
			"p_Überraschung"), none.headers());
	}

	@Test
	void writesPredictionNoFaceAndErrorRowsWithQuoting() throws IOException {
		final Path f = dir.resolve("predictions.csv");
		final PredictionColumns cols = new PredictionColumns(CLASSES,
			EnumSet.of(PredictionColumn.FACE, PredictionColumn.X, PredictionColumn.Y, PredictionColumn.WIDTH,
				PredictionColumn.HEIGHT, PredictionColumn.ERROR), ZoneOffset.UTC);
		try (PredictionLog log = new PredictionLog(f, cols, false)) {
			log.append(PredictionRow.builder("group, \"A\"/Ärger 1.png").timestamp(T).face(2).box(10, 20, 30, 40)
				.prediction(CLASSES, new double[] { 0.1, 0.2, 0.7 }).trueLabel("Überraschung").build());
			log.append(PredictionRow.noFace("empty.png").toBuilder().timestamp(T).build());
			log.append(PredictionRow.failed("broken.png", "Cannot read image:\nbad header, \"JPEG\"").toBuilder().timestamp(T).build());
			assertEquals(3, log.rowCount());
		}
		final List<List<String>> rows = read(f);
		assertEquals(4, rows.size());
		assertEquals(List.of("2026-11-25T21:30:00.123Z", "group, \"A\"/Ärger 1.png", "2", "10", "20", "30", "40",
			"Überraschung", "0.700000", "Überraschung", "0.100000", "0.200000", "0.700000", ""), rows.get(1));
		assertEquals(List.of("2026-11-25T21:30:00.123Z", "empty.png", "", "", "", "", "", "", "", "", "", "", "",
			PredictionRow.NO_FACE), rows.get(2));
		assertEquals("Cannot read image:\nbad header, \"JPEG\"", rows.get(3).get(13));
		assertEquals("", rows.get(3).get(7));
		for (final List<String> r : rows) assertEquals(rows.get(0).size(), r.size());
	}

	@Test
	void keypointsAreWrittenWithOneDecimalAndReadBack() {
		final PredictionColumns cols = new PredictionColumns(CLASSES, EnumSet.of(PredictionColumn.X, PredictionColumn.Y,
			PredictionColumn.WIDTH, PredictionColumn.HEIGHT, PredictionColumn.KEYPOINTS, PredictionColumn.ERROR), ZoneOffset.UTC);
		final org.emotiontracking.core.detect.Keypoints k = org.emotiontracking.core.detect.Keypoints.of(
			new org.emotiontracking.core.detect.Keypoint[] { org.emotiontracking.core.detect.Keypoint.RIGHT_EYE,
				org.emotiontracking.core.detect.Keypoint.LEFT_EYE }, new double[] { 12.345, 20, 30.06, 21 });
		final PredictionRow row = PredictionRow.builder("a.png").timestamp(T).box(1, 2, 30, 40).prediction(CLASSES, new double[] {
			0.2, 0.3, 0.5 }).keypoints(k).build();
		final List<String> cells = cols.cells(row);
		final int at = cols.headers().indexOf("right_eye_x");
		assertEquals(cols.headers().indexOf("p_Überraschung") + 1, at, "after the probabilities");
		assertEquals(List.of("12.3", "20.0", "30.1", "21.0", ""), cells.subList(at, at + 5));
		assertEquals(cells, cols.cells(PredictionColumns.fromHeaders(cols.headers()).row(cells)));
	}

	@Test
	void localTimestampsAreIsoWithOffset() {
		final PredictionColumns cols = new PredictionColumns(CLASSES, Set.of());
		final String t = cols.formatTimestamp(T);
		assertTrue(t.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d)"), t);
		assertEquals(T, java.time.OffsetDateTime.parse(t).toInstant());
	}

	@Test
	void rowsAreFlushedToPartialFileAndMovedIntoPlaceOnClose() throws IOException {
		final Path f = dir.resolve("predictions.csv");
		Files.writeString(f, "the user's good file");
		final PredictionLog log = new PredictionLog(f, CLASSES, Set.of(), true);
		log.append(PredictionRow.of("a.png", CLASSES, new double[] { 0.6, 0.3, 0.1 }));
		// while running (or after a crash) the good file is untouched and the rows so far are on disk
		assertEquals("the user's good file", Files.readString(f));
		assertEquals(2, read(log.partialFile()).size());
		log.close();
		assertFalse(Files.exists(log.partialFile()));
		assertEquals("happy", read(f).get(1).get(2));
		log.close(); // idempotent
		assertThrows(IllegalStateException.class, () -> log.append(PredictionRow.noFace("b.png")));
	}

	@Test
	void refusesExistingFileUnlessOverwrite() throws IOException {
		final Path f = dir.resolve("predictions.csv");
		Files.writeString(f, "keep me");
		final FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
			() -> new PredictionLog(f, CLASSES, Set.of(), false));
		assertTrue(e.getMessage().contains("predictions.csv"));
		assertEquals("keep me", Files.readString(f));
		try (var s = Files.list(dir)) {
			assertEquals(1, s.count());
		}
	}

	@Test
	void discardRemovesPartialFile() throws IOException {
		final Path f = dir.resolve("p.csv");
		final PredictionLog log = new PredictionLog(f, CLASSES, Set.of(), false);
		log.discard();
		assertFalse(Files.exists(f));
		assertFalse(Files.exists(log.partialFile()));
	}

	@Test
	void rejectsWrongNumberOfProbabilities() throws IOException {
		try (PredictionLog log = new PredictionLog(dir.resolve("p.csv"), CLASSES, Set.of(), false)) {
			final PredictionRow bad = PredictionRow.builder("x.png").prediction("happy", 0.9).probabilities(new double[] { 0.9, 0.1 })
				.build();
			assertThrows(IllegalArgumentException.class, () -> log.append(bad));
		}
	}

	@Test
	void rowValuesForResultsTables() {
		final PredictionColumns cols = new PredictionColumns(CLASSES, EnumSet.of(PredictionColumn.SLICE, PredictionColumn.SUBSET));
		final PredictionRow row = PredictionRow.builder("v.tif").slice(3).subset("validation")
			.prediction(CLASSES, new double[] { 0.2, 0.5, 0.3 }).build();
		final List<Object> v = cols.values(row);
		assertEquals(3, v.get(2));
		assertEquals("validation", v.get(3));
		assertEquals("sad", v.get(4));
		assertEquals(0.5, (Double) v.get(5), 1e-12);
		assertNull(v.get(6));
		assertTrue(row.hasPrediction());
		assertFalse(PredictionRow.noFace("n").hasPrediction());
	}
}
