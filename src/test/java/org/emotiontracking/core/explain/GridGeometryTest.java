package org.emotiontracking.core.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;

import org.emotiontracking.core.model.EmotionNetwork;
import org.emotiontracking.core.model.ImageBatch;
import org.emotiontracking.core.model.ModelMetadata;
import org.emotiontracking.core.model.TestModels;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

class GridGeometryTest {

	@Test
	void conv1CellsSitHalfACellLowerRightThanANaiveResizeAssumes() {
		for (final int size : new int[] { 96, 224 }) {
			final GridGeometry g = GridGeometry.of(TestModels.metadata(0.35, size, "a", "b"), "Conv_1");
			assertEquals(size / 32, g.cells());
			assertEquals(32, g.step(), 0);
			assertEquals(31.5, g.first(), 0); // 16 + 0.5 * (1 + 2 + 4 + 8) = 31.5 px, not 16
			assertEquals(g.first(), GridGeometry.of(TestModels.metadata(1.0, size, "a", "b"), "out_relu").first(), 0);
		}
		final GridGeometry naive = GridGeometry.centred(96, 3);
		assertEquals(16, naive.first(), 0);
	}

	/**
	 * TensorFlow decides: the receptive field of an interior cell is the support of the gradient of
	 * that cell's activations with respect to the image, and its centre must be the geometry's centre.
	 */
	@Test
	void centresAreTheCentresOfTheReceptiveFieldsInTensorFlow() {
		final ModelMetadata m = TestModels.metadata(0.35, 96, "a", "b");
		final org.emotiontracking.core.model.Weights w = TestModels.randomWeights(m, 2);
		for (final String layer : new String[] { "Conv1", "block_1_depthwise", "block_3_depthwise", "block_3_project" }) {
			final GridGeometry g = GridGeometry.of(m, layer);
			final int cell = g.cells() / 2 - 1;
			try (EmotionNetwork net = EmotionNetwork.forInference(m); Session s = new Session(net.graph);
				TFloat32 x = TFloat32.tensorOf(Shape.of(1, 96, 96, 3), DataBuffers.of(ImageBatch.pack(Collections
					.singletonList(TestModels.noiseImage(96, 96, 1)), 96), true, false)))
			{
				net.variables.assign(s, w, false, 0);
				final Operand<TFloat32> a = net.layers.get(layer);
				final Operand<TFloat32> one = net.tf.sum(net.tf.slice(a, net.tf.constant(new int[] { 0, cell, cell, 0 }), net.tf
					.constant(new int[] { 1, 1, 1, -1 })), net.tf.constant(new int[] { 0, 1, 2, 3 }));
				final Output<?>[] grad = net.graph.addGradients(one.asOutput(), new Output<?>[] { net.image.asOutput() });
				try (Result r = s.runner().feed(net.image, x).fetch(grad[0]).run()) {
					final float[] v = GradCamGradientTest.read(r.get(0));
					int x0 = 96, x1 = -1, y0 = 96, y1 = -1;
					for (int y = 0; y < 96; y++)
						for (int xx = 0; xx < 96; xx++) {
							final int i = (y * 96 + xx) * 3;
							if (v[i] == 0 && v[i + 1] == 0 && v[i + 2] == 0) continue;
							x0 = Math.min(x0, xx);
							x1 = Math.max(x1, xx);
							y0 = Math.min(y0, y);
							y1 = Math.max(y1, y);
						}
					final double centre = g.first() + g.step() * cell;
					assertEquals(centre, (x0 + x1 + 1) / 2.0, 0, layer + " x field " + x0 + ".." + x1);
					assertEquals(centre, (y0 + y1 + 1) / 2.0, 0, layer + " y field " + y0 + ".." + y1);
					System.out.println(layer + ": cell " + cell + " field " + x0 + ".." + x1 + ", " + g);
				}
			}
		}
	}
}
