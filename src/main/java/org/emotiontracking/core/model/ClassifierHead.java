package org.emotiontracking.core.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.types.TFloat32;

/**
 * The new head on the frozen base, as the notebook built it in Keras: pooled features ->
 * Dense(hidden, relu) "dense" -> Dropout -> Dense(classes) "dense_1" (softmax applied by the caller).
 */
public final class ClassifierHead {

	public static final String HIDDEN = "dense";
	public static final String OUTPUT = "dense_1";

	private ClassifierHead() {}

	/**
	 * @param features pooled features [N, C]
	 * @param keepProbability null for inference; else a scalar placeholder, the dropout keep probability
	 * @return logits [N, classes]
	 */
	public static Operand<TFloat32> logits(final Ops tf, final Operand<TFloat32> features, final int channels,
		final int hidden, final int classes, final WeightVariables vars, final Placeholder<TFloat32> keepProbability,
		final long seed)
	{
		Operand<TFloat32> h = dense(tf, HIDDEN, features, channels, hidden, vars);
		h = tf.withName(HIDDEN + "_relu").nn.relu(h);
		if (keepProbability != null) {
			final Operand<TFloat32> u = tf.random.randomUniform(tf.shape(h), TFloat32.class,
				RandomUniform.seed(seed), RandomUniform.seed2(seed + 1));
			final Operand<TFloat32> mask = tf.dtypes.cast(tf.math.less(u, keepProbability), TFloat32.class);
			h = tf.withName("dropout").math.div(tf.math.mul(h, mask), keepProbability);
		}
		return dense(tf, OUTPUT, h, hidden, classes, vars);
	}

	/**
	 * The hidden layer's bias for a head trained on centred features {@code f - mu}: {@code b - mu W},
	 * so that the plain head on {@code f} computes the same. Returns a copy of {@code weights} with
	 * that bias.
	 */
	public static Weights foldCentring(final Weights weights, final double[] mu) {
		final Weights.Tensor kernel = weights.get(HIDDEN, "kernel"), bias = weights.get(HIDDEN, "bias");
		final int hidden = bias.values.length;
		if (kernel.values.length != mu.length * hidden) throw new IllegalArgumentException("Feature mean has "
			+ mu.length + " values for a kernel of " + kernel.values.length);
		final float[] folded = bias.values.clone();
		for (int j = 0; j < hidden; j++) {
			double sum = 0;
			for (int i = 0; i < mu.length; i++) sum += mu[i] * kernel.values[i * hidden + j];
			folded[j] = (float) (folded[j] - sum);
		}
		final Weights out = new Weights();
		out.putAll(weights);
		out.put(HIDDEN, "bias", new Weights.Tensor(bias.shape, folded));
		return out;
	}

	private static Operand<TFloat32> dense(final Ops tf, final String name, final Operand<TFloat32> x, final int in,
		final int out, final WeightVariables vars)
	{
		final Operand<TFloat32> kernel = vars.get(name, "kernel", in, out), bias = vars.get(name, "bias", out);
		return vars.scope(name).withName(MobileNetV2Graph.OUTPUT_OP).nn.biasAdd(tf.linalg.matMul(x, kernel), bias);
	}
}
