package org.emotiontracking.core.live;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

import org.emotiontracking.core.detect.FaceBox;

/**
 * Gives each face an id that stays the same from frame to frame, and smooths its emotion.
 * <p>
 * Each frame's boxes are matched to the known faces greedily, best pair first: by overlap
 * (intersection over union at least {@link #MIN_IOU}) with the face's box predicted from its last
 * motion, otherwise by closeness of the centres (similar size, and less than 0.8 face sizes apart,
 * or, when frames are far apart in time (every=N, a slow camera, a face missed for a while), less
 * than {@link #FACE_SPEED} face sizes per second since the face was last seen). Unmatched boxes
 * become new faces with new ids (never reused); a face not seen for more than {@code maxMissed}
 * processed frames is forgotten. Probabilities are averaged over each face's
 * last {@code smoothing} observations (0 or 1: no smoothing), so labels do not flicker.
 * <p>
 * Memory is bounded: at most the faces currently visible plus those missing for up to
 * {@code maxMissed} frames, each with {@code smoothing} probability vectors. Not thread-safe: call
 * from one thread.
 */
public final class FaceTracker {

	/** Minimum intersection over union for a match by overlap. */
	public static final double MIN_IOU = 0.3;
	/** Centres closer than this many face sizes match, however close the frames are in time. */
	static final double CLOSE_CENTRES = 0.8;
	/** How fast a face may move between two frames far apart in time, in face sizes per second. */
	public static final double FACE_SPEED = 8;
	/** Default number of frames a face may be missing before its id is dropped. */
	public static final int DEFAULT_MAX_MISSED = 10;

	private final String[] classNames;
	private final int smoothing;
	private final int maxMissed;
	private final List<Track> tracks = new ArrayList<>();
	private int nextId = 1;

	/**
	 * @param classNames the model's classes, in order
	 * @param smoothing average probabilities over this many of a face's last frames (0 = off)
	 * @param maxMissed forget a face after this many processed frames without it
	 */
	public FaceTracker(final List<String> classNames, final int smoothing, final int maxMissed) {
		if (classNames.isEmpty()) throw new IllegalArgumentException("No class names");
		if (smoothing < 0) throw new IllegalArgumentException("smoothing must be >= 0: " + smoothing);
		if (maxMissed < 0) throw new IllegalArgumentException("max_missed must be >= 0: " + maxMissed);
		this.classNames = classNames.toArray(new String[0]);
		this.smoothing = Math.max(1, smoothing);
		this.maxMissed = maxMissed;
	}

	/**
	 * Matches one frame's faces to the known ones and returns them with ids and smoothed
	 * probabilities, sorted by id.
	 *
	 * @param boxes the faces found in the frame
	 * @param probabilities class probabilities of each box, in the same order
	 */
	public List<TrackedFace> update(final List<FaceBox> boxes, final float[][] probabilities) {
		return update(boxes, probabilities, Double.NaN);
	}

	/**
	 * As {@link #update(List, float[][])}, for a frame at a known time: the farther in time from a
	 * face's last frame, the farther its centre may have moved (see {@link #FACE_SPEED}).
	 *
	 * @param time the frame's time in seconds (stream time), NaN if unknown
	 */
	public List<TrackedFace> update(final List<FaceBox> boxes, final float[][] probabilities, final double time) {
		if (boxes.size() != probabilities.length) throw new IllegalArgumentException(
			boxes.size() + " boxes but " + probabilities.length + " probability vectors");
		for (final float[] p : probabilities) if (p.length != classNames.length) throw new IllegalArgumentException(
			"Expected " + classNames.length + " probabilities per face, got " + p.length);

		// candidate pairs, best first
		final List<double[]> pairs = new ArrayList<>(); // score, track index, box index
		for (int t = 0; t < tracks.size(); t++) {
			final Track track = tracks.get(t);
			final double[] predicted = track.predicted();
			for (int b = 0; b < boxes.size(); b++) {
				final double s = matchScore(predicted, boxes.get(b), track.reach(time));
				if (s > 0) pairs.add(new double[] { s, t, b });
			}
		}
		pairs.sort(Comparator.comparingDouble((double[] p) -> -p[0]).thenComparingDouble(p -> p[1])
			.thenComparingDouble(p -> p[2]));
		final Track[] assigned = new Track[boxes.size()];
		final boolean[] trackUsed = new boolean[tracks.size()];
		for (final double[] p : pairs) {
			final int t = (int) p[1], b = (int) p[2];
			if (trackUsed[t] || assigned[b] != null) continue;
			trackUsed[t] = true;
			assigned[b] = tracks.get(t);
		}
		for (int t = 0; t < tracks.size(); t++) if (!trackUsed[t]) tracks.get(t).missed++;
		for (final Iterator<Track> it = tracks.iterator(); it.hasNext();) if (it.next().missed > maxMissed) it.remove();

		final List<TrackedFace> out = new ArrayList<>(boxes.size());
		for (int b = 0; b < boxes.size(); b++) {
			Track track = assigned[b];
			if (track == null) {
				track = new Track(nextId++, classNames.length, smoothing);
				tracks.add(track);
			}
			track.observe(boxes.get(b), probabilities[b], time);
			out.add(new TrackedFace(track.id, boxes.get(b), track.average(), probabilities[b].clone(), classNames,
				track.seen));
		}
		out.sort(Comparator.comparingInt(TrackedFace::id));
		return out;
	}

	/**
	 * How well a box matches a predicted box (x, y, w, h): the IoU if at least {@link #MIN_IOU};
	 * else, for close centres and similar sizes, a score below {@link #MIN_IOU}; else 0.
	 */
	static double matchScore(final double[] p, final FaceBox b) {
		return matchScore(p, b, CLOSE_CENTRES);
	}

	/** As {@link #matchScore(double[], FaceBox)}, with centres matching up to {@code reach} face sizes apart. */
	static double matchScore(final double[] p, final FaceBox b, final double reach) {
		final double ix = Math.max(0, Math.min(p[0] + p[2], b.right()) - Math.max(p[0], b.x()));
		final double iy = Math.max(0, Math.min(p[1] + p[3], b.bottom()) - Math.max(p[1], b.y()));
		final double inter = ix * iy;
		final double union = p[2] * p[3] + (double) b.area() - inter;
		final double iou = union > 0 ? inter / union : 0;
		if (iou >= MIN_IOU) return iou;
		final double size = (p[2] + p[3] + b.width() + b.height()) / 4;
		final double ratio = (double) b.area() / Math.max(1, p[2] * p[3]);
		if (ratio < 0.5 || ratio > 2) return 0;
		final double dist = Math.hypot(p[0] + p[2] / 2 - b.centerX(), p[1] + p[3] / 2 - b.centerY());
		final double limit = reach * size;
		return dist < limit ? MIN_IOU * 0.99 * (1 - dist / limit) + 1e-9 : 0;
	}

	/** Faces currently remembered (visible or missing for at most maxMissed frames). */
	public int trackedFaces() { return tracks.size(); }

	/** Ids handed out so far. */
	public int facesSeen() { return nextId - 1; }

	/** The smoothing window in frames (1 = off). */
	public int smoothing() { return smoothing; }

	/** Forgets every face; ids continue from where they were. */
	public void reset() { tracks.clear(); }

	private static final class Track {

		final int id;
		final float[][] history;
		int filled;
		int head;
		int seen;
		int missed;
		double x, y, w, h;
		double vx, vy;
		double lastTime = Double.NaN;

		Track(final int id, final int classes, final int window) {
			this.id = id;
			history = new float[window][classes];
		}

		/** Box predicted for the next frame: last box moved by the last velocity per missed frame. */
		double[] predicted() {
			final double steps = missed + 1;
			return new double[] { x + vx * steps, y + vy * steps, w, h };
		}

		/** How many face sizes its centre may have moved by {@code time}. */
		double reach(final double time) {
			final double dt = time - lastTime;
			return dt > 0 ? Math.max(CLOSE_CENTRES, FACE_SPEED * dt) : CLOSE_CENTRES;
		}

		void observe(final FaceBox b, final float[] p, final double time) {
			lastTime = time;
			if (seen > 0) {
				final double steps = missed + 1;
				vx = 0.5 * vx + 0.5 * (b.x() + b.width() / 2.0 - x - w / 2) / steps;
				vy = 0.5 * vy + 0.5 * (b.y() + b.height() / 2.0 - y - h / 2) / steps;
			}
			x = b.x();
			y = b.y();
			w = b.width();
			h = b.height();
			seen++;
			missed = 0;
			System.arraycopy(p, 0, history[head], 0, p.length);
			head = (head + 1) % history.length;
			filled = Math.min(filled + 1, history.length);
		}

		float[] average() {
			final float[] avg = new float[history[0].length];
			for (int k = 0; k < filled; k++) {
				final float[] h = history[k];
				for (int c = 0; c < avg.length; c++) avg[c] += h[c];
			}
			for (int c = 0; c < avg.length; c++) avg[c] /= filled;
			return avg;
		}

		@Override
		public String toString() {
			return "Track " + id + " " + Arrays.toString(new double[] { x, y, w, h });
		}
	}
}
