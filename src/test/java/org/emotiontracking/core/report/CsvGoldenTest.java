package org.emotiontracking.core.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CSV files keep their bytes across writer changes: {@code csv-golden.csv} (a test resource) was
 * written by the hand-written writer this project had before Commons CSV (run this class with
 * {@code -Dcsv.golden.write=true} to regenerate it from the current writer), and the current writer
 * must produce the same bytes for the same fields, and a prediction log with the same layout.
 */
class CsvGoldenTest {

	private static final String GOLDEN = "csv-golden.csv";

	@TempDir
	Path dir;

	/** Fields that exercise every quoting rule: separators, quotes, line breaks, spaces, empties, Unicode. */
	static List<List<String>> corpus() {
		final List<List<String>> records = new ArrayList<>();
		records.add(Arrays.asList("timestamp", "image", "predicted_emotion", "confidence", "p_happy"));
		records.add(Arrays.asList("2026-11-25T21:30:00.123+01:00", "folder/img 1.jpg", "happy", "0.873400", "0.873400"));
		records.add(Arrays.asList("a,b", "say \"hi\"", "two\nlines", "cr\rhere", "crlf\r\nhere"));
		records.add(Arrays.asList(" padded ", "lead", "trail ", "", null));
		records.add(Arrays.asList("Überraschung_😮", "日本語.png", "\"", ",", "x"));
		records.add(Arrays.asList("tab\tinside", "semi;colon", "back\\slash", "'single'", "0"));
		return records;
	}

	/** The corpus and a prediction log of fixed rows, as bytes, from the current writer. */
	private byte[] written() throws IOException {
		final StringBuilder sb = new StringBuilder();
		for (final List<String> r : corpus()) sb.append(Csv.line(r));
		final Path log = dir.resolve("log.csv");
		final PredictionColumns columns = new PredictionColumns(Arrays.asList("happy", "sad"), EnumSet.allOf(
			PredictionColumn.class), ZoneOffset.UTC);
		try (PredictionLog p = new PredictionLog(log, columns, false)) {
			p.append(PredictionRow.builder("a, b.jpg").timestamp(Instant.ofEpochMilli(1_800_000_000_123L)).slice(1).face(2)
				.box(1, 2, 3, 4).subset("validation").trueLabel("sad").prediction(Arrays.asList("happy", "sad"), new double[] {
					0.25, 0.75 }).build());
			p.append(PredictionRow.builder("b.jpg").timestamp(Instant.ofEpochMilli(1_800_000_000_456L)).error(
				"cannot read \"b.jpg\": truncated").build());
		}
		sb.append(new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
		return sb.toString().getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void theWriterKeepsTheBytesOfTheOldWriter() throws IOException {
		final byte[] now = written();
		if (Boolean.getBoolean("csv.golden.write")) Files.write(Paths.get("src/test/resources/org/emotiontracking/core/report",
			GOLDEN), now);
		try (InputStream in = CsvGoldenTest.class.getResourceAsStream(GOLDEN)) {
			assertNotNull(in, GOLDEN);
			final byte[] golden = in.readAllBytes();
			assertEquals(new String(golden, StandardCharsets.UTF_8), new String(now, StandardCharsets.UTF_8));
			assertArrayEquals(golden, now);
		}
	}

	@Test
	void parseReadsBackTheCorpus() {
		final StringBuilder sb = new StringBuilder();
		for (final List<String> r : corpus()) sb.append(Csv.line(r));
		final List<List<String>> back = Csv.parse(sb.toString());
		assertEquals(corpus().size(), back.size());
		for (int i = 0; i < back.size(); i++) {
			final List<String> want = new ArrayList<>();
			for (final String f : corpus().get(i)) want.add(f == null ? "" : f);
			assertEquals(want, back.get(i), "record " + i);
		}
	}
}
