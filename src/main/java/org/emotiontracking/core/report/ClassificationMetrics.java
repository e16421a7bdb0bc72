package org.emotiontracking.core.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.emotiontracking.core.util.AtomicFiles;

/**
 * Per-class precision, recall, F1 and support, overall accuracy and macro averages of a
 * {@link ConfusionMatrix} (a snapshot taken at construction).
 * <p>
 * Division by zero is defined as 0: a class never predicted has precision 0, a class without
 * samples has recall 0 (and support 0), F1 is 0 when precision + recall is 0, and accuracy of an
 * empty matrix is 0. Macro averages are unweighted means over all classes, including classes
 * without samples.
 */
public final class ClassificationMetrics {

	private final List<String> classNames;
	private final double[] precision, recall, f1;
	private final long[] support;
	private final long total;
	private final double accuracy;

	/** Computes the metrics of a confusion matrix. */
	public ClassificationMetrics(final ConfusionMatrix matrix) {
		classNames = matrix.classNames();
		final long[][] c = matrix.counts();
		final int n = c.length;
		precision = new double[n];
		recall = new double[n];
		f1 = new double[n];
		support = new long[n];
		long sum = 0, correct = 0;
		for (int i = 0; i < n; i++) {
			long predicted = 0;
			for (int t = 0; t < n; t++) {
				predicted += c[t][i];
				support[i] += c[i][t];
			}
			precision[i] = ratio(c[i][i], predicted);
			recall[i] = ratio(c[i][i], support[i]);
			f1[i] = precision[i] + recall[i] == 0 ? 0 : 2 * precision[i] * recall[i] / (precision[i] + recall[i]);
			sum += support[i];
			correct += c[i][i];
		}
		total = sum;
		accuracy = ratio(correct, sum);
	}

	private static double ratio(final long a, final long b) {
		return b == 0 ? 0 : (double) a / b;
	}

	/** Class names in model order. */
	public List<String> classNames() { return classNames; }

	/** Correct predictions of the class / all predictions of it (0 if never predicted). */
	public double precision(final int classIndex) { return precision[classIndex]; }

	/** Correct predictions of the class / its samples (0 if it has none). */
	public double recall(final int classIndex) { return recall[classIndex]; }

	/** Harmonic mean of precision and recall (0 if both are 0). */
	public double f1(final int classIndex) { return f1[classIndex]; }

	/** Number of samples whose true class this is. */
	public long support(final int classIndex) { return support[classIndex]; }

	/** Number of samples. */
	public long total() { return total; }

	/** Correct predictions / all samples (0 if there are none). */
	public double accuracy() { return accuracy; }

	/** Unweighted mean precision over classes. */
	public double macroPrecision() { return mean(precision); }

	/** Unweighted mean recall over classes. */
	public double macroRecall() { return mean(recall); }

	/** Unweighted mean F1 over classes. */
	public double macroF1() { return mean(f1); }

	private static double mean(final double[] v) {
		double s = 0;
		for (final double x : v) s += x;
		return s / v.length;
	}

	/**
	 * The CSV text: header {@code class,precision,recall,f1,support}, one row per class, a
	 * {@code macro_avg} row (support = all samples) and an {@code accuracy} row whose precision,
	 * recall and F1 are the accuracy (their micro averages, which equal it) with support = all samples.
	 */
	public String toCsv() {
		final StringBuilder sb = new StringBuilder(Csv.line(List.of("class", "precision", "recall", "f1", "support")));
		for (int i = 0; i < classNames.size(); i++)
			sb.append(row(classNames.get(i), precision[i], recall[i], f1[i], support[i]));
		sb.append(row("macro_avg", macroPrecision(), macroRecall(), macroF1(), total));
		sb.append(row("accuracy", accuracy, accuracy, accuracy, total));
		return sb.toString();
	}

	private static String row(final String name, final double p, final double r, final double f, final long s) {
		return Csv.line(List.of(name, Csv.number(p, 4), Csv.number(r, 4), Csv.number(f, 4), Long.toString(s)));
	}

	/** Writes {@link #toCsv()} atomically (conventionally to {@code metrics.csv}). */
	public void writeCsv(final Path file, final boolean overwrite) throws IOException {
		AtomicFiles.writeString(file, toCsv(), overwrite);
	}

	/** A fixed-width text table for logs, like scikit-learn's classification report. */
	public String report() {
		int w = "macro avg".length();
		for (final String name : classNames) w = Math.max(w, name.length());
		final String fmt = "%" + w + "s  %9s  %9s  %9s  %9s%n";
		final String num = "%" + w + "s  %9.3f  %9.3f  %9.3f  %9d%n";
		final StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, fmt, "", "precision", "recall", "f1",
			"support"));
		for (int i = 0; i < classNames.size(); i++)
			sb.append(String.format(Locale.ROOT, num, classNames.get(i), precision[i], recall[i], f1[i], support[i]));
		sb.append(String.format(Locale.ROOT, "%n"));
		sb.append(String.format(Locale.ROOT, "%" + w + "s  %9s  %9s  %9.3f  %9d%n", "accuracy", "", "", accuracy,
			total));
		sb.append(String.format(Locale.ROOT, num, "macro avg", macroPrecision(), macroRecall(), macroF1(), total));
		return sb.toString();
	}
}
