package org.emotiontracking.core.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TFloat32;

/**
 * Builds the MobileNetV2 base as a TensorFlow graph from {@link MobileNetV2Architecture}'s layer list.
 * Every layer's output op carries its Keras name, so "Conv_1" or "out_relu" can be found by name
 * (Grad-CAM does). Stride-2 layers use TF 'SAME' padding, which equals Keras's
 * ZeroPadding2D(correct_pad) + 'valid' for even and odd sizes alike.
 */
public final class MobileNetV2Graph {

	/** Keras BatchNormalization defaults in MobileNetV2. */
	public static final float BN_EPSILON = 1e-3f;
	public static final float BN_MOMENTUM = 0.999f;
	/**
	 * Moving-average momentum when batch norms train (weights=none). Keras's 0.999 needs thousands of
	 * steps before the averages resemble the data, so short runs would validate on garbage statistics.
	 * The trainer also warms it up (a plain mean over the first steps) and re-estimates the statistics
	 * precisely at the end of each epoch.
	 */
	public static final float TRAINING_BN_MOMENTUM = 0.9f;

	/** Each layer's output op is "<Keras layer name>/output", e.g. "Conv_1/output". */
	public static final String OUTPUT_OP = "output";

	private MobileNetV2Graph() {}

	/** The graph op name of a layer's output. */
	public static String outputOp(final String layer) {
		return layer + "/" + OUTPUT_OP;
	}

	/**
	 * @param input preprocessed images, NHWC
	 * @param trainingBatchNorm which BN layers normalise with batch statistics (and update their
	 *          moving averages through {@code updates}); all others run in inference mode
	 * @param momentum scalar moving-average momentum for training-mode BN layers (fed each step)
	 * @param updates receives the moving-average update ops of training-mode BN layers
	 * @return every layer's output by Keras layer name, in order
	 */
	public static Map<String, Operand<TFloat32>> build(final Ops tf, final Operand<TFloat32> input,
		final List<LayerSpec> layers, final WeightVariables vars, final Predicate<String> trainingBatchNorm,
		final Operand<TFloat32> momentum, final List<Op> updates)
	{
		final Map<String, Operand<TFloat32>> out = new LinkedHashMap<>();
		for (final LayerSpec l : layers) {
			final Operand<TFloat32> x = l.inputs.isEmpty() ? input : out.get(l.inputs.get(0));
			final Ops named = vars.scope(l.name).withName(OUTPUT_OP);
			final Operand<TFloat32> y;
			switch (l.kind) {
				case CONV:
					y = named.nn.conv2d(x, weight(vars, l, 0), strides(l.stride), "SAME");
					break;
				case DEPTHWISE:
					y = named.nn.depthwiseConv2dNative(x, weight(vars, l, 0), strides(l.stride), "SAME");
					break;
				case BATCH_NORM:
					y = batchNorm(tf, named, x, l, vars, trainingBatchNorm.test(l.name), momentum, updates);
					break;
				case RELU6:
					y = named.nn.relu6(x);
					break;
				case ZERO_PAD: // folded into the next layer's 'SAME' padding
					y = named.identity(x);
					break;
				case ADD:
					y = named.math.add(out.get(l.inputs.get(0)), out.get(l.inputs.get(1)));
					break;
				default:
					throw new IllegalArgumentException("Layer kind " + l.kind + " is not part of the base");
			}
			out.put(l.name, y);
		}
		return out;
	}

	private static Operand<TFloat32> batchNorm(final Ops tf, final Ops named, final Operand<TFloat32> x,
		final LayerSpec l, final WeightVariables vars, final boolean training, final Operand<TFloat32> momentum,
		final List<Op> updates)
	{
		final Variable<TFloat32> gamma = weight(vars, l, 0), beta = weight(vars, l, 1);
		final Variable<TFloat32> mean = weight(vars, l, 2), variance = weight(vars, l, 3);
		if (!training) {
			return named.nn.fusedBatchNorm(x, gamma, beta, mean, variance, FusedBatchNorm.epsilon(BN_EPSILON),
				FusedBatchNorm.isTraining(false)).y();
		}
		final Operand<TFloat32> empty = vars.scope(l.name).withName("no_statistics").constant(new float[0]);
		final FusedBatchNorm<TFloat32, TFloat32> bn = named.nn.fusedBatchNorm(x, gamma, beta, empty, empty,
			FusedBatchNorm.epsilon(BN_EPSILON), FusedBatchNorm.isTraining(true));
		final Operand<TFloat32> keep = momentum, take = tf.math.sub(tf.constant(1f), momentum);
		updates.add(tf.assign(mean, tf.math.add(tf.math.mul(mean, keep), tf.math.mul(bn.batchMean(), take))));
		updates.add(tf.assign(variance, tf.math.add(tf.math.mul(variance, keep), tf.math.mul(bn.batchVariance(), take))));
		return bn.y();
	}

	private static Variable<TFloat32> weight(final WeightVariables vars, final LayerSpec l, final int i) {
		final LayerSpec.WeightSpec w = l.weights.get(i);
		return vars.get(l.name, w.name, w.shape);
	}

	private static List<Long> strides(final int s) {
		return Arrays.asList(1L, (long) s, (long) s, 1L);
	}
}
