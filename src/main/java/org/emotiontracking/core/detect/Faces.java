package org.emotiontracking.core.detect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** Ordering and selection of detected faces. */
public final class Faces {

	/** Left to right, then top to bottom, then larger first: a stable order for numbering faces. */
	public static final Comparator<FaceBox> READING_ORDER = Comparator.comparingInt(FaceBox::x)
		.thenComparingInt(FaceBox::y).thenComparing(Comparator.comparingLong(FaceBox::area).reversed())
		.thenComparing(Comparator.comparingDouble(FaceBox::score).reversed());

	private Faces() {}

	/** A new list in {@link #READING_ORDER}. */
	public static List<FaceBox> sorted(final List<FaceBox> faces) {
		final List<FaceBox> out = new ArrayList<>(faces);
		out.sort(READING_ORDER);
		return out;
	}

	/**
	 * A list holding only the largest face (by area; ties: higher score, then reading order), or
	 * an empty list if there is none.
	 */
	public static List<FaceBox> largestOnly(final List<FaceBox> faces) {
		if (faces.isEmpty()) return Collections.emptyList();
		final Comparator<FaceBox> bigFirst = Comparator.comparingLong(FaceBox::area).reversed()
			.thenComparing(Comparator.comparingDouble(FaceBox::score).reversed()).thenComparing(READING_ORDER);
		return Collections.singletonList(Collections.min(faces, bigFirst));
	}
}
