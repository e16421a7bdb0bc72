package org.emotiontracking.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ij.measure.ResultsTable;

import java.util.Arrays;
import java.util.List;

import org.emotiontracking.core.report.EmotionSummary;
import org.emotiontracking.core.report.PredictionRow;
import org.junit.jupiter.api.Test;

/** The "Emotion Summary" table holds summary.csv's rows. */
class EmotionSummaryTableTest {

	private static final List<String> CLASSES = Arrays.asList("happy", "sad");

	@Test
	void oneRowPerImage() {
		final List<EmotionSummary.Row> rows = EmotionSummary.of(Arrays.asList(
			PredictionRow.builder("a.jpg").face(1).prediction(CLASSES, new double[] { 0.9, 0.1 }).build(),
			PredictionRow.builder("a.jpg").face(2).prediction(CLASSES, new double[] { 0.3, 0.7 }).build(),
			PredictionRow.builder("a.jpg").face(3).prediction(CLASSES, new double[] { 0.6, 0.4 }).build(),
			PredictionRow.noFace("b.jpg")), CLASSES);
		final ResultsTable rt = EmotionSummaryTable.create();
		EmotionSummaryTable.add(rt, rows, CLASSES);
		assertEquals("Image,Face ID,Faces,Dominant,N(happy),N(sad),Mean P(happy),Mean P(sad)", String.join(",", rt
			.getHeadings()));
		assertEquals(2, rt.size());
		assertEquals(3, rt.getValue("Faces", 0), 0);
		assertEquals("happy", rt.getStringValue("Dominant", 0));
		assertEquals(2, rt.getValue("N(happy)", 0), 0);
		assertEquals(0.6, rt.getValue("Mean P(happy)", 0), 1e-9);
		assertEquals(0, rt.getValue("Faces", 1), 0);
		assertEquals("", rt.getStringValue("Dominant", 1));
	}
}
