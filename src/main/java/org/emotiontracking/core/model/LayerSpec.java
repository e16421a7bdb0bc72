package org.emotiontracking.core.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One Keras layer of a network: its Keras name, what it does, where its input comes from and the
 * weights it owns (in Keras's own order, e.g. gamma, beta, moving_mean, moving_variance).
 */
public final class LayerSpec {

	public enum Kind { CONV, DEPTHWISE, BATCH_NORM, RELU6, ZERO_PAD, ADD, GLOBAL_AVG_POOL, DENSE, DROPOUT }

	/** A named weight of a layer and its shape (Keras layout, e.g. kernel [kh, kw, in, out]). */
	public static final class WeightSpec {
		public final String name;
		public final long[] shape;

		WeightSpec(final String name, final long... shape) {
			this.name = name;
			this.shape = shape;
		}

		public long size() {
			long n = 1;
			for (final long d : shape) n *= d;
			return n;
		}

		@Override
		public String toString() { return name + Arrays.toString(shape); }
	}

	public final String name;
	public final Kind kind;
	/** Names of the layers feeding this one (two for ADD, none for the first layer). */
	public final List<String> inputs;
	public final int filters;
	public final int kernel;
	public final int stride;
	public final List<WeightSpec> weights;

	LayerSpec(final String name, final Kind kind, final List<String> inputs, final int filters, final int kernel,
		final int stride, final List<WeightSpec> weights)
	{
		this.name = name;
		this.kind = kind;
		this.inputs = Collections.unmodifiableList(inputs);
		this.filters = filters;
		this.kernel = kernel;
		this.stride = stride;
		this.weights = Collections.unmodifiableList(weights);
	}

	public boolean hasWeights() { return !weights.isEmpty(); }

	public long parameterCount() {
		long n = 0;
		for (final WeightSpec w : weights) n += w.size();
		return n;
	}

	@Override
	public String toString() { return name + " " + kind + " " + weights; }
}
