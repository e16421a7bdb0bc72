package org.emotiontracking.core.report;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.emotiontracking.core.detect.Keypoint;
import org.emotiontracking.core.detect.Keypoints;

/**
 * The column layout of a prediction table and the conversion of a {@link PredictionRow} to cells.
 * <p>
 * Columns, in order: {@code timestamp, image}, the chosen {@link PredictionColumn optional
 * columns} in enum order except {@code error}, {@code predicted_emotion, confidence, true_label},
 * {@code p_<class>} for every class in model order, then the keypoint columns if chosen
 * ({@link PredictionColumn#keypointHeaders()}: pixels with one decimal, empty where the detector gives
 * none), then {@code error} if chosen (last, as its free text may be long). Timestamps are ISO-8601 with milliseconds
 * and
 * offset (e.g. {@code 2026-11-25T21:30:00.123+01:00}, or {@code ...Z} in UTC); confidence and
 * probabilities have 6 decimals.
 */
public final class PredictionColumns {

	private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
	private static final int DECIMALS = 6;
	private static final int KEYPOINT_DECIMALS = 1;

	private final List<String> classNames;
	private final Set<PredictionColumn> optional;
	private final DateTimeFormatter timestampFormat;
	private final List<String> headers;

	/** A layout with timestamps in the local time zone. */
	public PredictionColumns(final List<String> classNames, final Set<PredictionColumn> optionalColumns) {
		this(classNames, optionalColumns, ZoneId.systemDefault());
	}

	/** A layout with timestamps in {@code zone} (e.g. {@code ZoneOffset.UTC}). */
	public PredictionColumns(final List<String> classNames, final Set<PredictionColumn> optionalColumns,
		final ZoneId zone) {
		if (classNames.isEmpty()) throw new IllegalArgumentException("No class names");
		this.classNames = List.copyOf(classNames);
		this.optional = optionalColumns.isEmpty() ? EnumSet.noneOf(PredictionColumn.class)
			: EnumSet.copyOf(optionalColumns);
		this.timestampFormat = ISO_MILLIS.withZone(zone);
		final List<String> h = new ArrayList<>();
		h.add("timestamp");
		h.add("image");
		for (final PredictionColumn c : optional) if (inFront(c)) h.add(c.header());
		h.add("predicted_emotion");
		h.add("confidence");
		h.add("true_label");
		for (final String name : this.classNames) h.add("p_" + name);
		if (optional.contains(PredictionColumn.KEYPOINTS)) h.addAll(PredictionColumn.keypointHeaders());
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
		final int firstKeypoint = optional.contains(PredictionColumn.KEYPOINTS)
			? headers.indexOf(PredictionColumn.keypointHeaders().get(0)) : Integer.MAX_VALUE;
		final int endKeypoint = firstKeypoint == Integer.MAX_VALUE ? firstKeypoint : firstKeypoint
			+ PredictionColumn.keypointHeaders().size();
		for (int i = 0; i < values.size(); i++) {
			final Object v = values.get(i);
			if (v == null) cells.add("");
			else if (v instanceof Double && i >= firstKeypoint && i < endKeypoint) cells.add(
				Csv.number((Double) v, KEYPOINT_DECIMALS));
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
		for (final PredictionColumn c : optional) if (inFront(c)) v.add(optionalValue(row, c));
		v.add(row.predictedEmotion());
		v.add(Double.isNaN(row.confidence()) ? null : row.confidence());
		v.add(row.trueLabel());
		for (int i = 0; i < classNames.size(); i++) v.add(n == 0 ? null : row.probability(i));
		if (optional.contains(PredictionColumn.KEYPOINTS)) {
			final double[] xy = row.keypoints().toArray();
			for (final double c : xy) v.add(Double.isNaN(c) ? null : c);
		}
		if (optional.contains(PredictionColumn.ERROR)) v.add(row.error());
		return v;
	}

	/** Whether an optional column comes before predicted_emotion. */
	private static boolean inFront(final PredictionColumn c) {
		return c != PredictionColumn.ERROR && c != PredictionColumn.KEYPOINTS;
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
			case KEYPOINTS: throw new AssertionError(c); // after the probabilities
			default: throw new AssertionError(c);
		}
	}
	/**
	 * The layout whose {@link #headers()} are {@code headers} (e.g. a log's first line), with
	 * timestamps in the local time zone: the inverse of {@link #headers()}.
	 *
	 * @throws IllegalArgumentException if no layout has these headers
	 */
	public static PredictionColumns fromHeaders(final List<String> headers) {
		final List<String> classes = new ArrayList<>();
		final Set<PredictionColumn> optional = EnumSet.noneOf(PredictionColumn.class);
		for (final String h : headers) {
			if (h.startsWith("p_")) classes.add(h.substring(2));
			else if (h.equals(PredictionColumn.keypointHeaders().get(0))) optional.add(PredictionColumn.KEYPOINTS);
			else for (final PredictionColumn c : PredictionColumn.values())
				if (c.header().equals(h)) optional.add(c);
		}
		if (classes.isEmpty()) throw new IllegalArgumentException("Not a prediction table (no p_<class> columns): "
			+ headers);
		final PredictionColumns columns = new PredictionColumns(classes, optional);
		if (!columns.headers.equals(headers)) throw new IllegalArgumentException("Not a prediction table layout: "
			+ headers + " (expected " + columns.headers + ")");
		return columns;
	}

	/**
	 * The row whose {@link #cells} are {@code cells}: the inverse of {@link #cells}, so that
	 * {@code cells(row(c))} is {@code c} for every line this layout wrote (the timestamp keeps its
	 * instant; its text follows this layout's time zone).
	 *
	 * @throws IllegalArgumentException naming the column whose cell cannot be read
	 */
	public PredictionRow row(final List<String> cells) {
		if (cells.size() != headers.size()) throw new IllegalArgumentException(cells.size() + " cells for "
			+ headers.size() + " columns");
		int k = 0;
		final String time = cells.get(k++);
		final PredictionRow.Builder b = PredictionRow.builder(cells.get(k++));
		try {
			b.timestamp(OffsetDateTime.parse(time, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
		}
		catch (final DateTimeParseException e) {
			throw new IllegalArgumentException("timestamp '" + time + "' is not ISO-8601 with an offset", e);
		}
		final Integer[] box = new Integer[4];
		for (final PredictionColumn c : optional) {
			if (!inFront(c)) continue;
			final String v = cells.get(k++);
			if (v.isEmpty()) continue;
			switch (c) {
				case SLICE: b.slice(integer(c, v)); break;
				case FRAME:
					try {
						b.frame(Long.parseLong(v));
					}
					catch (final NumberFormatException e) {
						throw new IllegalArgumentException("frame '" + v + "' is not a whole number", e);
					}
					break;
				case TIME: b.time(number(c.header(), v)); break;
				case FACE: b.face(integer(c, v)); break;
				case X: box[0] = integer(c, v); break;
				case Y: box[1] = integer(c, v); break;
				case WIDTH: box[2] = integer(c, v); break;
				case HEIGHT: box[3] = integer(c, v); break;
				case SUBSET: b.subset(v); break;
				default: throw new IllegalArgumentException("column " + c.header() + " cannot be read back");
			}
		}
		if (box[0] != null || box[1] != null || box[2] != null || box[3] != null) {
			for (final Integer v : box) if (v == null) throw new IllegalArgumentException("incomplete face box");
			b.box(box[0], box[1], box[2], box[3]);
		}
		final String predicted = cells.get(k++), confidence = cells.get(k++), truth = cells.get(k++);
		if (!predicted.isEmpty()) b.prediction(predicted, confidence.isEmpty() ? Double.NaN
			: number("confidence", confidence));
		if (!truth.isEmpty()) b.trueLabel(truth);
		double[] p = null;
		for (int i = 0; i < classNames.size(); i++) {
			final String v = cells.get(k++);
			if (v.isEmpty()) continue;
			if (p == null) {
				p = new double[classNames.size()];
				Arrays.fill(p, Double.NaN);
			}
			p[i] = number("p_" + classNames.get(i), v);
		}
		if (p != null) b.probabilities(p);
		if (optional.contains(PredictionColumn.KEYPOINTS)) {
			final List<String> names = PredictionColumn.keypointHeaders();
			final double[] xy = new double[names.size()];
			for (int i = 0; i < xy.length; i++) {
				final String v = cells.get(k++);
				xy[i] = v.isEmpty() ? Double.NaN : number(names.get(i), v);
			}
			b.keypoints(Keypoints.of(Keypoint.values(), xy));
		}
		if (optional.contains(PredictionColumn.ERROR) && !cells.get(k).isEmpty()) b.error(cells.get(k));
		return b.build();
	}

	private static int integer(final PredictionColumn c, final String v) {
		try {
			return Integer.parseInt(v);
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException(c.header() + " '" + v + "' is not a whole number", e);
		}
	}

	private static double number(final String column, final String v) {
		try {
			return Double.parseDouble(v);
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException(column + " '" + v + "' is not a number", e);
		}
	}
}
