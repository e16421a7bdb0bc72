package org.emotiontracking.core.explain;

/**
 * The arithmetic that turns a layer's activations A and the gradients g of a class score with respect
 * to them into a class activation map on the layer's grid. Arrays are NHWC slices: element
 * {@code (y, x, k)} of image n is at {@code offset + (y * width + x) * channels + k}. Sums run in
 * double precision; results are floats in 0..1.
 */
public final class GradCamMaps {

	/** Added to the maximum before dividing, as the notebook did, so an all-zero map stays zero. */
	public static final double EPSILON = 1e-8;

	private GradCamMaps() {}

	/**
	 * Grad-CAM exactly as the notebook: {@code w_k = mean over (y, x) of g[y, x, k]}, map =
	 * {@code ReLU(sum_k w_k A[., ., k])}, divided by {@code (max + 1e-8)}.
	 */
	public static float[] gradCam(final float[] activations, final float[] gradients, final int offset,
		final int height, final int width, final int channels)
	{
		return weightedMap(activations, channelWeights(gradients, offset, height, width, channels), offset,
			height * width, channels);
	}

	/**
	 * Grad-CAM++ in its usual closed form. With {@code S} the target-class score (logit) and
	 * {@code Y = exp(S)}, the paper's weights are
	 * <pre>
	 *   alpha[y,x,k] = d2Y/dA2 / (2 d2Y/dA2 + sum_ab A[a,b,k] d3Y/dA3)
	 *   w_k          = sum_(y,x) alpha[y,x,k] ReLU(dY/dA[y,x,k])
	 * </pre>
	 * Everything between any MobileNetV2 layer and the logits (convolutions, inference-mode batch norm,
	 * ReLU6, additions, average pooling, dense layers with ReLU) is piecewise linear, so with
	 * {@code g = dS/dA} the second and third derivatives of S vanish almost everywhere and
	 * {@code dY/dA = e^S g}, {@code d2Y/dA2 = e^S g^2}, {@code d3Y/dA3 = e^S g^3}. The factor e^S cancels in
	 * alpha and scales every w_k alike, which the final division by the maximum removes, leaving
	 * <pre>
	 *   alpha = g^2 / (2 g^2 + sum_ab(A) g^3),   w_k = sum alpha ReLU(g)
	 * </pre>
	 * This is why {@code gradients} must be of the logit, not of the softmax probability (which is
	 * not exp of a piecewise-linear function of A). Where the denominator is not positive, alpha is 0:
	 * that happens only where g = 0 or, for layers whose output can be negative (e.g. Conv_1 before
	 * its batch norm), where {@code sum(A) g < -2}; the paper assumes non-negative maps, for which the
	 * denominator is positive wherever ReLU(g) is not 0. Then {@code ReLU(sum_k w_k A)}, divided by
	 * {@code (max + 1e-8)} as for Grad-CAM.
	 */
	public static float[] gradCamPlusPlus(final float[] activations, final float[] logitGradients, final int offset,
		final int height, final int width, final int channels)
	{
		final int cells = height * width;
		final double[] sumA = new double[channels];
		for (int p = 0; p < cells; p++) {
			final int base = offset + p * channels;
			for (int k = 0; k < channels; k++) sumA[k] += activations[base + k];
		}
		final double[] weights = new double[channels];
		for (int p = 0; p < cells; p++) {
			final int base = offset + p * channels;
			for (int k = 0; k < channels; k++) {
				final double g = logitGradients[base + k];
				if (!(g > 0)) continue; // ReLU(g) = 0: no contribution whatever alpha is
				final double g2 = g * g;
				final double denominator = 2 * g2 + sumA[k] * g2 * g;
				if (denominator > 0) weights[k] += g2 / denominator * g;
			}
		}
		return weightedMap(activations, weights, offset, cells, channels);
	}

	/** {@code ReLU(sum_k w_k A[., k])} divided by {@code (max + 1e-8)}. */
	static float[] weightedMap(final float[] activations, final double[] weights, final int offset, final int cells,
		final int channels)
	{
		final double[] map = new double[cells];
		double max = 0;
		for (int p = 0; p < cells; p++) {
			final int base = offset + p * channels;
			double v = 0;
			for (int k = 0; k < channels; k++) v += weights[k] * activations[base + k];
			map[p] = Math.max(0, v);
			max = Math.max(max, map[p]);
		}
		final float[] out = new float[cells];
		for (int p = 0; p < cells; p++) out[p] = (float) (map[p] / (max + EPSILON));
		return out;
	}

	/** The Grad-CAM channel weights alone ({@code mean over (y, x) of g}), for tests and diagnostics. */
	public static double[] channelWeights(final float[] gradients, final int offset, final int height, final int width,
		final int channels)
	{
		final double[] weights = new double[channels];
		final int cells = height * width;
		for (int p = 0; p < cells; p++)
			for (int k = 0; k < channels; k++) weights[k] += gradients[offset + p * channels + k];
		for (int k = 0; k < channels; k++) weights[k] /= cells;
		return weights;
	}
}
