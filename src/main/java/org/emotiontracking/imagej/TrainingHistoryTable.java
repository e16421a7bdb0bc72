package org.emotiontracking.imagej;

import ij.measure.ResultsTable;

import java.util.List;

import org.emotiontracking.core.report.EpochResult;
import org.emotiontracking.core.report.TrainingHistory;

/**
 * The "Training History" table: one row per epoch with the columns of training_history.csv
 * ({@code epoch, loss, accuracy, val_loss, val_accuracy, seconds}), for plotting or
 * {@code saveAs("Results", ...)} in a macro.
 */
public final class TrainingHistoryTable {

	public static final String TITLE = "Training History";

	private TrainingHistoryTable() {}

	/** A new table (not shown) of the given epochs. */
	public static ResultsTable of(final List<EpochResult> epochs) {
		final List<String> h = TrainingHistory.HEADERS;
		final ResultsTable rt = new ResultsTable();
		rt.showRowNumbers(false);
		for (final EpochResult e : epochs) {
			rt.incrementCounter();
			rt.addValue(h.get(0), e.epoch());
			rt.addValue(h.get(1), e.loss());
			rt.addValue(h.get(2), e.accuracy());
			rt.addValue(h.get(3), e.validationLoss());
			rt.addValue(h.get(4), e.validationAccuracy());
			rt.addValue(h.get(5), e.seconds());
		}
		for (int c = 1; c <= 4; c++)
			if (rt.columnExists(h.get(c))) rt.setDecimalPlaces(rt.getColumnIndex(h.get(c)), 4);
		if (rt.columnExists(h.get(0))) rt.setDecimalPlaces(rt.getColumnIndex(h.get(0)), 0);
		return rt;
	}

	/** Shows the epochs as {@value #TITLE} (replacing an earlier one); nothing in a headless JVM. */
	public static void show(final List<EpochResult> epochs) {
		of(epochs).show(TITLE);
	}
}
