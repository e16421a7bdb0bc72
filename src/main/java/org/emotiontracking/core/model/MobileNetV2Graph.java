package org.emotiontracking.core.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
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

	/** The graph op name of a layer's output. */
	public static String outputOp(final String layer) {
		return layer + "/" + OUTPUT_OP;
	}

	/**
	 * The base on weight variables, for training and for graphs whose weights change.
	 *
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
		return new MobileNetV2Graph(tf, vars, null).build(input, layers, trainingBatchNorm, name -> false, momentum,
			updates);
	}

	/**
	 * The fast inference base: every weight a constant (oneDNN then keeps each kernel in its own blocked
	 * layout instead of converting it on every run) and the batch norms that {@code foldBatchNorm}
	 * accepts (by name) folded into the convolution before them ({@link BatchNormFolding}), so that
	 * TensorFlow fuses Conv2D / DepthwiseConv2dNative + BiasAdd + Relu6 into one kernel. A folded
	 * convolution's pre-norm output does not exist (it is missing from the returned map); the batch
	 * norm's "&lt;bn&gt;/output" is the BiasAdd. The Keras weight variables are created too, unused by
	 * the computation, so that a SavedModel of this graph stores the Keras weights.
	 *
	 * @param weights every Keras weight of the base
	 * @throws IllegalArgumentException naming a weight that {@code weights} lacks or has in another shape
	 */
	public static Map<String, Operand<TFloat32>> buildFrozen(final Ops tf, final Operand<TFloat32> input,
		final List<LayerSpec> layers, final WeightVariables vars, final Weights weights,
		final Predicate<String> foldBatchNorm)
	{
		for (final LayerSpec l : layers) for (final LayerSpec.WeightSpec w : l.weights) {
			final String key = Weights.key(l.name, w.name);
			final Weights.Tensor t = weights.asMap().get(key);
			if (t == null) throw new IllegalArgumentException("Missing weight " + key);
			t.requireShape(key, w.shape);
		}
		final Weights all = new Weights();
		all.putAll(weights);
		all.putAll(BatchNormFolding.fold(layers, weights, foldBatchNorm, BN_EPSILON));
		return new MobileNetV2Graph(tf, vars, all).build(input, layers, name -> false, foldBatchNorm, null, null);
	}

	private final Ops tf;
	private final WeightVariables vars;
	/** Constant weight values (Keras and folded); null when the graph reads its variables. */
	private final Weights frozen;

	private MobileNetV2Graph(final Ops tf, final WeightVariables vars, final Weights frozen) {
		this.tf = tf;
		this.vars = vars;
		this.frozen = frozen;
	}

	private Map<String, Operand<TFloat32>> build(final Operand<TFloat32> input, final List<LayerSpec> layers,
		final Predicate<String> trainingBatchNorm, final Predicate<String> foldBatchNorm,
		final Operand<TFloat32> momentum, final List<Op> updates)
	{
		final Map<String, Operand<TFloat32>> out = new LinkedHashMap<>();
		for (int i = 0; i < layers.size(); i++) {
			final LayerSpec l = layers.get(i);
			final Operand<TFloat32> x = l.inputs.isEmpty() ? input : out.get(l.inputs.get(0));
			final LayerSpec bn = BatchNormFolding.batchNormAfter(layers, i);
			if (bn != null && foldBatchNorm.test(bn.name)) {
				out.put(bn.name, folded(x, l, bn));
				i++;
				continue;
			}
			final Ops named = vars.scope(l.name).withName(OUTPUT_OP);
			final Operand<TFloat32> y;
			switch (l.kind) {
				case CONV:
					y = named.nn.conv2d(x, weight(l, 0), strides(l.stride), "SAME");
					break;
				case DEPTHWISE:
					y = named.nn.depthwiseConv2dNative(x, weight(l, 0), strides(l.stride), "SAME");
					break;
				case BATCH_NORM:
					y = batchNorm(named, x, l, trainingBatchNorm.test(l.name), momentum, updates);
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

	/** conv(x, folded kernel) + folded bias, named as the batch norm's output. */
	private Operand<TFloat32> folded(final Operand<TFloat32> x, final LayerSpec conv, final LayerSpec bn) {
		// the Keras variables, not computed with but stored with the model
		variable(conv, 0);
		for (int i = 0; i < bn.weights.size(); i++) variable(bn, i);
		final Operand<TFloat32> kernel = constant(conv, BatchNormFolding.KERNEL);
		final Operand<TFloat32> bias = constant(conv, BatchNormFolding.BIAS);
		final Ops scope = vars.scope(conv.name).withName("folded");
		final Operand<TFloat32> y = conv.kind == LayerSpec.Kind.CONV ? scope.nn.conv2d(x, kernel, strides(conv.stride),
			"SAME") : scope.nn.depthwiseConv2dNative(x, kernel, strides(conv.stride), "SAME");
		return vars.scope(bn.name).withName(OUTPUT_OP).nn.biasAdd(y, bias);
	}

	private Operand<TFloat32> batchNorm(final Ops named, final Operand<TFloat32> x, final LayerSpec l,
		final boolean training, final Operand<TFloat32> momentum, final List<Op> updates)
	{
		if (!training) {
			return named.nn.fusedBatchNorm(x, weight(l, 0), weight(l, 1), weight(l, 2), weight(l, 3),
				FusedBatchNorm.epsilon( BN_EPSILON), FusedBatchNorm.isTraining(false)).y();
		}
		final Variable<TFloat32> gamma = variable(l, 0), beta = variable(l, 1);
		final Variable<TFloat32> mean = variable(l, 2), variance = variable(l, 3);
		final Operand<TFloat32> empty = vars.scope(l.name).withName("no_statistics").constant(new float[0]);
		final FusedBatchNorm<TFloat32, TFloat32> bn = named.nn.fusedBatchNorm(x, gamma, beta, empty, empty,
			FusedBatchNorm.epsilon(BN_EPSILON), FusedBatchNorm.isTraining(true));
		final Operand<TFloat32> keep = momentum, take = tf.math.sub(tf.constant(1f), momentum);
		updates.add(tf.assign(mean, tf.math.add(tf.math.mul(mean, keep), tf.math.mul(bn.batchMean(), take))));
		updates.add(tf.assign(variance, tf.math.add(tf.math.mul(variance, keep),
			tf.math.mul(bn.batchVariance(), take))));
		return bn.y();
	}

	/** A layer's i-th weight: its constant value in a frozen graph, else its variable. */
	private Operand<TFloat32> weight(final LayerSpec l, final int i) {
		final Variable<TFloat32> v = variable(l, i);
		return frozen == null ? v : constant(l, l.weights.get(i).name);
	}

	/** A weight's value in a frozen graph (checked by {@link #buildFrozen}, or derived from checked ones). */
	private Operand<TFloat32> constant(final LayerSpec l, final String weight) {
		final Weights.Tensor t = frozen.get(l.name, weight);
		return vars.scope(l.name).withName(weight + "_value").constant(Shape.of(t.shape), DataBuffers.of(t.values, true,
			false));
	}

	private Variable<TFloat32> variable(final LayerSpec l, final int i) {
		final LayerSpec.WeightSpec w = l.weights.get(i);
		return vars.get(l.name, w.name, w.shape);
	}

	private static List<Long> strides(final int s) {
		return Arrays.asList(1L, (long) s, (long) s, 1L);
	}
}
