package org.emotiontracking.core.train;

import java.util.List;
import java.util.Random;

import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.model.ImageBatch;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Small conversions between Java arrays and TensorFlow tensors, and the loss both steppers use. */
final class Tensors {

	private Tensors() {}

	static TFloat32 images(final List<RgbImage> images, final int size) {
		return TFloat32.tensorOf(Shape.of(images.size(), size, size, 3),
			DataBuffers.of(ImageBatch.pack(images, size), true, false));
	}

	static TFloat32 matrix(final float[] values, final int rows, final int cols) {
		return TFloat32.tensorOf(Shape.of(rows, cols), DataBuffers.of(values, true, false));
	}

	static float[] floats(final Result result, final int index) {
		final TFloat32 t = (TFloat32) result.get(index);
		final float[] out = new float[(int) t.size()];
		t.read(DataBuffers.of(out, false, false));
		return out;
	}

	static float[][] rows(final float[] flat, final int n) {
		final int cols = flat.length / n;
		final float[][] out = new float[n][cols];
		for (int i = 0; i < n; i++) System.arraycopy(flat, i * cols, out[i], 0, cols);
		return out;
	}

	/** Categorical cross-entropy per example, from logits and one-hot labels. */
	static Operand<TFloat32> crossEntropy(final Ops tf, final Operand<TFloat32> logits,
		final Operand<TFloat32> oneHot) {
		return tf.withName("cross_entropy").nn.softmaxCrossEntropyWithLogits(logits, oneHot).loss();
	}

	static int[] shuffled(final int n, final long seed) {
		final int[] order = new int[n];
		for (int i = 0; i < n; i++) order[i] = i;
		final Random r = new Random(seed);
		for (int i = n - 1; i > 0; i--) {
			final int j = r.nextInt(i + 1);
			final int t = order[i];
			order[i] = order[j];
			order[j] = t;
		}
		return order;
	}

	static int[] identity(final int n) {
		final int[] order = new int[n];
		for (int i = 0; i < n; i++) order[i] = i;
		return order;
	}

	static void closeAll(final List<AutoCloseable> resources) {
		for (final AutoCloseable c : resources) {
			try {
				c.close();
			}
			catch (final Exception e) {
				// tensors do not fail to close
			}
		}
	}
}
