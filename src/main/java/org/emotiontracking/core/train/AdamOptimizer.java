package org.emotiontracking.core.train;

import java.util.ArrayList;
import java.util.List;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Adam as Keras runs it (beta1 0.9, beta2 0.999, epsilon 1e-7), built into the graph: gradients from
 * {@link Graph#addGradients}, one ApplyAdam per trainable variable. The step count lives in Java and
 * is fed as beta powers each step.
 */
final class AdamOptimizer {

	static final float BETA1 = 0.9f, BETA2 = 0.999f, EPSILON = 1e-7f;

	private final Placeholder<TFloat32> learningRate, beta1Power, beta2Power;
	private final List<Op> updates = new ArrayList<>();
	private final List<Op> resets = new ArrayList<>();
	private final float rate;
	private final int warmupSteps;
	private int step;

	/**
	 * @param warmupSteps the rate of step t (from 1) is {@code rate * min(1, t / warmupSteps)}: early
	 *          Adam steps have nearly the full rate whatever the gradient's size, and training every
	 *          layer from scratch can kill the head's ReLUs in them
	 */
	@SuppressWarnings("unchecked")
	AdamOptimizer(final Graph graph, final Ops tf, final Operand<TFloat32> loss,
		final List<Variable<TFloat32>> trainable, final float rate, final int warmupSteps)
	{
		this.rate = rate;
		this.warmupSteps = warmupSteps;
		final Ops scope = tf.withSubScope("adam");
		learningRate = scope.withName("learning_rate").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
		beta1Power = scope.withName("beta1_power").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
		beta2Power = scope.withName("beta2_power").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
		final Output<?>[] xs = new Output<?>[trainable.size()];
		for (int i = 0; i < xs.length; i++) xs[i] = trainable.get(i).asOutput();
		final Output<?>[] grads = graph.addGradients(loss.asOutput(), xs);
		final Operand<TFloat32> b1 = scope.constant(BETA1), b2 = scope.constant(BETA2), eps = scope.constant(EPSILON);
		// Every gradient is complete before any variable changes: the backward pass reads the weights
		// (through a layer into the ones below it), and without this gate an update could run first and
		// the step would mix old and new weights, differently from run to run.
		final List<Op> computed = new ArrayList<>();
		for (final Output<?> g : grads) computed.add(scope.identity((Operand<TFloat32>) g));
		final Ops afterGradients = scope.withControlDependencies(computed);
		for (int i = 0; i < xs.length; i++) {
			final Variable<TFloat32> v = trainable.get(i);
			final Variable<TFloat32> m = slot(scope, v), s = slot(scope, v);
			updates.add(afterGradients.train.applyAdam(v, m, s, beta1Power, beta2Power, learningRate, b1, b2, eps,
				(Operand<TFloat32>) computed.get(i)));
		}
	}

	private Variable<TFloat32> slot(final Ops scope, final Variable<TFloat32> v) {
		final Variable<TFloat32> slot = scope.variable(v.shape(), TFloat32.class);
		resets.add(scope.assign(slot, scope.zeros(scope.shape(v), TFloat32.class)));
		return slot;
	}

	/** Zeroes the moment estimates; call once before the first step. */
	void initialise(final Session session) {
		final Session.Runner r = session.runner();
		for (final Op op : resets) r.addTarget(op);
		r.run();
		step = 0;
	}

	/** The learning rate of step t (from 1). */
	float rate(final int t) {
		return warmupSteps > 0 && t < warmupSteps ? rate * t / warmupSteps : rate;
	}

	/** Adds this step's update ops and feeds to a runner that also feeds the batch. */
	List<AutoCloseable> addStep(final Session.Runner runner) {
		step++;
		final TFloat32 lr = TFloat32.scalarOf(rate(step));
		final TFloat32 p1 = TFloat32.scalarOf((float) Math.pow(BETA1, step));
		final TFloat32 p2 = TFloat32.scalarOf((float) Math.pow(BETA2, step));
		runner.feed(learningRate, lr).feed(beta1Power, p1).feed(beta2Power, p2);
		for (final Op op : updates) runner.addTarget(op);
		final List<AutoCloseable> tensors = new ArrayList<>();
		tensors.add(lr);
		tensors.add(p1);
		tensors.add(p2);
		return tensors;
	}
}
