package org.emotiontracking.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-computed example, rows = true, columns = predicted:
 * <pre>
 *        a  b  c  d
 *   a    2  1  0  0
 *   b    0  1  1  0
 *   c    1  0  0  0
 *   d    0  0  0  0
 * </pre>
 * a: precision 2/3, recall 2/3; b: 1/2, 1/2; c: 0/1 = 0, 0/1 = 0; d: 0/0 = 0, 0/0 = 0.
 * Accuracy 3/6; macro averages (2/3 + 1/2) / 4 = 7/24.
 */
class ClassificationMetricsTest {

	static final List<String> CLASSES = List.of("a", "b", "c", "d");

	@TempDir
	Path dir;

	static ConfusionMatrix example() {
		return ConfusionMatrix.of(CLASSES, new int[] { 0, 0, 0, 1, 1, 2 }, new int[] { 0, 0, 1, 1, 2, 0 });
	}

	@Test
	void countsAndTotals() {
		final ConfusionMatrix m = example();
		assertEquals(2, m.count(0, 0));
		assertEquals(1, m.count(0, 1));
		assertEquals(1, m.count(2, 0));
		assertEquals(3, m.trueCount(0));
		assertEquals(3, m.predictedCount(0));
		assertEquals(0, m.predictedCount(3));
		assertEquals(3, m.correct());
		assertEquals(6, m.total());
		m.add("d", "a");
		assertEquals(1, m.count(3, 0));
		assertThrows(IllegalArgumentException.class, () -> m.add("zzz", "a"));
		assertThrows(IndexOutOfBoundsException.class, () -> m.add(4, 0));
	}

	@Test
	void metricsMatchHandComputation() {
		final ClassificationMetrics k = new ClassificationMetrics(example());
		final double[] p = { 2 / 3.0, 0.5, 0, 0 };
		final double[] r = { 2 / 3.0, 0.5, 0, 0 };
		final long[] s = { 3, 2, 1, 0 };
		for (int i = 0; i < 4; i++) {
			assertEquals(p[i], k.precision(i), 1e-12);
			assertEquals(r[i], k.recall(i), 1e-12);
			assertEquals(p[i], k.f1(i), 1e-12);
			assertEquals(s[i], k.support(i));
		}
		assertEquals(0.5, k.accuracy(), 1e-12);
		assertEquals(7 / 24.0, k.macroPrecision(), 1e-12);
		assertEquals(7 / 24.0, k.macroRecall(), 1e-12);
		assertEquals(7 / 24.0, k.macroF1(), 1e-12);
		assertEquals(6, k.total());
	}

	@Test
	void f1IsHarmonicMean() {
		// a: precision 1/2 (1 of 2 predictions right), recall 1 -> F1 = 2/3
		final ConfusionMatrix m = ConfusionMatrix.of(List.of("a", "b"), new int[] { 0, 1, 1 }, new int[] { 0, 0, 1 });
		final ClassificationMetrics k = new ClassificationMetrics(m);
		assertEquals(0.5, k.precision(0), 1e-12);
		assertEquals(1.0, k.recall(0), 1e-12);
		assertEquals(2 / 3.0, k.f1(0), 1e-12);
	}

	@Test
	void emptyMatrixIsAllZero() {
		final ClassificationMetrics k = new ClassificationMetrics(new ConfusionMatrix(CLASSES));
		assertEquals(0, k.accuracy());
		assertEquals(0, k.macroF1());
	}

	@Test
	void writesBothCsvFiles() throws IOException {
		final ConfusionMatrix m = example();
		m.writeCsv(dir.resolve("confusion_matrix.csv"), false);
		assertEquals("true\\predicted,a,b,c,d\na,2,1,0,0\nb,0,1,1,0\nc,1,0,0,0\nd,0,0,0,0\n",
			Files.readString(dir.resolve("confusion_matrix.csv")));
		new ClassificationMetrics(m).writeCsv(dir.resolve("metrics.csv"), false);
		assertEquals(List.of("class,precision,recall,f1,support", "a,0.6667,0.6667,0.6667,3", "b,0.5000,0.5000,0.5000,2",
			"c,0.0000,0.0000,0.0000,1", "d,0.0000,0.0000,0.0000,0", "macro_avg,0.2917,0.2917,0.2917,6",
			"accuracy,0.5000,0.5000,0.5000,6"), Files.readAllLines(dir.resolve("metrics.csv")));
		final String report = new ClassificationMetrics(m).report();
		assertEquals(true, report.contains("accuracy") && report.contains("0.667"), report);
	}
}
