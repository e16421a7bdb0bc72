package org.emotiontracking.core.model;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Folds an inference-mode batch norm into the convolution before it: {@code BN(conv(x, K))} equals
 * {@code conv(x, K * s) + (beta - mean * s)} with {@code s = gamma / sqrt(variance + epsilon)} per
 * output channel. The folded graph runs Conv2D / DepthwiseConv2dNative -> BiasAdd -> Relu6, which
 * TensorFlow fuses into one oneDNN kernel per layer, about twice as fast at batch 1 as the plain
 * graph with its separate FusedBatchNormV3 ops.
 * <p>
 * The folded tensors are named {@code "<conv>/folded_kernel"} and {@code "<conv>/folded_bias"}; they
 * are derived from the Keras weights, which stay untouched (they are what training, re-export and
 * Grad-CAM of a folded-away layer read).
 */
public final class BatchNormFolding {

	public static final String KERNEL = "folded_kernel";
	public static final String BIAS = "folded_bias";

	private BatchNormFolding() {}

	/**
	 * The batch norm that directly follows a convolution layer in {@code layers}, or null when the
	 * layer at {@code i} is not a convolution followed by a batch norm.
	 */
	public static LayerSpec batchNormAfter(final List<LayerSpec> layers, final int i) {
		final LayerSpec l = layers.get(i);
		if (l.kind != LayerSpec.Kind.CONV && l.kind != LayerSpec.Kind.DEPTHWISE || i + 1 >= layers.size()) return null;
		final LayerSpec next = layers.get(i + 1);
		final boolean follows = next.kind == LayerSpec.Kind.BATCH_NORM && next.inputs.size() == 1 &&
			next.inputs.get(0).equals(l.name);
		return follows ? next : null;
	}

	/**
	 * The folded kernel and bias of every convolution whose batch norm {@code fold} accepts (by the
	 * batch norm's name).
	 *
	 * @throws IllegalArgumentException naming the first weight that {@code weights} lacks
	 */
	public static Weights fold(final List<LayerSpec> layers, final Weights weights, final Predicate<String> fold,
		final float epsilon)
	{
		final Weights out = new Weights();
		for (int i = 0; i < layers.size(); i++) {
			final LayerSpec conv = layers.get(i), bn = batchNormAfter(layers, i);
			if (bn == null || !fold.test(bn.name)) continue;
			final Weights.Tensor kernel = required(weights, conv.name, conv.weights.get(0).name);
			final float[] gamma = required(weights, bn.name, "gamma").values;
			final float[] beta = required(weights, bn.name, "beta").values;
			final float[] mean = required(weights, bn.name, "moving_mean").values;
			final float[] variance = required(weights, bn.name, "moving_variance").values;
			final int channels = gamma.length;
			// Conv kernels are [kh, kw, in, out], depthwise kernels [kh, kw, channels, 1]: either way the
			// channel a value belongs to is its index modulo the channel count.
			final boolean matches = conv.kind == LayerSpec.Kind.CONV ? kernel.shape[3] == channels
				: kernel.shape[2] == channels && kernel.shape[3] == 1;
			if (!matches)
				throw new IllegalArgumentException("Layer " + conv.name + " has a kernel of shape " +
					Arrays.toString(kernel.shape) + " that does not match the " + channels + " channels of " + bn.name);
			final float[] scale = new float[channels], bias = new float[channels];
			for (int c = 0; c < channels; c++) {
				scale[c] = (float) (gamma[c] / Math.sqrt((double) variance[c] + epsilon));
				bias[c] = beta[c] - mean[c] * scale[c];
			}
			final float[] folded = new float[kernel.values.length];
			for (int j = 0; j < folded.length; j++) folded[j] = kernel.values[j] * scale[j % channels];
			out.put(conv.name, KERNEL, new Weights.Tensor(kernel.shape, folded));
			out.put(conv.name, BIAS, new Weights.Tensor(new long[] { channels }, bias));
		}
		return out;
	}

	private static Weights.Tensor required(final Weights weights, final String layer, final String weight) {
		final Weights.Tensor t = weights.get(layer, weight);
		if (t == null) throw new IllegalArgumentException("Cannot fold batch norms: weight "
			+ Weights.key(layer, weight) + " is missing");
		return t;
	}
}
