package org.emotiontracking.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.emotiontracking.core.classify.ClassificationReports;
import org.emotiontracking.core.detect.FaceBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-image summary, checked against a plain re-count of the CSV log the same run wrote (read
 * back cell by cell, grouped with a map: no code shared with {@link EmotionSummary}).
 */
class EmotionSummaryTest {

	private static final List<String> CLASSES = Arrays.asList("happy", "neutral", "sad");

	@TempDir
	Path dir;

	@Test
	void summaryCsvMatchesARecountOfTheLog() throws Exception {
		final Random random = new Random(7);
		final PredictionColumns columns = new PredictionColumns(CLASSES, java.util.EnumSet.allOf(PredictionColumn.class));
		final ClassificationReports reports = new ClassificationReports(dir, false);
		reports.start(columns);
		long index = 0;
		for (int image = 0; image < 40; image++) {
			final String name = "folder/img " + image + ".jpg";
			final int faces = random.nextInt(4); // 0: a "no face found" row
			if (faces == 0) reports.accept(PredictionRow.noFace(name), null, index);
			for (int f = 1; f <= faces; f++) {
				final double[] p = new double[3];
				double sum = 0;
				for (int i = 0; i < 3; i++) sum += p[i] = random.nextDouble() * (i + 1);
				for (int i = 0; i < 3; i++) p[i] /= sum;
				reports.accept(PredictionRow.builder(name).face(f).box(f, f, 10, 10).prediction(CLASSES, p).build(),
					new FaceBox(f, f, 10, 10, 1), index);
			}
			index++;
		}
		reports.accept(PredictionRow.failed("broken.jpg", "cannot read"), null, index);
		final List<Path> written = reports.finish();
		assertTrue(written.contains(dir.resolve(ClassificationReports.SUMMARY)), written.toString());

		// The re-count, from the log's text.
		final List<List<String>> log = Csv.parse(new String(Files.readAllBytes(dir.resolve(ClassificationReports.LOG)),
			StandardCharsets.UTF_8));
		final List<String> h = log.get(0);
		final Map<String, long[]> counts = new LinkedHashMap<>();
		final Map<String, double[]> sums = new LinkedHashMap<>();
		for (final List<String> r : log.subList(1, log.size())) {
			final long[] c = counts.computeIfAbsent(r.get(h.indexOf("image")), k -> new long[4]);
			final double[] s = sums.computeIfAbsent(r.get(h.indexOf("image")), k -> new double[3]);
			final String predicted = r.get(h.indexOf("predicted_emotion"));
			if (predicted.isEmpty()) continue;
			c[3]++;
			c[CLASSES.indexOf(predicted)]++;
			for (int i = 0; i < 3; i++) s[i] += Double.parseDouble(r.get(h.indexOf("p_" + CLASSES.get(i))));
		}

		final List<List<String>> summary = Csv.parse(new String(Files.readAllBytes(dir.resolve(
			ClassificationReports.SUMMARY)), StandardCharsets.UTF_8));
		assertEquals(Arrays.asList("image", "face_id", "faces", "dominant_emotion", "n_happy", "n_neutral", "n_sad",
			"mean_p_happy", "mean_p_neutral", "mean_p_sad"), summary.get(0));
		assertEquals(counts.size() + 1, summary.size(), "one row per image");
		int row = 1;
		for (final Map.Entry<String, long[]> e : counts.entrySet()) {
			final List<String> s = summary.get(row++);
			final long[] c = e.getValue();
			assertEquals(e.getKey(), s.get(0));
			assertEquals("", s.get(1));
			assertEquals(c[3], Long.parseLong(s.get(2)), e.getKey());
			int best = -1;
			for (int i = 0; i < 3; i++)
				if (c[i] > 0 && (best < 0 || c[i] > c[best] || c[i] == c[best] && sums.get(e.getKey())[i] > sums.get(e
					.getKey())[best])) best = i;
			assertEquals(best < 0 ? "" : CLASSES.get(best), s.get(3), e.getKey());
			for (int i = 0; i < 3; i++) {
				assertEquals(c[i], Long.parseLong(s.get(4 + i)));
				if (c[3] == 0) assertEquals("", s.get(7 + i));
				else assertEquals(sums.get(e.getKey())[i] / c[3], Double.parseDouble(s.get(7 + i)), 2e-6);
			}
		}
	}

	@Test
	void tracksOfAVideoGetTheirOwnRows() {
		final List<PredictionRow> rows = new ArrayList<>();
		// a video: face 1 happy in 3 frames, sad in 1; face 2 neutral in 2 frames; then a photo
		final String[] f1 = { "happy", "happy", "sad", "happy" };
		for (int frame = 1; frame <= 4; frame++) {
			rows.add(PredictionRow.builder("clip.mp4").slice(frame).face(1).prediction(f1[frame - 1], 0.5).build());
			if (frame <= 2) rows.add(PredictionRow.builder("clip.mp4").slice(frame).face(2).prediction("neutral", 0.9).build());
		}
		rows.add(PredictionRow.builder("photo.jpg").face(1).prediction(CLASSES, new double[] { 0.2, 0.2, 0.6 }).build());
		final List<EmotionSummary.Row> s = EmotionSummary.of(rows, CLASSES, r -> r.image().endsWith(".mp4") ? r.face()
			: null);
		assertEquals(4, s.size(), s.toString());
		assertEquals("clip.mp4", s.get(0).image());
		assertNull(s.get(0).faceId());
		assertEquals(6, s.get(0).faces());
		assertEquals("happy", s.get(0).dominantEmotion());
		assertTrue(Double.isNaN(s.get(0).meanProbability(0)), "no per-class probabilities in these rows");
		assertEquals(Integer.valueOf(1), s.get(1).faceId());
		assertEquals(4, s.get(1).faces());
		assertEquals(3, s.get(1).count(0));
		assertEquals(1, s.get(1).count(2));
		assertEquals(Integer.valueOf(2), s.get(2).faceId());
		assertEquals("neutral", s.get(2).dominantEmotion());
		assertEquals("photo.jpg", s.get(3).image());
		assertEquals("sad", s.get(3).dominantEmotion());
		assertEquals(0.6, s.get(3).meanProbability(2), 1e-12);
	}

	@Test
	void tiesGoToTheHigherMeanProbability() {
		final List<EmotionSummary.Row> s = EmotionSummary.of(Arrays.asList(
			PredictionRow.builder("a").prediction(CLASSES, new double[] { 0.5, 0.1, 0.4 }).build(),
			PredictionRow.builder("a").prediction(CLASSES, new double[] { 0.1, 0.2, 0.7 }).build()), CLASSES);
		assertEquals(1, s.size());
		assertEquals("sad", s.get(0).dominantEmotion(), "one face each; sad's mean 0.55 beats happy's 0.3");
	}
}
