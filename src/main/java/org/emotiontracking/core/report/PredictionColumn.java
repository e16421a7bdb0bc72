package org.emotiontracking.core.report;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** The optional columns of a prediction table, chosen when the table is created. */
public enum PredictionColumn {
	SLICE("slice"), FRAME("frame"), TIME("time_s"), FACE("face"), X("x"), Y("y"), WIDTH("width"), HEIGHT("height"), SUBSET("subset"), ERROR("error");

	/** The four face-box columns. */
	public static final Set<PredictionColumn> BOX = Collections.unmodifiableSet(EnumSet.of(X, Y, WIDTH, HEIGHT));

	private final String header;

	PredictionColumn(final String header) {
		this.header = header;
	}

	/** The column name in CSV headers and results tables. */
	public String header() {
		return header;
	}
}
