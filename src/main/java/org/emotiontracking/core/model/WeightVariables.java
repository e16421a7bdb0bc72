package org.emotiontracking.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The weight variables of one graph, named "layer/weight" as in Keras, with an assign op per
 * variable so weights are fed in from Java (no huge constants in the graph definition) and read
 * back out after training.
 */
public final class WeightVariables {

	private final Ops tf;
	private final Map<String, Ops> scopes = new HashMap<>();
	private final Map<String, Variable<TFloat32>> variables = new LinkedHashMap<>();
	private final Map<String, long[]> shapes = new LinkedHashMap<>();
	private final Map<String, Placeholder<TFloat32>> feeds = new LinkedHashMap<>();
	private final Map<String, Assign<TFloat32>> assigns = new LinkedHashMap<>();

	public WeightVariables(final Ops tf) {
		this.tf = tf;
	}

	/**
	 * The one name scope of a layer ("Conv1/..."): TensorFlow makes every new sub-scope unique, so
	 * all ops of a layer must come from this same scope.
	 */
	public Ops scope(final String layer) {
		return scopes.computeIfAbsent(layer, tf::withSubScope);
	}

	/** The variable for a layer's weight, created on first use. */
	public Variable<TFloat32> get(final String layer, final String weight, final long... shape) {
		final String key = Weights.key(layer, weight);
		Variable<TFloat32> v = variables.get(key);
		if (v == null) {
			final Ops scope = scope(layer);
			v = scope.withName(weight).variable(Shape.of(shape), TFloat32.class);
			final Placeholder<TFloat32> feed = scope.withName(weight + "_feed").placeholder(TFloat32.class,
				Placeholder.shape(Shape.of(shape)));
			variables.put(key, v);
			shapes.put(key, shape.clone());
			feeds.put(key, feed);
			assigns.put(key, scope.withName(weight + "_assign").assign(v, feed));
			if (!v.op().name().equals(key)) throw new IllegalStateException("Variable " + key + " was named " + v.op()
				.name());
		}
		return v;
	}

	public Variable<TFloat32> variable(final String key) { return variables.get(key); }

	public Collection<String> keys() { return variables.keySet(); }

	public long[] shape(final String key) { return shapes.get(key); }

	/**
	 * Assigns every variable from {@code weights}. Variables the weights lack are initialised as
	 * Keras would (Glorot-uniform kernels, zero biases/betas/means, unit gammas/variances) from
	 * {@code seed} if {@code initialiseMissing}, else it is an error naming them.
	 */
	public void assign(final Session session, final Weights weights, final boolean initialiseMissing, final long seed) {
		final Random random = new Random(seed);
		final List<Tensor> tensors = new ArrayList<>();
		try {
			final Session.Runner runner = session.runner();
			final List<String> missing = new ArrayList<>();
			for (final String key : variables.keySet()) {
				final long[] shape = shapes.get(key);
				final Weights.Tensor w = weights == null ? null : weights.asMap().get(key);
				final float[] values;
				if (w != null) values = w.requireShape(key, shape).values;
				else if (initialiseMissing) values = initialValues(key, shape, random);
				else {
					missing.add(key);
					continue;
				}
				final TFloat32 t = TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false));
				tensors.add(t);
				runner.feed(feeds.get(key), t).addTarget(assigns.get(key));
			}
			if (!missing.isEmpty()) throw new IllegalArgumentException("Missing weights: " + missing);
			runner.run();
		}
		finally {
			for (final Tensor t : tensors) t.close();
		}
	}

	/** Reads every variable's current value. */
	/**
	 * Reads every variable's current value from {@code session}: this graph's own session, or the session
	 * of a SavedModel exported from such a graph (variables are fetched by their op names, which are the
	 * keys).
	 */
	public Weights read(final Session session) {
		final Weights out = new Weights();
		final List<String> keys = new ArrayList<>(variables.keySet());
		final Session.Runner runner = session.runner();
		for (final String key : keys) runner.fetch(key);
		try (Result result = runner.run()) {
			for (int i = 0; i < keys.size(); i++) {
				final TFloat32 t = (TFloat32) result.get(i);
				final float[] values = new float[(int) t.size()];
				t.read(DataBuffers.of(values, false, false));
				final String key = keys.get(i);
				out.put(key, new Weights.Tensor(shapes.get(key), values));
			}
		}
		return out;
	}

	static float[] initialValues(final String key, final long[] shape, final Random random) {
		long n = 1;
		for (final long d : shape) n *= d;
		final float[] v = new float[(int) n];
		final String weight = key.substring(key.lastIndexOf('/') + 1);
		if (weight.equals("gamma") || weight.equals("moving_variance")) Arrays.fill(v, 1f);
		else if (weight.endsWith("kernel")) {
			// Glorot uniform, Keras's default: fans from the kernel's receptive field.
			final long receptive = shape.length > 2 ? shape[0] * shape[1] : 1;
			final long fanIn = shape.length > 2 ? receptive * shape[2] : shape[0];
			final long fanOut = shape.length > 2 ? receptive * shape[3] : shape[1];
			final double limit = Math.sqrt(6.0 / (fanIn + fanOut));
			for (int i = 0; i < v.length; i++) v[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
		}
		return v;
	}
}
