package org.emotiontracking.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A prediction log's lines read back to rows whose cells are those lines (what merge relies on). */
class PredictionColumnsReadBackTest {

	@TempDir
	Path tmp;

	@Test
	void everyKindOfRowReadsBackToItsCells() throws Exception {
		final List<String> classes = Arrays.asList("happy", "sad, really", "p_x");
		final PredictionColumns columns = new PredictionColumns(classes, EnumSet.allOf(PredictionColumn.class));
		final Instant t = Instant.parse("2026-12-01T23:00:00.123Z");
		final List<PredictionRow> rows = Arrays.asList(
			PredictionRow.builder("a/b.png").timestamp(t).slice(3).face(2).box(1, 2, 30, 40).subset("validation").trueLabel("happy")
				.prediction(classes, new double[] { 0.1234565, 0.5, 0.3765435 }).build(),
			PredictionRow.builder(" spaced \"name\".jpg").timestamp(t).error("Cannot read x.jpg: bad, \"very\"\nbad").build(),
			PredictionRow.builder("c.png").timestamp(t).error(PredictionRow.NO_FACE).trueLabel("sad, really").build(),
			PredictionRow.builder("d.png").timestamp(t).prediction("happy", 0.999999).build());
		final Path file = tmp.resolve("log.csv");
		try (PredictionLog log = new PredictionLog(file, columns, false)) {
			for (final PredictionRow r : rows) log.append(r);
		}
		final List<List<String>> records = Csv.parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
		final PredictionColumns back = PredictionColumns.fromHeaders(records.get(0));
		assertEquals(columns.headers(), back.headers());
		assertEquals(classes, back.classNames());
		for (int i = 1; i < records.size(); i++) {
			final PredictionRow r = back.row(records.get(i));
			assertEquals(records.get(i), back.cells(r));
			assertEquals(t, r.timestamp());
			assertEquals(rows.get(i - 1).hasPrediction(), r.hasPrediction());
		}
	}

	@Test
	void otherTablesAreRefused() {
		assertThrows(IllegalArgumentException.class, () -> PredictionColumns.fromHeaders(Arrays.asList("timestamp", "image",
			"emotion")));
		assertThrows(IllegalArgumentException.class, () -> PredictionColumns.fromHeaders(Arrays.asList("timestamp", "image",
			"colour", "predicted_emotion", "confidence", "true_label", "p_a")));
		final PredictionColumns c = new PredictionColumns(Arrays.asList("a", "b"), EnumSet.noneOf(PredictionColumn.class));
		assertThrows(IllegalArgumentException.class, () -> c.row(Arrays.asList("yesterday", "x.png", "a", "0.5", "", "0.5",
			"0.5")));
		assertThrows(IllegalArgumentException.class, () -> c.row(Arrays.asList("2026-12-01T23:00:00.123Z", "x.png", "a", "lots",
			"", "0.5", "0.5")));
	}
}
