package org.emotiontracking.core.classify;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Packs faces into inference batches whose shape and slots depend only on where each face's item
 * stands in the whole work list, never on which shard or run it is part of. So a face gets the same
 * probabilities, to the bit, in a single run and in any shard of it.
 * <p>
 * Why: TensorFlow's CPU kernels give a row of a batch slightly different results (a few float ulps)
 * depending on the batch size and on the row's position in the batch, though not on what the other
 * rows hold (measured on TF 2.10.1; ONNX Runtime 1.18 showed none of it here, other CPUs may).
 * <p>
 * The rule: the work list is cut into groups of {@code batchSize} items, group {@code g} = items
 * {@code [g*B, (g+1)*B)} (the last group is shorter: its length {@code L} is known to every shard
 * from the list size). Every batch of group {@code g} has {@code L} rows; face {@code k} of item
 * {@code i} sits at slot {@code (i - g*B + k) mod L} of the first batch of its group where that slot
 * is free. Slots nobody fills are zeros. One face per image (faces=whole, or one face found) fills
 * each group's one batch exactly; a shard that starts or ends inside a group runs that group's batch
 * with the other shard's slots empty. Batches of a group run when full, when the next group starts,
 * when more than {@value #MAX_OPEN} are open (the oldest), or on {@link #flush()}.
 *
 * @param <T> the owner of a face (told the probabilities when its batch has run)
 */
final class AlignedBatches<T> {

	/** Runs one packed batch of {@code rows} images and returns each row's probabilities. */
	interface Model {
		float[][] run(float[] packed, int rows);
	}

	/** Receives the probabilities of one face. */
	interface Receiver<T> {
		void accept(T owner, int face, float[] probabilities);
	}

	static final int MAX_OPEN = 4;

	private final int batchSize;
	private final long listSize;
	private final int pixels;
	private final Model model;
	private final Receiver<T> receiver;
	private final ArrayDeque<Batch> open = new ArrayDeque<>();
	private final List<float[]> spare = new ArrayList<>();
	private long group = -1;

	/**
	 * @param listSize the number of items of the whole work list (all shards), or -1 if unknown (then
	 *          every group is {@code batchSize} long)
	 * @param pixels   floats per face (size * size * 3)
	 */
	AlignedBatches(final int batchSize, final long listSize, final int pixels, final Model model,
		final Receiver<T> receiver) {
		if (batchSize < 1) throw new IllegalArgumentException("Batch size must be at least 1: " + batchSize);
		this.batchSize = batchSize;
		this.listSize = listSize;
		this.pixels = pixels;
		this.model = model;
		this.receiver = receiver;
	}

	/**
	 * Adds face {@code face} of the item at {@code index} of the whole work list. Items come in list
	 * order; a batch that fills runs now (receivers are called from this thread).
	 *
	 * @param values the face's {@code pixels} values, 0..255, row-major RGB
	 */
	void add(final long index, final int face, final byte[] values, final T owner) {
		final long g = index / batchSize;
		if (g != group) {
			flush();
			group = g;
		}
		final int length = groupLength(g);
		final int slot = (int) ((index - g * batchSize + face) % length);
		Batch target = null;
		for (final Batch b : open)
			if (b.owners.get(slot) == null) {
				target = b;
				break;
			}
		if (target == null) {
			if (open.size() == MAX_OPEN) run(open.poll());
			target = new Batch(length);
			open.add(target);
		}
		target.put(slot, face, values, owner);
		if (target.count == length) {
			open.remove(target);
			run(target);
		}
	}

	/** Runs every open batch (their empty slots zeros), oldest first. */
	void flush() {
		while (!open.isEmpty()) run(open.poll());
	}

	/** Rows of every batch of group {@code g}. */
	int groupLength(final long g) {
		if (listSize < 0) return batchSize;
		final long left = listSize - g * batchSize;
		return (int) Math.max(1, Math.min(batchSize, left));
	}

	private void run(final Batch b) {
		final float[][] out = model.run(b.packed, b.rows);
		for (int s = 0; s < b.rows; s++) {
			final T owner = b.owners.get(s);
			if (owner != null) receiver.accept(owner, b.faces[s], out[s]);
		}
		if (b.packed.length == batchSize * pixels) {
			Arrays.fill(b.packed, 0);
			spare.add(b.packed);
		}
	}

	private float[] buffer(final int rows) {
		if (rows == batchSize && !spare.isEmpty()) return spare.remove(spare.size() - 1);
		return new float[rows * pixels];
	}

	/** One batch of a group: its packed input and which face fills which slot. */
	private final class Batch {
		final int rows;
		final float[] packed;
		final List<T> owners;
		final int[] faces;
		int count;

		Batch(final int rows) {
			this.rows = rows;
			this.packed = buffer(rows);
			this.owners = new ArrayList<>(Collections.nCopies(rows, (T) null));
			this.faces = new int[rows];
		}

		void put(final int slot, final int face, final byte[] values, final T owner) {
			if (values.length != pixels) throw new IllegalArgumentException("A face has " + values.length
				+ " values, the model needs " + pixels);
			final int base = slot * pixels;
			for (int j = 0; j < pixels; j++) packed[base + j] = values[j] & 0xff;
			owners.set(slot, owner);
			faces[slot] = face;
			count++;
		}
	}
}
