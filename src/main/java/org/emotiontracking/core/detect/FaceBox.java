package org.emotiontracking.core.detect;

import java.util.Locale;

/**
 * A face found in an image: an axis-aligned rectangle in pixel coordinates of that image, with a
 * detector-specific score (higher is more certain) and the detector's {@link Keypoints} (none for a
 * Haar cascade). Immutable.
 */
public final class FaceBox {

	private final int x;
	private final int y;
	private final int width;
	private final int height;
	private final double score;
	private final Keypoints keypoints;

	/**
	 * @param x left column
	 * @param y top row
	 * @param width at least 1
	 * @param height at least 1
	 * @param score detector confidence (Haar: number of merged detections; YuNet: 0..1)
	 */
	public FaceBox(final int x, final int y, final int width, final int height, final double score) {
		this(x, y, width, height, score, Keypoints.NONE);
	}

	/** A box with keypoints (in the same image's pixels). */
	public FaceBox(final int x, final int y, final int width, final int height, final double score,
		final Keypoints keypoints) {
		if (width <= 0 || height <= 0) throw new IllegalArgumentException("Face box size must be positive: " + width
			+ "x" + height);
		this.x = x;
		this.y = y;
		this.width = width;
		this.height = height;
		this.score = score;
		this.keypoints = keypoints == null ? Keypoints.NONE : keypoints;
	}

	public int x() { return x; }

	public int y() { return y; }

	public int width() { return width; }

	public int height() { return height; }

	public double score() { return score; }

	/** The detector's keypoints ({@link Keypoints#NONE} if it gives none). */
	public Keypoints keypoints() { return keypoints; }

	/** This box with other keypoints. */
	public FaceBox withKeypoints(final Keypoints points) {
		return new FaceBox(x, y, width, height, score, points);
	}

	/** Exclusive right edge, x + width. */
	public int right() { return x + width; }

	/** Exclusive bottom edge, y + height. */
	public int bottom() { return y + height; }

	/** Width * height in pixels. */
	public long area() { return (long) width * height; }

	public double centerX() { return x + width / 2.0; }

	public double centerY() { return y + height / 2.0; }

	/**
	 * This box grown by {@code marginFraction} of its width on the left and on the right, and of
	 * its height at the top and at the bottom (e.g. 0.1 makes a 100 px box 120 px wide), then
	 * clamped to an image of the given size. A negative fraction shrinks the box.
	 *
	 * @throws IllegalArgumentException if the result does not overlap the image
	 */
	public FaceBox widen(final double marginFraction, final int imageWidth, final int imageHeight) {
		final long dx = Math.round(width * marginFraction);
		final long dy = Math.round(height * marginFraction);
		return clampedBox(x - dx, y - dy, right() + dx, bottom() + dy, imageWidth, imageHeight);
	}

	/** This box clamped to an image of the given size. */
	public FaceBox clampTo(final int imageWidth, final int imageHeight) {
		return clampedBox(x, y, right(), bottom(), imageWidth, imageHeight);
	}

	/** This box with every coordinate multiplied by {@code factor} (rounded), e.g. to map back from a scaled image. */
	public FaceBox scale(final double factor) {
		final long x0 = Math.round(x * factor);
		final long y0 = Math.round(y * factor);
		final long x1 = Math.round(right() * factor);
		final long y1 = Math.round(bottom() * factor);
		return new FaceBox((int) x0, (int) y0, (int) Math.max(1, x1 - x0), (int) Math.max(1, y1 - y0), score,
			keypoints.transform( factor, 0, 0));
	}

	private FaceBox clampedBox(final long x0, final long y0, final long x1, final long y1, final int imageWidth,
		final int imageHeight) {
		final long cx0 = Math.max(0, x0);
		final long cy0 = Math.max(0, y0);
		final long cx1 = Math.min(imageWidth, x1);
		final long cy1 = Math.min(imageHeight, y1);
		if (cx1 <= cx0 || cy1 <= cy0) throw new IllegalArgumentException(this + " does not overlap a " + imageWidth
			+ "x" + imageHeight + " image");
		return new FaceBox((int) cx0, (int) cy0, (int) (cx1 - cx0), (int) (cy1 - cy0), score, keypoints);
	}

	@Override
	public boolean equals(final Object o) {
		if (!(o instanceof FaceBox)) return false;
		final FaceBox b = (FaceBox) o;
		return x == b.x && y == b.y && width == b.width && height == b.height && Double.compare(score, b.score) == 0 &&
			keypoints.equals(b.keypoints);
	}

	@Override
	public int hashCode() {
		return ((x * 31 + y) * 31 + width) * 31 + height + Double.hashCode(score);
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "FaceBox[x=%d, y=%d, %dx%d, score=%.3g%s]", x, y, width, height, score,
			keypoints.isEmpty() ? "" : ", " + keypoints);
	}
}
