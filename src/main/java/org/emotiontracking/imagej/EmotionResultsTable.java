package org.emotiontracking.imagej;

import ij.measure.ResultsTable;

import java.util.List;

import org.emotiontracking.core.report.PredictionColumn;
import org.emotiontracking.core.report.PredictionRow;

/**
 * The "Emotion Results" table: one row per face (or per image without a face), columns
 * {@code Image, Slice, Face, X, Y, Width, Height, Emotion, Confidence, P(<class>)...} in model class
 * order, the detector's keypoints ({@code right_eye_x, right_eye_y, ...}: the CSV log's names,
 * {@link PredictionColumn#keypointHeaders()}; pixels, 1 decimal; empty where the detector gives none),
 * then {@code Error} (why a row has no prediction, e.g. "no face found"; empty otherwise).
 * Unknown values are empty text cells (NaN for {@code Table.get} in macros; {@code ""} in the CSV that
 * {@code saveAs("Results", path)} writes, an empty field to CSV readers). Confidence and
 * probabilities are 0..1 with 4 decimals.
 */
public final class EmotionResultsTable {

	/** The window title; macros address the table by it ({@code Table.*} functions, selectWindow). */
	public static final String TITLE = "Emotion Results";

	private static final int DECIMALS = 4;

	private EmotionResultsTable() {}

	/** The column of the probability of {@code emotion}: "P(happy)". */
	public static String probabilityColumn(final String emotion) {
		return "P(" + emotion + ")";
	}

	/** A new empty table (not shown). */
	public static ResultsTable create() {
		final ResultsTable rt = new ResultsTable();
		rt.showRowNumbers(false);
		return rt;
	}

	/** The table shown as {@value #TITLE}, to append to, or a new one if none is open. */
	public static ResultsTable shownOrNew() {
		final ResultsTable rt = ResultsTable.getResultsTable(TITLE);
		return rt != null ? rt : create();
	}

	/** A new table (not shown) holding {@code rows}. */
	public static ResultsTable of(final List<PredictionRow> rows, final List<String> classNames) {
		final ResultsTable rt = create();
		for (final PredictionRow row : rows) add(rt, row, classNames);
		return rt;
	}

	/**
	 * Appends one row. {@code classNames} (model order) name the probability columns; a row whose
	 * probabilities do not match them is an error.
	 */
	public static void add(final ResultsTable rt, final PredictionRow row, final List<String> classNames) {
		final double[] p = row.probabilities();
		if (p != null && p.length != classNames.size()) throw new IllegalArgumentException("Row for " + row.image() +
			" has " + p.length + " probabilities, the table has " + classNames.size() + " classes");
		rt.incrementCounter();
		rt.addValue("Image", row.image());
		integer(rt, "Slice", row.slice());
		integer(rt, "Face", row.face());
		integer(rt, "X", row.x());
		integer(rt, "Y", row.y());
		integer(rt, "Width", row.width());
		integer(rt, "Height", row.height());
		rt.addValue("Emotion", row.predictedEmotion() == null ? "" : row.predictedEmotion());
		fraction(rt, "Confidence", row.confidence());
		for (int i = 0; i < classNames.size(); i++)
			fraction(rt, probabilityColumn(classNames.get(i)), p == null ? Double.NaN : p[i]);
		final double[] xy = row.keypoints().toArray();
		final List<String> names = PredictionColumn.keypointHeaders();
		for (int i = 0; i < xy.length; i++) {
			if (Double.isNaN(xy[i])) rt.addValue(names.get(i), "");
			else {
				rt.addValue(names.get(i), xy[i]);
				rt.setDecimalPlaces(rt.getColumnIndex(names.get(i)), 1);
			}
		}
		rt.addValue("Error", row.error() == null ? "" : row.error());
	}

	/** Shows (or updates) the table as {@value #TITLE}; does nothing in a headless JVM. */
	public static void show(final ResultsTable rt) {
		rt.show(TITLE);
	}

	private static void integer(final ResultsTable rt, final String column, final Integer v) {
		if (v == null) rt.addValue(column, "");
		else {
			rt.addValue(column, v);
			rt.setDecimalPlaces(rt.getColumnIndex(column), 0);
		}
	}

	private static void fraction(final ResultsTable rt, final String column, final double v) {
		if (Double.isNaN(v)) rt.addValue(column, "");
		else {
			rt.addValue(column, v);
			rt.setDecimalPlaces(rt.getColumnIndex(column), DECIMALS);
		}
	}
}
