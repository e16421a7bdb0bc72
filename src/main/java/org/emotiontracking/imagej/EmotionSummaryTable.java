package org.emotiontracking.imagej;

import ij.measure.ResultsTable;

import java.util.List;

import org.emotiontracking.core.report.EmotionSummary;

/**
 * The "Emotion Summary" table: one row per image (and per tracked face of a video), the same as
 * {@code summary.csv}: {@code Image, Face ID} (empty on an image's own row), {@code Faces, Dominant},
 * {@code N(<class>)} and {@code Mean P(<class>)} (4 decimals) per class in model order.
 */
public final class EmotionSummaryTable {

	/** The window title; macros address the table by it. */
	public static final String TITLE = "Emotion Summary";

	private EmotionSummaryTable() {}

	/** A new empty table (not shown). */
	public static ResultsTable create() {
		final ResultsTable rt = new ResultsTable();
		rt.showRowNumbers(false);
		return rt;
	}

	/** Appends summary rows. */
	public static void add(final ResultsTable rt, final List<EmotionSummary.Row> rows, final List<String> classNames) {
		for (final EmotionSummary.Row r : rows) {
			rt.incrementCounter();
			rt.addValue("Image", r.image());
			if (r.faceId() == null) rt.addValue("Face ID", "");
			else whole(rt, "Face ID", r.faceId());
			whole(rt, "Faces", r.faces());
			rt.addValue("Dominant", r.dominantEmotion() == null ? "" : r.dominantEmotion());
			for (int i = 0; i < classNames.size(); i++) whole(rt, "N(" + classNames.get(i) + ")", r.count(i));
			for (int i = 0; i < classNames.size(); i++) {
				final String column = "Mean P(" + classNames.get(i) + ")";
				final double v = r.meanProbability(i);
				if (Double.isNaN(v)) rt.addValue(column, "");
				else {
					rt.addValue(column, v);
					rt.setDecimalPlaces(rt.getColumnIndex(column), 4);
				}
			}
		}
	}

	/** Shows (or updates) the table as {@value #TITLE}; does nothing in a headless JVM. */
	public static void show(final ResultsTable rt) {
		rt.show(TITLE);
	}

	private static void whole(final ResultsTable rt, final String column, final long v) {
		rt.addValue(column, v);
		rt.setDecimalPlaces(rt.getColumnIndex(column), 0);
	}
}
