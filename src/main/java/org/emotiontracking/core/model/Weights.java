package org.emotiontracking.core.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named float tensors keyed "layer/weight" in Keras naming, e.g. "Conv1/kernel" or
 * "block_3_expand_BN/moving_mean", with shapes in Keras layout. Insertion order is kept.
 */
public final class Weights {

	/** A dense float tensor in row-major order. */
	public static final class Tensor {
		public final long[] shape;
		public final float[] values;

		public Tensor(final long[] shape, final float[] values) {
			long n = 1;
			for (final long d : shape) n *= d;
			if (n != values.length) throw new IllegalArgumentException(
				"Shape " + Arrays.toString(shape) + " needs " + n + " values, got " + values.length);
			this.shape = shape.clone();
			this.values = values;
		}

		/** This tensor, if it has {@code expected} shape; else an error naming {@code key} and both shapes. */
		public Tensor requireShape(final String key, final long[] expected) {
			if (!Arrays.equals(shape, expected)) throw new IllegalArgumentException("Weight " + key + " has shape "
				+ Arrays.toString(shape) + ", the network expects " + Arrays.toString(expected));
			return this;
		}

		@Override
		public String toString() { return Arrays.toString(shape); }
	}

	private final Map<String, Tensor> tensors = new LinkedHashMap<>();

	public static String key(final String layer, final String weight) {
		return layer + "/" + weight;
	}

	public void put(final String layer, final String weight, final Tensor t) {
		tensors.put(key(layer, weight), t);
	}

	/** Puts a tensor under a full "layer/weight" key. */
	public void put(final String key, final Tensor t) {
		if (key.indexOf('/') <= 0) throw new IllegalArgumentException("Expected a layer/weight key, got '" + key + "'");
		tensors.put(key, t);
	}

	/** Puts every tensor of {@code other}, replacing those with the same key. */
	public void putAll(final Weights other) {
		tensors.putAll(other.tensors);
	}

	public Tensor get(final String layer, final String weight) {
		return tensors.get(key(layer, weight));
	}

	public boolean contains(final String layer, final String weight) {
		return tensors.containsKey(key(layer, weight));
	}

	public Map<String, Tensor> asMap() {
		return Collections.unmodifiableMap(tensors);
	}

	public int size() { return tensors.size(); }
}
