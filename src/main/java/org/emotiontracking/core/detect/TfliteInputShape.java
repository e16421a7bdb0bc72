package org.emotiontracking.core.detect;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The shape of the first input of a TFLite model, read from its FlatBuffer (TFLite's schema:
 * Model.subgraphs[0].inputs[0] -> tensors[i].shape), so that a model that is not BlazeFace can be
 * run once at its own input size and refused with the output shapes it has. Reads only; any file
 * that does not follow the schema gives null.
 */
final class TfliteInputShape {

	/** Model table fields (TFLite schema.fbs). */
	private static final int MODEL_SUBGRAPHS = 2;
	/** SubGraph table fields. */
	private static final int SUBGRAPH_TENSORS = 0, SUBGRAPH_INPUTS = 1;
	/** Tensor table fields. */
	private static final int TENSOR_SHAPE = 0;

	private final ByteBuffer b;

	private TfliteInputShape(final byte[] model) {
		b = ByteBuffer.wrap(model).order(ByteOrder.LITTLE_ENDIAN);
	}

	/** The first input's shape (e.g. [1, 256, 256, 3]), or null if the file is not a TFLite FlatBuffer with an input.
	 * */
	static int[] of(final byte[] model) {
		if (model.length < 8 || model[4] != 'T' || model[5] != 'F' || model[6] != 'L' || model[7] != '3') return null;
		try {
			return new TfliteInputShape(model).firstInput();
		}
		catch (final IndexOutOfBoundsException | IllegalArgumentException e) {
			return null;
		}
	}

	private int[] firstInput() {
		final int model = b.getInt(0);
		final int subgraphs = vector(model, MODEL_SUBGRAPHS);
		if (subgraphs < 0 || b.getInt(subgraphs) < 1) return null;
		final int subgraph = element(subgraphs, 0);
		final int inputs = vector(subgraph, SUBGRAPH_INPUTS), tensors = vector(subgraph, SUBGRAPH_TENSORS);
		if (inputs < 0 || tensors < 0 || b.getInt(inputs) < 1) return null;
		final int index = b.getInt(inputs + 4);
		if (index < 0 || index >= b.getInt(tensors)) return null;
		final int shape = vector(element(tensors, index), TENSOR_SHAPE);
		if (shape < 0) return null;
		final int n = b.getInt(shape);
		if (n < 0 || n > 8) return null;
		final int[] out = new int[n];
		for (int i = 0; i < n; i++) out[i] = b.getInt(shape + 4 + 4 * i);
		return out;
	}

	/** The position of the vector in field {@code field} of the table at {@code table}, or -1 if absent. */
	private int vector(final int table, final int field) {
		final int vtable = table - b.getInt(table);
		final int vtableSize = Short.toUnsignedInt(b.getShort(vtable));
		if (4 + 2 * field + 2 > vtableSize) return -1;
		final int offset = Short.toUnsignedInt(b.getShort(vtable + 4 + 2 * field));
		if (offset == 0) return -1;
		final int at = table + offset;
		return at + b.getInt(at);
	}

	/** The table that element {@code i} of the vector of tables at {@code vector} points to. */
	private int element(final int vector, final int i) {
		final int at = vector + 4 + 4 * i;
		return at + b.getInt(at);
	}
}
