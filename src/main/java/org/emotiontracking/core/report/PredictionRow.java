package org.emotiontracking.core.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.emotiontracking.core.detect.Keypoints;

/**
 * One prediction for one face (or one whole image), or the reason there is none.
 * <p>
 * Immutable; build it with {@link #builder(String)} or one of the factories. The same rows fill
 * the CSV {@link PredictionLog} and an ImageJ results table (via {@link PredictionColumns}).
 * Unknown values are {@code null} (objects) or {@code NaN} (confidence) and become empty cells.
 * A row without a prediction carries the reason in {@link #error()}, e.g. {@link #NO_FACE}.
 */
public final class PredictionRow {

	/** The {@link #error()} text of a row for an image in which no face was found. */
	public static final String NO_FACE = "no face found";

	private final Instant timestamp;
	private final String image;
	private final Integer slice;
	private final Long frame;
	private final Double time;
	private final Integer face;
	private final Integer x, y, width, height;
	private final String subset;
	private final String error;
	private final String predictedEmotion;
	private final double confidence;
	private final String trueLabel;
	private final double[] probabilities;
	private final Keypoints keypoints;

	private PredictionRow(final Builder b) {
		timestamp = b.timestamp != null ? b.timestamp : Instant.now();
		image = Objects.requireNonNull(b.image, "image");
		slice = b.slice;
		frame = b.frame;
		time = b.time;
		face = b.face;
		x = b.x;
		y = b.y;
		width = b.width;
		height = b.height;
		subset = b.subset;
		error = b.error;
		predictedEmotion = b.predictedEmotion;
		confidence = b.confidence;
		trueLabel = b.trueLabel;
		probabilities = b.probabilities == null ? null : b.probabilities.clone();
		keypoints = b.keypoints == null ? Keypoints.NONE : b.keypoints;
	}

	/** A row predicting the most probable of {@code classNames} for a whole image. */
	public static PredictionRow of(final String image, final List<String> classNames, final double[] probabilities) {
		return builder(image).prediction(classNames, probabilities).build();
	}

	/** A row for an image in which no face was found: no prediction, error {@value #NO_FACE}. */
	public static PredictionRow noFace(final String image) {
		return builder(image).error(NO_FACE).build();
	}

	/** A row for an image that could not be processed: no prediction, the error message filled. */
	public static PredictionRow failed(final String image, final String error) {
		return builder(image).error(error == null || error.isEmpty() ? "error" : error).build();
	}

	/** A builder for a row about {@code image} (a path relative to the input, or a title). */
	public static Builder builder(final String image) {
		return new Builder(image);
	}

	/** A builder initialised with this row's values. */
	public Builder toBuilder() {
		final Builder b = new Builder(image);
		b.timestamp = timestamp;
		b.slice = slice;
		b.frame = frame;
		b.time = time;
		b.face = face;
		b.x = x;
		b.y = y;
		b.width = width;
		b.height = height;
		b.subset = subset;
		b.error = error;
		b.predictedEmotion = predictedEmotion;
		b.confidence = confidence;
		b.trueLabel = trueLabel;
		b.probabilities = probabilities;
		b.keypoints = keypoints;
		return b;
	}

	/** When the prediction was made. */
	public Instant timestamp() { return timestamp; }

	/** The image path relative to the input folder (or an image title). */
	public String image() { return image; }

	/** 1-based slice or frame number, or null. */
	public Integer slice() { return slice; }

	/** 1-based frame number in a video, or null. */
	public Long frame() { return frame; }

	/** Presentation time in a video in seconds, or null. */
	public Double time() { return time; }

	/** Face id (index within the image, or a track id over frames), or null. */
	public Integer face() { return face; }

	/** Face box left edge in pixels, or null. */
	public Integer x() { return x; }

	/** Face box top edge in pixels, or null. */
	public Integer y() { return y; }

	/** Face box width in pixels, or null. */
	public Integer width() { return width; }

	/** Face box height in pixels, or null. */
	public Integer height() { return height; }

	/** Dataset subset, e.g. "training" or "validation", or null. */
	public String subset() { return subset; }

	/** Why there is no prediction (e.g. {@link #NO_FACE} or an exception message), or null. */
	public String error() { return error; }

	/** The predicted class name, or null if there is no prediction. */
	public String predictedEmotion() { return predictedEmotion; }

	/** Probability of the predicted class, 0..1, or NaN. */
	public double confidence() { return confidence; }

	/** The known true class name, or null. */
	public String trueLabel() { return trueLabel; }

	/** Class probabilities in model order (a copy), or null. */
	public double[] probabilities() { return probabilities == null ? null : probabilities.clone(); }

	/** The face's keypoints in image pixels ({@link Keypoints#NONE} if the detector gives none). */
	public Keypoints keypoints() { return keypoints; }

	/** Whether this row holds a prediction. */
	public boolean hasPrediction() { return predictedEmotion != null; }

	/** Whether this row has a face box. */
	public boolean hasBox() { return x != null && y != null && width != null && height != null; }

	/** Number of probabilities, 0 if none. */
	int probabilityCount() { return probabilities == null ? 0 : probabilities.length; }

	/** Probability i without copying, NaN if absent. */
	double probability(final int i) {
		return probabilities == null || i >= probabilities.length ? Double.NaN : probabilities[i];
	}

	@Override
	public String toString() {
		return image + (face != null ? "#" + face : "") + ": " +
			(hasPrediction() ? predictedEmotion + " (" + Csv.number(confidence * 100, 1) + "%)" : error);
	}

	/** Builds a {@link PredictionRow}; every setter is optional. */
	public static final class Builder {

		private Instant timestamp;
		private final String image;
		private Integer slice, face, x, y, width, height;
		private Long frame;
		private Double time;
		private String subset, error, predictedEmotion, trueLabel;
		private double confidence = Double.NaN;
		private double[] probabilities;
		private Keypoints keypoints;

		private Builder(final String image) {
			this.image = Objects.requireNonNull(image, "image");
		}

		/** When the prediction was made; default: when {@link #build()} is called. */
		public Builder timestamp(final Instant value) { timestamp = value; return this; }

		/** 1-based slice or frame number. */
		public Builder slice(final int value) { slice = value; return this; }

		/** 1-based frame number in a video. */
		public Builder frame(final long value) { frame = value; return this; }

		/** Presentation time in a video in seconds. */
		public Builder time(final double value) { time = value; return this; }

		/** Face id within the image or track id over frames. */
		public Builder face(final int value) { face = value; return this; }

		/** Face box in pixels. */
		public Builder box(final int left, final int top, final int boxWidth, final int boxHeight) {
			x = left;
			y = top;
			width = boxWidth;
			height = boxHeight;
			return this;
		}

		/** The face's keypoints in image pixels. */
		public Builder keypoints(final Keypoints value) { keypoints = value; return this; }

		/** Dataset subset, e.g. "training" or "validation". */
		public Builder subset(final String value) { subset = value; return this; }

		/** Why there is no prediction. */
		public Builder error(final String value) { error = value; return this; }

		/** The known true class name. */
		public Builder trueLabel(final String value) { trueLabel = value; return this; }

		/** The prediction as a class name and its probability, without per-class probabilities. */
		public Builder prediction(final String emotion, final double probability) {
			predictedEmotion = emotion;
			confidence = probability;
			return this;
		}

		/**
		 * The prediction from class probabilities in model order: the most probable class
		 * (first on ties), its probability, and all probabilities.
		 */
		public Builder prediction(final List<String> classNames, final double[] classProbabilities) {
			if (classProbabilities.length != classNames.size()) throw new IllegalArgumentException(
				classProbabilities.length + " probabilities for " + classNames.size() + " classes");
			int best = 0;
			for (int i = 1; i < classProbabilities.length; i++)
				if (classProbabilities[i] > classProbabilities[best]) best = i;
			predictedEmotion = classNames.get(best);
			confidence = classProbabilities[best];
			probabilities = classProbabilities.clone();
			return this;
		}

		/** Per-class probabilities in model order, without changing the predicted class. */
		public Builder probabilities(final double[] classProbabilities) {
			probabilities = classProbabilities == null ? null : classProbabilities.clone();
			return this;
		}

		public PredictionRow build() {
			return new PredictionRow(this);
		}
	}
}
