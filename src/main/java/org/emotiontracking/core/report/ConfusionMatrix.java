package org.emotiontracking.core.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.emotiontracking.core.util.AtomicFiles;

/**
 * Counts of classifications by true class (rows) and predicted class (columns), by class index
 * in model order. Thread-safe.
 */
public final class ConfusionMatrix {

	private final List<String> classNames;
	private final long[][] counts;

	/** An empty matrix for the given classes. */
	public ConfusionMatrix(final List<String> classNames) {
		if (classNames.isEmpty()) throw new IllegalArgumentException("No class names");
		this.classNames = List.copyOf(classNames);
		counts = new long[classNames.size()][classNames.size()];
	}

	/** A matrix counting the pairs {@code (trueIndices[i], predictedIndices[i])}. */
	public static ConfusionMatrix of(final List<String> classNames, final int[] trueIndices,
		final int[] predictedIndices) {
		if (trueIndices.length != predictedIndices.length) throw new IllegalArgumentException(
			trueIndices.length + " true labels but " + predictedIndices.length + " predictions");
		final ConfusionMatrix m = new ConfusionMatrix(classNames);
		for (int i = 0; i < trueIndices.length; i++) m.add(trueIndices[i], predictedIndices[i]);
		return m;
	}

	/** Class names in model order. */
	public List<String> classNames() { return classNames; }

	/** Number of classes. */
	public int size() { return classNames.size(); }

	/** Counts one classification. */
	public void add(final int trueIndex, final int predictedIndex) {
		add(trueIndex, predictedIndex, 1);
	}

	/** Counts {@code n} classifications. */
	public synchronized void add(final int trueIndex, final int predictedIndex, final long n) {
		check(trueIndex);
		check(predictedIndex);
		counts[trueIndex][predictedIndex] += n;
	}

	/** Counts one classification by class names. */
	public void add(final String trueClass, final String predictedClass) {
		add(indexOf(trueClass), indexOf(predictedClass), 1);
	}

	/** Adds all counts of another matrix with the same classes. */
	public void addAll(final ConfusionMatrix other) {
		if (!other.classNames.equals(classNames)) throw new IllegalArgumentException("Different classes: "
			+ other.classNames);
		for (int t = 0; t < size(); t++)
			for (int p = 0; p < size(); p++) add(t, p, other.count(t, p));
	}

	/** Count of true class {@code trueIndex} predicted as {@code predictedIndex}. */
	public synchronized long count(final int trueIndex, final int predictedIndex) {
		return counts[trueIndex][predictedIndex];
	}

	/** Number of samples whose true class is {@code trueIndex} (the support). */
	public synchronized long trueCount(final int trueIndex) {
		long s = 0;
		for (final long c : counts[trueIndex]) s += c;
		return s;
	}

	/** Number of samples predicted as {@code predictedIndex}. */
	public synchronized long predictedCount(final int predictedIndex) {
		long s = 0;
		for (final long[] row : counts) s += row[predictedIndex];
		return s;
	}

	/** Number of correct classifications (the diagonal). */
	public synchronized long correct() {
		long s = 0;
		for (int i = 0; i < counts.length; i++) s += counts[i][i];
		return s;
	}

	/** Total number of samples. */
	public synchronized long total() {
		long s = 0;
		for (final long[] row : counts)
			for (final long c : row) s += c;
		return s;
	}

	/** Index of a class name. */
	public int indexOf(final String className) {
		final int i = classNames.indexOf(className);
		if (i < 0) throw new IllegalArgumentException("Unknown class '" + className + "'; classes: " + classNames);
		return i;
	}

	/** A copy of the counts, [true][predicted]. */
	public synchronized long[][] counts() {
		final long[][] copy = new long[counts.length][];
		for (int i = 0; i < counts.length; i++) copy[i] = counts[i].clone();
		return copy;
	}

	/**
	 * The CSV text: a header row {@code true\predicted} followed by the predicted class names, then
	 * one row per true class (its name, then counts).
	 */
	public String toCsv() {
		final long[][] c = counts();
		final StringBuilder sb = new StringBuilder();
		final List<String> header = new ArrayList<>();
		header.add("true\\predicted");
		header.addAll(classNames);
		sb.append(Csv.line(header));
		for (int t = 0; t < c.length; t++) {
			final List<String> row = new ArrayList<>();
			row.add(classNames.get(t));
			for (final long v : c[t]) row.add(Long.toString(v));
			sb.append(Csv.line(row));
		}
		return sb.toString();
	}

	/** Writes {@link #toCsv()} atomically (conventionally to {@code confusion_matrix.csv}). */
	public void writeCsv(final Path file, final boolean overwrite) throws IOException {
		AtomicFiles.writeString(file, toCsv(), overwrite);
	}

	private void check(final int index) {
		if (index < 0 || index >= counts.length) throw new IndexOutOfBoundsException(
			"Class index " + index + " outside 0.." + (counts.length - 1));
	}
}
