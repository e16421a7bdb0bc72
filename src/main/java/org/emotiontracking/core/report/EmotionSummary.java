package org.emotiontracking.core.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Per-image summary of prediction rows: for each image, the number of faces with a prediction, the
 * dominant emotion, and per emotion the number of faces predicted as it and its mean probability
 * over the image's faces; with a track function (videos: the face id of a tracked face), also one
 * summary per (image, face id).
 * <p>
 * Streaming: {@link #add} takes rows in input order, where the rows of one image are contiguous (as
 * a classify run and a merge produce them); each image's summaries are complete, and returned, when
 * the next image starts, and the last ones by {@link #finish()}. Memory holds one image's faces only.
 * {@link #of} is the same over a whole list.
 * <p>
 * The dominant emotion is the one predicted most often; ties go to the higher mean probability, then
 * to model order. Mean probabilities are over the faces whose row carries per-class probabilities
 * (NaN when none does), taken at the 6 decimals of the CSV log, so the log alone gives the same summary. Rows without a
 * prediction (no face found, failed) count no face but still
 * give the image its row.
 */
public final class EmotionSummary {

	/** One summary line: an image (faceId null) or one tracked face of a video (faceId set). */
	public static final class Row {

		private final String image;
		private final Integer faceId;
		private final long faces;
		private final long[] counts;
		private final double[] meanProbabilities;
		private final String dominant;

		Row(final String image, final Integer faceId, final long faces, final long[] counts, final double[] means,
			final String dominant)
		{
			this.image = image;
			this.faceId = faceId;
			this.faces = faces;
			this.counts = counts;
			this.meanProbabilities = means;
			this.dominant = dominant;
		}

		public String image() { return image; }

		/** The tracked face's id, or null for the row of the whole image. */
		public Integer faceId() { return faceId; }

		/** Faces with a prediction (for a tracked face: the frames it was classified in). */
		public long faces() { return faces; }

		/** The emotion predicted most often, or null when there is no face. */
		public String dominantEmotion() { return dominant; }

		/** Faces predicted as class {@code i} (model order). */
		public long count(final int i) { return counts[i]; }

		/** Mean probability of class {@code i} over the faces, NaN when no face had probabilities. */
		public double meanProbability(final int i) { return meanProbabilities[i]; }

		@Override
		public String toString() {
			return image + (faceId == null ? "" : "#" + faceId) + ": " + faces + " face" + (faces == 1 ? "" : "s") +
				(dominant == null ? "" : ", mostly " + dominant);
		}
	}

	/** No per-face rows: one summary per image. */
	public static final Function<PredictionRow, Integer> IMAGES_ONLY = r -> null;

	private final List<String> classNames;
	private final Function<PredictionRow, Integer> trackOf;
	private String image;
	private Tally whole;
	private final Map<Integer, Tally> tracks = new LinkedHashMap<>();

	/**
	 * @param classNames class names in model order
	 * @param trackOf    a row's tracked-face id (a video's face id), or null for rows summarised per
	 *                   image only; {@link #IMAGES_ONLY} for none
	 */
	public EmotionSummary(final List<String> classNames, final Function<PredictionRow, Integer> trackOf) {
		if (classNames.isEmpty()) throw new IllegalArgumentException("No class names");
		this.classNames = List.copyOf(classNames);
		this.trackOf = trackOf;
	}

	/** One summary per image of {@code rows} (rows of an image contiguous). */
	public static List<Row> of(final Iterable<PredictionRow> rows, final List<String> classNames) {
		return of(rows, classNames, IMAGES_ONLY);
	}

	/** The summaries of {@code rows}: per image, and per (image, track) where {@code trackOf} gives one. */
	public static List<Row> of(final Iterable<PredictionRow> rows, final List<String> classNames,
		final Function<PredictionRow, Integer> trackOf)
	{
		final EmotionSummary s = new EmotionSummary(classNames, trackOf);
		final List<Row> out = new ArrayList<>();
		for (final PredictionRow r : rows) out.addAll(s.add(r));
		out.addAll(s.finish());
		return out;
	}

	public List<String> classNames() { return classNames; }

	/**
	 * Adds a row; returns the summaries of the previous image when this row starts a new one (the
	 * image's row first, then its tracked faces by first appearance), else nothing.
	 */
	public List<Row> add(final PredictionRow row) {
		List<Row> done = Collections.emptyList();
		if (image == null || !image.equals(row.image())) {
			done = finish();
			image = row.image();
			whole = new Tally();
		}
		whole.add(row);
		final Integer track = row.hasPrediction() ? trackOf.apply(row) : null;
		if (track != null) tracks.computeIfAbsent(track, t -> new Tally()).add(row);
		return done;
	}

	/** The summaries of the last image (empty if there was none); the summary can then go on. */
	public List<Row> finish() {
		if (image == null) return Collections.emptyList();
		final List<Row> out = new ArrayList<>(1 + tracks.size());
		out.add(whole.row(image, null));
		for (final Map.Entry<Integer, Tally> e : tracks.entrySet()) out.add(e.getValue().row(image, e.getKey()));
		image = null;
		whole = null;
		tracks.clear();
		return out;
	}

	/** Counts and probability sums of one image or track. */
	private final class Tally {

		final long[] counts = new long[classNames.size()];
		final double[] sums = new double[classNames.size()];
		long faces, withProbabilities;

		void add(final PredictionRow row) {
			if (!row.hasPrediction()) return;
			faces++;
			final int k = classNames.indexOf(row.predictedEmotion());
			if (k >= 0) counts[k]++;
			if (row.probabilityCount() == classNames.size()) {
				withProbabilities++;
				// as the log writes them, so a summary recomputed from the log (merge) has the same bytes
				for (int i = 0; i < sums.length; i++) sums[i] += Double.parseDouble(Csv.number(row.probability(i), 6));
			}
		}

		Row row(final String name, final Integer faceId) {
			final double[] means = new double[sums.length];
			for (int i = 0; i < means.length; i++) means[i] = withProbabilities == 0 ? Double.NaN
				: sums[i] / withProbabilities;
			int best = -1;
			for (int i = 0; i < counts.length; i++) {
				if (counts[i] == 0) continue;
				if (best < 0 || counts[i] > counts[best] || counts[i] == counts[best] && means[i] > means[best]) best =
					i;
			}
			return new Row(name, faceId, faces, counts.clone(), means, best < 0 ? null : classNames.get(best));
		}
	}
}
