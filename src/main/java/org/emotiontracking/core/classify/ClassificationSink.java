package org.emotiontracking.core.classify;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.emotiontracking.core.detect.FaceBox;
import org.emotiontracking.core.report.PredictionColumns;
import org.emotiontracking.core.report.PredictionRow;

/**
 * Receives the results of {@link EmotionClassification}, one {@link PredictionRow} per face, per
 * image without a face ({@link PredictionRow#NO_FACE}) and per image that failed (error filled).
 * <p>
 * All calls come from the thread that called {@link EmotionClassification#classify}, one at a
 * time, in input order (items in order, faces of an item in reading order), so an implementation
 * needs no locking. The CSV log, an ImageJ results table and overlays are all sinks fed the same rows.
 */
public interface ClassificationSink {

	/** Called once before any row, with the table layout (class names in model order). */
	default void start(final PredictionColumns columns) throws IOException {}

	/**
	 * One result row.
	 *
	 * @param row   the row (also holds the item's name, slice, box and true label)
	 * @param box   the face in the image's pixel coordinates (the whole image with
	 *              {@link FaceMode#WHOLE}), or null for rows without a face (no face found, failed)
	 * @param index 0-based position of the item in the input (e.g. slice - 1 for a stack)
	 */
	void accept(PredictionRow row, FaceBox box, long index) throws IOException;

	/** A sink that ignores everything. */
	ClassificationSink NONE = (row, box, index) -> {};

	/** A sink passing every call to each of {@code sinks} in turn (nulls skipped). */
	static ClassificationSink all(final ClassificationSink... sinks) {
		final List<ClassificationSink> list = new ArrayList<>();
		for (final ClassificationSink s : sinks) if (s != null) list.add(s);
		return new ClassificationSink() {
			@Override
			public void start(final PredictionColumns columns) throws IOException {
				for (final ClassificationSink s : list) s.start(columns);
			}

			@Override
			public void accept(final PredictionRow row, final FaceBox box, final long index) throws IOException {
				for (final ClassificationSink s : list) s.accept(row, box, index);
			}
		};
	}
}
