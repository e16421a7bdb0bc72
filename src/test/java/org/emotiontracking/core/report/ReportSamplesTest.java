package org.emotiontracking.core.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Writes one PNG of each chart to target/report-samples for people to look at. */
class ReportSamplesTest {

	static final List<String> CLASSES = List.of("disgust", "fear", "happy", "neutral", "sad", "surprise", "unhappy");

	@Test
	void writeSampleCharts() throws Exception {
		final Path dir = Paths.get("target", "report-samples");
		Files.createDirectories(dir);
		new DistributionChart(CLASSES, new long[] { 12, 0, 154, 87, 41, 23, 9 }).writePng(dir.resolve("distribution.png"), true);
		new DistributionChart(List.of("Überraschung, groß", "a very long class name indeed", "x", "happy", "k5", "k6", "k7", "k8",
			"k9", "k10", "k11", "k12"), new long[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 1234 }).writePng(dir.resolve("distribution-many.png"), true);

		final ConfusionMatrix m = new ConfusionMatrix(CLASSES);
		final Random r = new Random(1);
		for (int i = 0; i < 700; i++) {
			final int t = r.nextInt(7);
			m.add(t, r.nextDouble() < 0.7 ? t : r.nextInt(7));
		}
		new ConfusionMatrixChart(m).title("Confusion matrix (validation)").writePng(dir.resolve("confusion.png"), true);

		final List<EpochResult> epochs = new ArrayList<>();
		for (int e = 1; e <= 16; e++)
			epochs.add(new EpochResult(e, 1.9 * Math.exp(-e / 5.0) + 0.3, 0.9 - 0.6 * Math.exp(-e / 4.0), 1.9 * Math.exp(-e / 6.0) + 0.5 + 0.02 * e,
				0.75 - 0.5 * Math.exp(-e / 4.0), 80 + r.nextDouble() * 3));
		new TrainingCurvesChart(epochs).writePng(dir.resolve("training.png"), true);

		final EmotionTimeline tl = new EmotionTimeline();
		for (int f = 1; f <= 4; f++) {
			String emotion = CLASSES.get(f);
			for (int k = 0; k < 300; k++) {
				if (f == 3 && k > 100 && k < 140) continue;
				if (r.nextDouble() < 0.03) emotion = CLASSES.get(r.nextInt(7));
				tl.add(f, k / 25.0 + (f == 4 ? 3 : 0), emotion);
			}
		}
		new EmotionTimelineChart(tl, CLASSES).writePng(dir.resolve("timeline.png"), true);
		assertTrue(Files.size(dir.resolve("timeline.png")) > 1000);
	}
}
