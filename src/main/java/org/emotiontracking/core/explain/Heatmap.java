package org.emotiontracking.core.explain;

/**
 * A class activation map: {@code width x height} floats in 0..1, rows top to bottom. Immutable (the
 * array handed to the constructor is not copied; do not change it afterwards).
 */
public final class Heatmap {

	private final int width;
	private final int height;
	private final float[] values;

	public Heatmap(final int width, final int height, final float[] values) {
		if (width <= 0 || height <= 0) throw new IllegalArgumentException("Heatmap size must be positive: " + width
			+ "x" + height);
		if (values.length != width * height) throw new IllegalArgumentException(
			"Expected " + width * height + " values for a " + width + "x" + height + " heatmap, got " + values.length);
		this.width = width;
		this.height = height;
		this.values = values;
	}

	public int width() { return width; }

	public int height() { return height; }

	/** Value at column x, row y. */
	public float get(final int x, final int y) { return values[y * width + x]; }

	/** A copy of the values, row by row. */
	public float[] values() { return values.clone(); }

	/**
	 * Bilinear resize to {@code w x h} with pixel-centre alignment and edge clamping, as OpenCV's
	 * {@code cv2.resize(heatmap, (w, h))} (INTER_LINEAR) that the notebook used.
	 */
	public Heatmap resize(final int w, final int h) {
		return resize(w, h, GridGeometry.centred(width, width), GridGeometry.centred(height, height));
	}

	/**
	 * Bilinear resize of a map on a layer grid to a face box of {@code w x h} pixels, with the cells
	 * placed where they sit on the model input ({@link GridGeometry}); values beyond the outer cell
	 * centres are clamped.
	 */
	public Heatmap resize(final int w, final int h, final GridGeometry geometry) {
		return resize(w, h, geometry, geometry);
	}

	private Heatmap resize(final int w, final int h, final GridGeometry gx, final GridGeometry gy) {
		if (w <= 0 || h <= 0) throw new IllegalArgumentException("Size must be positive: " + w + "x" + h);
		if (gx.cells() != width || gy.cells() != height) throw new IllegalArgumentException("Geometry of " + gx.cells()
			+ "x" + gy.cells() + " cells for a " + width + "x" + height + " map");
		final int[] x0 = new int[w], x1 = new int[w];
		final float[] fx = new float[w];
		axis(gx, w, x0, x1, fx);
		final int[] y0 = new int[h], y1 = new int[h];
		final float[] fy = new float[h];
		axis(gy, h, y0, y1, fy);
		final float[] out = new float[w * h];
		for (int y = 0; y < h; y++) {
			final int r0 = y0[y] * width, r1 = y1[y] * width;
			final float b = fy[y];
			for (int x = 0; x < w; x++) {
				final float a = fx[x];
				final float top = values[r0 + x0[x]] * (1 - a) + values[r0 + x1[x]] * a;
				final float bottom = values[r1 + x0[x]] * (1 - a) + values[r1 + x1[x]] * a;
				out[y * w + x] = top * (1 - b) + bottom * b;
			}
		}
		return new Heatmap(w, h, out);
	}

	/** Source cells and weights along one axis of m output pixels, clamped to the outer cells. */
	private static void axis(final GridGeometry g, final int m, final int[] i0, final int[] i1, final float[] f) {
		final int n = g.cells();
		final double scale = (double) g.inputSize() / m;
		for (int d = 0; d < m; d++) {
			double s = g.cellAt((d + 0.5) * scale);
			if (s < 0) s = 0;
			int lo = (int) Math.floor(s);
			double frac = s - lo;
			if (lo >= n - 1) {
				lo = n - 1;
				frac = 0;
			}
			i0[d] = lo;
			i1[d] = Math.min(lo + 1, n - 1);
			f[d] = (float) frac;
		}
	}

	/** Position of the largest value as {x, y} (the first one in row order on ties). */
	public int[] argMax() {
		int best = 0;
		for (int i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
		return new int[] { best % width, best / width };
	}

	public float max() {
		float m = Float.NEGATIVE_INFINITY;
		for (final float v : values) m = Math.max(m, v);
		return m;
	}
}
