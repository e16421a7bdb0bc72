package org.emotiontracking.core.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns BlazeFace's raw outputs into faces exactly as MediaPipe's {@code TensorsToDetectionsCalculator}
 * and {@code NonMaxSuppressionCalculator} do for face detection: boxes relative to the anchor centre
 * without exponential ({@code cx = r0 / S + ax}, {@code w = r2 / S}, keypoints likewise), score =
 * sigmoid of the logit clipped to +-100, then weighted non-maximum suppression at IoU 0.3.
 */
final class BlazeFaceDecoder {

	/** MediaPipe's logit clipping. */
	static final double SCORE_CLIP = 100;
	/** MediaPipe's suppression threshold for face detection. */
	static final double NMS_IOU = 0.3;

	private BlazeFaceDecoder() {}

	/** A face before suppression: corners and keypoints in some frame (normalised input, or pixels). */
	static final class Candidate {
		final double x0, y0, x1, y1;
		final double score;
		/** x, y per {@link BlazeFaceModel#KEYPOINTS}. */
		final double[] keypoints;

		Candidate(final double x0, final double y0, final double x1, final double y1, final double score,
			final double[] keypoints) {
			this.x0 = x0;
			this.y0 = y0;
			this.x1 = x1;
			this.y1 = y1;
			this.score = score;
			this.keypoints = keypoints;
		}

		double area() { return Math.max(0, x1 - x0) * Math.max(0, y1 - y0); }

		double iou(final Candidate o) {
			final double iw = Math.min(x1, o.x1) - Math.max(x0, o.x0);
			final double ih = Math.min(y1, o.y1) - Math.max(y0, o.y0);
			if (iw <= 0 || ih <= 0) return 0;
			final double inter = iw * ih;
			final double union = area() + o.area() - inter;
			return union > 0 ? inter / union : 0;
		}

		/** This candidate mapped by {@code v * scale + offset} (x and y alike). */
		Candidate map(final double scale, final double dx, final double dy) {
			final double[] k = keypoints.clone();
			for (int i = 0; i < k.length; i += 2) {
				k[i] = k[i] * scale + dx;
				k[i + 1] = k[i + 1] * scale + dy;
			}
			return new Candidate(x0 * scale + dx, y0 * scale + dy, x1 * scale + dx, y1 * scale + dy, score, k);
		}
	}

	/**
	 * The anchors whose score is at least {@code minScore}, decoded into the model's input frame,
	 * normalised to 0..1.
	 *
	 * @param regressors {@link BlazeFaceModel#VALUES_PER_ANCHOR} values per anchor, in anchor order
	 * @param logits one per anchor
	 */
	static List<Candidate> decode(final float[] regressors, final float[] logits, final BlazeFaceModel model,
		final double minScore) {
		final float[] anchors = model.anchorCentres();
		final int n = model.anchorCount();
		if (logits.length != n
			|| regressors.length != n * BlazeFaceModel.VALUES_PER_ANCHOR) throw new IllegalArgumentException(
			"BlazeFace " + model + " outputs need " + n + " anchors, got " + logits.length + " scores and "
			+ regressors.length +
				" box values");
		final double size = model.inputSize();
		final List<Candidate> out = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			final double score = sigmoid(logits[i]);
			if (score < minScore) continue;
			final int r = i * BlazeFaceModel.VALUES_PER_ANCHOR;
			final double ax = anchors[2 * i], ay = anchors[2 * i + 1];
			final double cx = regressors[r] / size + ax, cy = regressors[r + 1] / size + ay;
			final double w = regressors[r + 2] / size, h = regressors[r + 3] / size;
			final double[] k = new double[2 * BlazeFaceModel.KEYPOINTS.length];
			for (int j = 0; j < BlazeFaceModel.KEYPOINTS.length; j++) {
				k[2 * j] = regressors[r + 4 + 2 * j] / size + ax;
				k[2 * j + 1] = regressors[r + 5 + 2 * j] / size + ay;
			}
			out.add(new Candidate(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, score, k));
		}
		return out;
	}

	static double sigmoid(final double logit) {
		final double x = Math.max(-SCORE_CLIP, Math.min(SCORE_CLIP, logit));
		return 1 / (1 + Math.exp(-x));
	}

	/**
	 * MediaPipe's weighted non-maximum suppression: repeatedly take the best remaining candidate and
	 * every remaining one overlapping it by more than {@code iou} (itself included); the face is the
	 * score-weighted average of their corners and keypoints, with the best one's score. Averaging
	 * can move a cluster's face onto a better face (two clusters of anchors on one face, each just
	 * under {@code iou} from the other's best): a face overlapping a better one by more than
	 * {@code iou} is that face seen twice, and is dropped (else one face gives two rows and, in a
	 * video, a second face id).
	 */
	static List<Candidate> weightedNms(final List<Candidate> candidates, final double iou) {
		final List<Candidate> remaining = new ArrayList<>(candidates);
		remaining.sort(Comparator.comparingDouble((Candidate c) -> -c.score));
		final List<Candidate> out = new ArrayList<>();
		while (!remaining.isEmpty()) {
			final Candidate best = remaining.get(0);
			final List<Candidate> keep = new ArrayList<>();
			double sw = 0, x0 = 0, y0 = 0, x1 = 0, y1 = 0;
			final double[] k = new double[best.keypoints.length];
			for (final Candidate c : remaining) {
				if (c != best && best.iou(c) <= iou) {
					keep.add(c);
					continue;
				}
				sw += c.score;
				x0 += c.x0 * c.score;
				y0 += c.y0 * c.score;
				x1 += c.x1 * c.score;
				y1 += c.y1 * c.score;
				for (int j = 0; j < k.length; j++) k[j] += c.keypoints[j] * c.score;
			}
			for (int j = 0; j < k.length; j++) k[j] /= sw;
			final Candidate merged = new Candidate(x0 / sw, y0 / sw, x1 / sw, y1 / sw, best.score, k);
			if (!overlapsAny(merged, out, iou)) out.add(merged);
			remaining.clear();
			remaining.addAll(keep);
		}
		return out;
	}

	private static boolean overlapsAny(final Candidate c, final List<Candidate> faces, final double iou) {
		for (final Candidate f : faces) if (f.iou(c) > iou) return true;
		return false;
	}
}
