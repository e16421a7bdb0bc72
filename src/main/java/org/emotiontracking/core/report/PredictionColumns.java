package org.emotiontracking.core.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The column layout of a prediction table and the conversion of a {@link PredictionRow} to cells.
 * <p>
 * Columns, in order: {@code timestamp, image}, the chosen {@link PredictionColumn optional
 * columns} in enum order except {@code error}, {@code predicted_emotion, confidence, true_label},
 * {@code p_<class>} for every class in model order, then {@code error} if chosen (last, as its
 * free text may be long). Timestamps are ISO-8601 with milliseconds and
 * offset (e.g. {@code 2026-11-25T21:30:00.123+01:00}, or {@code ...Z} in UTC); confidence and
 * probabilities have 6 decimals.
 */
public final class PredictionColumns {

	private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
	private static final int DECIMALS = 6;

	private final List<String> classNames;
	private final Set<PredictionColumn> optional;
	private final DateTimeFormatter timestampFormat;
	private final List<String> headers;

	/** A layout with timestamps in the local time zone. */
	public PredictionColumns(final List<String> classNames, final Set<PredictionColumn> optionalColumns) {
		this(classNames, optionalColumns, ZoneId.systemDefault());
	}

	/** A layout with timestamps in {@code zone} (e.g. {@code ZoneOffset.UTC}). */
	public PredictionColumns(final List<String> classNames, final Set<PredictionColumn> optionalColumns, final ZoneId zone) {
		if (classNames.isEmpty()) throw new IllegalArgumentException("No class names");
		this.classNames = List.copyOf(classNames);
		this.optional = optionalColumns.isEmpty() ? EnumSet.noneOf(PredictionColumn.class) : EnumSet.copyOf(optionalColumns);
		this.timestampFormat = ISO_MILLIS.withZone(zone);
		final List<String> h = new ArrayList<>();
		h.add("timestamp");
		h.add("image");
		for (final PredictionColumn c : optional) if (c != PredictionColumn.ERROR) h.add(c.header());
		h.add("predicted_emotion");
		h.add("confidence");
		h.add("true_label");
		for (final String name : this.classNames) h.add("p_" + name);
		if (optional.contains(PredictionColumn.ERROR)) h.add(PredictionColumn.ERROR.header());
		headers = Collections.unmodifiableList(h);
	}

	/** Class names in model order. */
	public List<String> classNames() { return classNames; }

	/** The optional columns in use. */
	public Set<PredictionColumn> optionalColumns() { return Collections.unmodifiableSet(optional); }

	/** All column names, in order. */
	public List<String> headers() { return headers; }

	/** Formats a timestamp as written in the table. */
	public String formatTimestamp(final Instant t) {
		return timestampFormat.format(t);
	}

	/**
	 * The row's cells as text, one per {@link #headers() header}; unknown values are empty.
	 *
	 * @throws IllegalArgumentException if the row has probabilities for a different number of classes
	 */
	public List<String> cells(final PredictionRow row) {
		final List<Object> values = values(row);
		final List<String> cells = new ArrayList<>(values.size());
		for (final Object v : values) {
			if (v == null) cells.add("");
			else if (v instanceof Double) cells.add(Csv.number((Double) v, DECIMALS));
			else cells.add(v.toString());
		}
		return cells;
	}

	/**
	 * The row's values, one per {@link #headers() header}: {@link Integer} or {@link Double} for
	 * numeric columns, {@link String} otherwise, {@code null} where unknown (for results tables).
	 */
	public List<Object> values(final PredictionRow row) {
		final int n = row.probabilityCount();
		if (n != 0 && n != classNames.size()) throw new IllegalArgumentException(
			"Row for " + row.image() + " has " + n + " probabilities, the table has " + classNames.size() + " classes");
		final List<Object> v = new ArrayList<>(headers.size());
		v.add(formatTimestamp(row.timestamp()));
		v.add(row.image());
		for (final PredictionColumn c : optional) if (c != PredictionColumn.ERROR) v.add(optionalValue(row, c));
		v.add(row.predictedEmotion());
		v.add(Double.isNaN(row.confidence()) ? null : row.confidence());
		v.add(row.trueLabel());
		for (int i = 0; i < classNames.size(); i++) v.add(n == 0 ? null : row.probability(i));
		if (optional.contains(PredictionColumn.ERROR)) v.add(row.error());
		return v;
	}

	private static Object optionalValue(final PredictionRow row, final PredictionColumn c) {
		switch (c) {
			case SLICE: return row.slice();
			case FRAME: return row.frame();
			case TIME: return row.time();
			case FACE: return row.face();
			case X: return row.x();
			case Y: return row.y();
			case WIDTH: return row.width();
			case HEIGHT: return row.height();
			case SUBSET: return row.subset();
			case ERROR: return row.error();
			default: throw new AssertionError(c);
		}
	}
}
