package org.emotiontracking.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.List;

import org.emotiontracking.core.engine.TensorFlowRuntime;
import org.emotiontracking.core.model.WeightVariables;
import org.emotiontracking.core.model.Weights;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The in-graph Adam follows Keras's Adam step for step (checked against a plain Java implementation),
 * with and without a linear warm-up of the rate.
 */
class AdamOptimizerTest {

	@Test
	void matchesKerasAdamOnAQuadratic() {
		check(0);
	}

	@Test
	void warmUpRaisesTheRateLinearly() {
		check(3);
	}

	private static void check(final int warmup) {
		TensorFlowRuntime.engine();
		final float[] start = { 1f, -2f, 0.5f }, target = { 0.3f, 0.1f, -1f };
		final float rate = 0.1f;
		try (Graph g = new Graph(); Session s = new Session(g)) {
			final Ops tf = Ops.create(g);
			final WeightVariables vars = new WeightVariables(tf);
			final Variable<TFloat32> w = vars.get("layer", "kernel", 3);
			final Operand<TFloat32> diff = tf.math.sub(w, tf.constant(target));
			final Operand<TFloat32> loss = tf.sum(tf.math.mul(diff, diff), tf.constant(0));
			final AdamOptimizer adam = new AdamOptimizer(g, tf, loss, Collections.singletonList(w), rate, warmup);
			final Weights init = new Weights();
			init.put("layer", "kernel", new Weights.Tensor(new long[] { 3 }, start.clone()));
			vars.assign(s, init, false, 0);
			adam.initialise(s);

			final double[] x = { start[0], start[1], start[2] }, m = new double[3], v = new double[3];
			for (int t = 1; t <= 6; t++) {
				final Session.Runner r = s.runner();
				final List<AutoCloseable> feeds = adam.addStep(r);
				r.run();
				Tensors.closeAll(feeds);
				for (int i = 0; i < 3; i++) { // Keras/TF Adam
					final double grad = 2 * (x[i] - target[i]);
					m[i] = 0.9 * m[i] + 0.1 * grad;
					v[i] = 0.999 * v[i] + 0.001 * grad * grad;
					final double base = warmup > 0 ? rate * Math.min(1.0, t / (double) warmup) : rate;
					final double lr = base * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
					x[i] -= lr * m[i] / (Math.sqrt(v[i]) + 1e-7);
				}
				final float[] got = vars.read(s).asMap().get("layer/kernel").values;
				for (int i = 0; i < 3; i++) assertEquals(x[i], got[i], 1e-5, "step " + t + " weight " + i);
			}
		}
	}
}
