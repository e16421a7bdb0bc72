package org.emotiontracking.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {

	static final List<String> CLASSES = List.of("disgust", "fear", "happy", "neutral", "sad", "surprise", "unhappy");

	@TempDir
	Path dir;

	/** Writes the chart, reads the PNG back and checks its size. */
	private BufferedImage roundTrip(final Chart<?> chart, final String name) throws IOException {
		final Path f = dir.resolve(name);
		chart.writePng(f, false);
		final BufferedImage img = ImageIO.read(f.toFile());
		assertNotNull(img, "PNG does not decode: " + f);
		assertEquals(chart.width(), img.getWidth());
		assertEquals(chart.height(), img.getHeight());
		assertTrue(distinctColors(img) > 20, "Chart looks blank: " + name);
		return img;
	}

	static int distinctColors(final BufferedImage img) {
		final Set<Integer> colors = new HashSet<>();
		for (int y = 0; y < img.getHeight(); y++)
			for (int x = 0; x < img.getWidth(); x++) colors.add(img.getRGB(x, y) & 0xffffff);
		return colors.size();
	}

	static int pixelsOf(final BufferedImage img, final Color c) {
		int n = 0;
		final int rgb = c.getRGB() & 0xffffff;
		for (int y = 0; y < img.getHeight(); y++)
			for (int x = 0; x < img.getWidth(); x++)
				if ((img.getRGB(x, y) & 0xffffff) == rgb) n++;
		return n;
	}

	@Test
	void distributionChartShowsEveryClassInItsColour() throws IOException {
		final long[] counts = { 12, 0, 154, 87, 41, 23, 9 };
		final BufferedImage img = roundTrip(new DistributionChart(CLASSES, counts), "distribution.png");
		assertEquals(800, img.getWidth());
		assertEquals(500, img.getHeight());
		for (int i = 0; i < CLASSES.size(); i++) {
			final int n = pixelsOf(img, EmotionPalette.colorOf(CLASSES.get(i)));
			assertTrue(n >= 100, CLASSES.get(i) + " bar has only " + n + " pixels");
		}
		// the tallest bar is much larger than the smallest non-zero one
		assertTrue(pixelsOf(img, EmotionPalette.colorOf("happy")) > 5 * pixelsOf(img, EmotionPalette.colorOf("unhappy")));
	}

	@Test
	void jfreeChartsCarryTitlesAxesAndCountsOnBars() {
		final long[] counts = { 12, 0, 154, 87, 41, 23, 9 };
		final org.jfree.chart.JFreeChart bars = new DistributionChart(CLASSES, counts).subtitle("7 images")
			.toJFreeChart();
		assertEquals("Distribution of predicted emotions", bars.getTitle().getText());
		assertEquals("7 images", ((org.jfree.chart.title.TextTitle) bars.getSubtitle(0)).getText());
		final org.jfree.chart.plot.CategoryPlot plot = bars.getCategoryPlot();
		assertEquals("Predicted emotion", plot.getDomainAxis().getLabel());
		assertEquals("Number of predictions", plot.getRangeAxis().getLabel());
		final org.jfree.chart.renderer.category.CategoryItemRenderer r = plot.getRenderer();
		assertEquals("154 (47%)", r.getItemLabelGenerator(0, 2).generateLabel(plot.getDataset(), 0, 2));
		assertEquals("0 (0%)", r.getItemLabelGenerator(0, 1).generateLabel(plot.getDataset(), 0, 1));
		for (int i = 0; i < CLASSES.size(); i++) assertEquals(EmotionPalette.colorOf(CLASSES.get(i)), r.getItemPaint(0, i));

		final ConfusionMatrix m = new ConfusionMatrix(CLASSES);
		m.add(2, 2, 3);
		final org.jfree.chart.JFreeChart confusion = new ConfusionMatrixChart(m).toJFreeChart();
		assertEquals("Confusion matrix", confusion.getTitle().getText());
		assertEquals("Predicted emotion", confusion.getXYPlot().getDomainAxis().getLabel());
		assertEquals("True emotion", confusion.getXYPlot().getRangeAxis().getLabel());
		final org.jfree.chart.JFreeChart curves = new TrainingCurvesChart(List.of(new EpochResult(1, 1, 0.5, 1.1, 0.4, 3)))
			.toJFreeChart();
		assertEquals("Training history", curves.getTitle().getText());
		assertEquals("Epoch", curves.getXYPlot().getDomainAxis().getLabel());
		final EmotionTimeline t = new EmotionTimeline();
		t.add(4, 0, "happy");
		final org.jfree.chart.JFreeChart timeline = new EmotionTimelineChart(t, CLASSES).toJFreeChart();
		assertEquals("Emotions over time", timeline.getTitle().getText());
		assertEquals("Time (s)", timeline.getXYPlot().getDomainAxis().getLabel());
		assertEquals("Face 4", ((org.jfree.chart.axis.SymbolAxis) timeline.getXYPlot().getRangeAxis()).valueToString(0));
	}

	@Test
	void distributionFromRowsCountsPredictionsOnly() {
		final List<PredictionRow> rows = List.of(PredictionRow.of("a", CLASSES, new double[] { 0, 0, 1, 0, 0, 0, 0 }),
			PredictionRow.of("b", CLASSES, new double[] { 0, 0, 1, 0, 0, 0, 0 }), PredictionRow.noFace("c"));
		assertEquals(2, DistributionChart.fromRows(CLASSES, rows).counts()[2]);
	}

	@Test
	void allZeroDistributionStillRenders() throws IOException {
		roundTrip(new DistributionChart(CLASSES, new long[7]).size(640, 400), "zero.png");
	}

	@Test
	void confusionHeatmapHasFullAndEmptyCells() throws IOException {
		final ConfusionMatrix m = new ConfusionMatrix(CLASSES);
		for (int i = 0; i < CLASSES.size(); i++) m.add(i, i, 10 + i);
		m.add(0, 1, 5);
		final BufferedImage img = roundTrip(new ConfusionMatrixChart(m), "confusion.png");
		// rows 1..6 are 100% correct: darkest shade; empty cells: lightest shade
		assertTrue(pixelsOf(img, ConfusionMatrixChart.shade(1)) > 1000);
		assertTrue(pixelsOf(img, ConfusionMatrixChart.shade(0)) > 1000);
		roundTrip(new ConfusionMatrixChart(m).shadeByRow(false).title(null), "confusion-counts.png");
	}

	@Test
	void trainingCurvesDrawBothSeries() throws IOException {
		final List<EpochResult> epochs = new ArrayList<>();
		for (int e = 1; e <= 8; e++) epochs.add(new EpochResult(e, 2.0 / e, 1 - 0.5 / e, 2.2 / e, 0.9 - 0.5 / e, 10));
		final BufferedImage img = roundTrip(new TrainingCurvesChart(epochs), "training.png");
		assertTrue(pixelsOf(img, TrainingCurvesChart.TRAIN) > 200);
		assertTrue(pixelsOf(img, TrainingCurvesChart.VALIDATION) > 200);

		final BufferedImage noVal = roundTrip(new TrainingCurvesChart(
			List.of(new EpochResult(1, 1, 0.5, Double.NaN, Double.NaN, 3))), "one-epoch.png");
		assertEquals(0, pixelsOf(noVal, TrainingCurvesChart.VALIDATION));
		roundTrip(new TrainingCurvesChart(List.of()), "no-epochs.png");
	}

	@Test
	void timelineColoursSegmentsPerEmotion() throws IOException {
		final EmotionTimeline t = new EmotionTimeline();
		for (int k = 0; k < 50; k++) {
			t.add(1, k * 0.1, k < 25 ? "happy" : "sad");
			t.add(2, k * 0.1, k % 10 == 0 ? null : "surprise");
		}
		assertEquals(List.of(1, 2), t.faceIds());
		assertEquals(0.1, t.typicalStep(), 1e-9);
		final BufferedImage img = roundTrip(new EmotionTimelineChart(t, CLASSES).timeAxisLabel("Time (s)"), "timeline.png");
		for (final String e : List.of("happy", "sad", "surprise"))
			assertTrue(pixelsOf(img, EmotionPalette.colorOf(e)) > 500, e);
		roundTrip(new EmotionTimelineChart(new EmotionTimeline(), CLASSES), "empty-timeline.png");
	}

	@Test
	void timelineFromRowsUsesSliceAndFace() {
		final List<PredictionRow> rows = List.of(
			PredictionRow.builder("v").slice(1).face(3).prediction("happy", 0.9).build(),
			PredictionRow.builder("v").slice(3).face(3).prediction("sad", 0.8).build());
		final EmotionTimeline t = EmotionTimeline.fromRows(rows, 0.5);
		assertEquals(List.of(3), t.faceIds());
		assertEquals(1.0, t.samples(3).get(1).time(), 1e-12);
		assertEquals("sad", t.samples(3).get(1).emotion());
	}

	@Test
	void chartsRefuseToOverwrite() throws IOException {
		final Path f = dir.resolve("distribution.png");
		Files.writeString(f, "user file");
		assertThrows(FileAlreadyExistsException.class, () -> new DistributionChart(CLASSES, new long[7]).writePng(f, false));
		assertEquals("user file", Files.readString(f));
	}
}
