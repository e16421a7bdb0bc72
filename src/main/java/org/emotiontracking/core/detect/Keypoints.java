package org.emotiontracking.core.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The keypoints of one face in image pixels (sub-pixel, may lie outside the box or the image), each
 * {@link Keypoint} present or absent. Immutable.
 */
public final class Keypoints {

	private static final Keypoint[] ALL = Keypoint.values();

	/** No keypoints (a Haar cascade, a whole image). */
	public static final Keypoints NONE = new Keypoints(absent());

	/** x, y per {@link Keypoint} ordinal; NaN where absent. */
	private final double[] xy;

	private Keypoints(final double[] xy) {
		this.xy = xy;
	}

	private static double[] absent() {
		final double[] all = new double[2 * ALL.length];
		Arrays.fill(all, Double.NaN);
		return all;
	}

	/**
	 * Keypoints {@code points[k]} at ({@code xy[2k]}, {@code xy[2k+1]}).
	 *
	 * @throws IllegalArgumentException if the lengths do not match
	 */
	public static Keypoints of(final Keypoint[] points, final double[] xy) {
		if (xy.length != 2 * points.length) throw new IllegalArgumentException(xy.length + " coordinates for "
			+ points.length + " keypoints");
		final double[] all = absent();
		for (int k = 0; k < points.length; k++) {
			all[2 * points[k].ordinal()] = xy[2 * k];
			all[2 * points[k].ordinal() + 1] = xy[2 * k + 1];
		}
		return new Keypoints(all);
	}

	/** Whether the keypoint is known. */
	public boolean has(final Keypoint k) {
		return !Double.isNaN(xy[2 * k.ordinal()]);
	}

	/** Its x in pixels, NaN if absent. */
	public double x(final Keypoint k) {
		return xy[2 * k.ordinal()];
	}

	/** Its y in pixels, NaN if absent. */
	public double y(final Keypoint k) {
		return xy[2 * k.ordinal() + 1];
	}

	/** Whether there is no keypoint at all. */
	public boolean isEmpty() {
		for (final Keypoint k : ALL) if (has(k)) return false;
		return true;
	}

	/** The keypoints present, in {@link Keypoint} order. */
	public List<Keypoint> present() {
		final List<Keypoint> out = new ArrayList<>();
		for (final Keypoint k : ALL) if (has(k)) out.add(k);
		return Collections.unmodifiableList(out);
	}

	/**
	 * The angle in degrees of the line from the right eye to the left eye against the image's x axis
	 * (y down, so positive when the left eye is lower), or NaN without both eyes. Rotating the image
	 * by this angle about any point (OpenCV's {@code getRotationMatrix2D}, which turns
	 * counter-clockwise on screen for positive angles) makes the eyes level.
	 */
	public double eyeAngle() {
		if (!has(Keypoint.RIGHT_EYE) || !has(Keypoint.LEFT_EYE)) return Double.NaN;
		return Math.toDegrees(Math.atan2(y(Keypoint.LEFT_EYE) - y(Keypoint.RIGHT_EYE), x(Keypoint.LEFT_EYE) - x(Keypoint
			.RIGHT_EYE)));
	}

	/** Every point mapped by {@code x * scale + dx, y * scale + dy}. */
	public Keypoints transform(final double scale, final double dx, final double dy) {
		if (this == NONE) return this;
		final double[] out = xy.clone();
		for (int i = 0; i < out.length; i += 2) {
			out[i] = out[i] * scale + dx;
			out[i + 1] = out[i + 1] * scale + dy;
		}
		return new Keypoints(out);
	}

	/** Coordinates per {@link Keypoint} ordinal (x, y), NaN where absent: a copy. */
	public double[] toArray() {
		return xy.clone();
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof Keypoints && Arrays.equals(xy, ((Keypoints) o).xy);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(xy);
	}

	@Override
	public String toString() {
		final StringBuilder sb = new StringBuilder("Keypoints[");
		for (final Keypoint k : present()) sb.append(sb.length() > 10 ? ", " : "")
			.append(String.format(Locale.ROOT, "%s=(%.1f,%.1f)", k.id(), x(k), y(k)));
		return sb.append(']').toString();
	}
}
