package org.emotiontracking.core.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.emotiontracking.core.detect.Keypoint;

/**
 * The optional columns of a prediction table, chosen when the table is created. {@link #KEYPOINTS}
 * stands for two columns per {@link Keypoint} ({@code right_eye_x, right_eye_y, ...}, in
 * {@link Keypoint} order), placed after the probabilities.
 */
public enum PredictionColumn {
	SLICE("slice"), FRAME("frame"), TIME("time_s"), FACE("face"), X("x"), Y("y"), WIDTH("width"), HEIGHT("height"),
		SUBSET("subset"),
	KEYPOINTS("keypoints"), ERROR("error");

	/** The four face-box columns. */
	public static final Set<PredictionColumn> BOX = Collections.unmodifiableSet(EnumSet.of(X, Y, WIDTH, HEIGHT));

	private final String header;

	PredictionColumn(final String header) {
		this.header = header;
	}

	/** The headers of the keypoint columns: {@code <keypoint>_x, <keypoint>_y} for every {@link Keypoint}, in order. */
	public static List<String> keypointHeaders() {
		final List<String> out = new ArrayList<>();
		for (final Keypoint k : Keypoint.values()) {
			out.add(k.id() + "_x");
			out.add(k.id() + "_y");
		}
		return Collections.unmodifiableList(out);
	}

	/** The column name in CSV headers and results tables ({@link #KEYPOINTS}: see {@link #keypointHeaders()}). */
	public String header() {
		return header;
	}
}
