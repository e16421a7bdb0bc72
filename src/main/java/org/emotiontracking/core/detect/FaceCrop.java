package org.emotiontracking.core.detect;

import java.util.Locale;

import org.emotiontracking.core.data.RgbImage;

/**
 * The pixels of one face given to the model, and where they came from: the detected face, the crop
 * (the face box grown by the margin, turned by {@link #angle()} about the box centre so the eyes
 * are level), and the mapping between crop and image pixels, so that a map computed on the crop
 * (Grad-CAM) goes back onto the image through the same rotation. Immutable.
 */
public final class FaceCrop {

	private final FaceBox face;
	private final RgbImage image;
	private final FaceBox region;
	private final double angle;
	private final double centerX, centerY;
	private final double cos, sin;

	FaceCrop(final FaceBox face, final RgbImage image, final FaceBox region, final double angle, final double centerX,
		final double centerY)
	{
		this.face = face;
		this.image = image;
		this.region = region;
		this.angle = angle;
		this.centerX = centerX;
		this.centerY = centerY;
		this.cos = Math.cos(Math.toRadians(angle));
		this.sin = Math.sin(Math.toRadians(angle));
	}

	/** The face as detected (with its keypoints), in image pixels. */
	public FaceBox face() { return face; }

	/** The crop given to the model (upright when aligned). */
	public RgbImage image() { return image; }

	/**
	 * The image pixels the crop covers: the grown box clamped to the image, or for a rotated crop the
	 * bounding box of the turned rectangle, clamped to the image.
	 */
	public FaceBox region() { return region; }

	/** Degrees the image was turned (counter-clockwise on screen) to make the eyes level; 0 if not. */
	public double angle() { return angle; }

	public boolean rotated() { return angle != 0; }

	/**
	 * The crop pixel that image pixel (x, y) lands on: (u, v), possibly outside the crop. For an
	 * unrotated crop, (x - region.x, y - region.y).
	 */
	public double[] toCrop(final double x, final double y) {
		if (!rotated()) return new double[] { x - region.x(), y - region.y() };
		final double dx = x - centerX, dy = y - centerY;
		return new double[] { cos * dx + sin * dy + (image.width() - 1) / 2.0, -sin * dx + cos * dy
			+ (image.height() - 1) / 2.0 };
	}

	/** The image pixel that crop pixel (u, v) came from (the inverse of {@link #toCrop}). */
	public double[] toImage(final double u, final double v) {
		if (!rotated()) return new double[] { u + region.x(), v + region.y() };
		final double du = u - (image.width() - 1) / 2.0, dv = v - (image.height() - 1) / 2.0;
		return new double[] { cos * du - sin * dv + centerX, sin * du + cos * dv + centerY };
	}

	/**
	 * A map on the crop (crop width x height values, row by row) as a map on {@link #region()}
	 * (region width x height values): each region pixel takes the value of the crop pixel it lands on
	 * (bilinear), 0 outside the crop.
	 */
	public float[] toRegion(final float[] cropMap) {
		final int cw = image.width(), ch = image.height();
		if (cropMap.length != cw * ch) throw new IllegalArgumentException("Map has " + cropMap.length
			+ " values, the crop is " + cw + "x" + ch);
		final int rw = region.width(), rh = region.height();
		if (!rotated() && rw == cw && rh == ch) return cropMap.clone();
		final float[] out = new float[rw * rh];
		for (int y = 0; y < rh; y++)
			for (int x = 0; x < rw; x++) {
				final double[] uv = toCrop(region.x() + x, region.y() + y);
				out[y * rw + x] = bilinear(cropMap, cw, ch, uv[0], uv[1]);
			}
		return out;
	}

	private static float bilinear(final float[] m, final int w, final int h, final double u, final double v) {
		if (u < -0.5 || v < -0.5 || u > w - 0.5 || v > h - 0.5) return 0;
		final double cu = Math.max(0, Math.min(w - 1, u)), cv = Math.max(0, Math.min(h - 1, v));
		final int u0 = (int) Math.floor(cu), v0 = (int) Math.floor(cv);
		final int u1 = Math.min(w - 1, u0 + 1), v1 = Math.min(h - 1, v0 + 1);
		final double fu = cu - u0, fv = cv - v0;
		final double top = m[v0 * w + u0] * (1 - fu) + m[v0 * w + u1] * fu;
		final double bottom = m[v1 * w + u0] * (1 - fu) + m[v1 * w + u1] * fu;
		return (float) (top * (1 - fv) + bottom * fv);
	}

	@Override
	public String toString() {
		return "FaceCrop[" + region + (rotated() ? String.format(Locale.ROOT, ", turned %.1f deg", angle) : "") + "]";
	}
}
