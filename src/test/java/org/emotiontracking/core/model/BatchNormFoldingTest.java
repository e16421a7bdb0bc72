package org.emotiontracking.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.emotiontracking.core.engine.TensorFlowRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

class BatchNormFoldingTest {

	@TempDir
	Path tmp;

	private static final ModelMetadata MODEL = TestModels.metadata(0.35, 64, "a", "b", "c");

	@Test
	void foldedKernelAndBiasAreTheBatchNormOfTheConvolution() {
		final Weights w = TestModels.randomWeights(MODEL, 11);
		final List<LayerSpec> base = MobileNetV2Architecture.base(MODEL.alpha);
		final Weights folded = BatchNormFolding.fold(base, w, name -> true, 1e-3f);
		// every convolution of the base is followed by its batch norm: 52 pairs, two tensors each
		assertEquals(2 * 52, folded.size());
		// a depthwise kernel [3, 3, C, 1]: channel = index modulo C
		final String dw = "block_3_depthwise", bn = "block_3_depthwise_BN";
		final Weights.Tensor k = w.get(dw, "depthwise_kernel"), fk = folded.get(dw, BatchNormFolding.KERNEL);
		final int channels = (int) k.shape[2];
		for (final int j : new int[] { 0, 5, channels + 3, k.values.length - 1 }) {
			final int c = j % channels;
			final double s = w.get(bn, "gamma").values[c] / Math.sqrt(w.get(bn, "moving_variance").values[c] + 1e-3);
			assertEquals(k.values[j] * s, fk.values[j], 1e-6 * (1 + Math.abs(k.values[j] * s)), "kernel " + j);
			assertEquals(w.get(bn, "beta").values[c] - w.get(bn, "moving_mean").values[c] * s, folded.get(dw,
				BatchNormFolding.BIAS).values[c], 1e-6);
		}
	}

	@Test
	void aMissingWeightIsNamed() {
		final Weights w = TestModels.randomWeights(MODEL, 11);
		final Weights partial = new Weights();
		for (final Map.Entry<String, Weights.Tensor> e : w.asMap().entrySet())
			if (!e.getKey().equals("block_2_project_BN/moving_variance")) partial.put(e.getKey(), e.getValue());
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BatchNormFolding.fold(
			MobileNetV2Architecture.base(MODEL.alpha), partial, name -> true, 1e-3f));
		assertTrue(e.getMessage().contains("block_2_project_BN/moving_variance"), e.getMessage());
	}

	@Test
	void servingGraphFoldsEveryBatchNormButTheGradCamLayersOne() {
		TensorFlowRuntime.engine();
		try (EmotionNetwork net = EmotionNetwork.forServing(MODEL, TestModels.randomWeights(MODEL, 1))) {
			final List<String> batchNorms = new ArrayList<>();
			for (final Iterator<GraphOperation> it = net.graph.operations(); it.hasNext();) {
				final GraphOperation op = it.next();
				if (op.type().startsWith("FusedBatchNorm")) batchNorms.add(op.name());
			}
			assertEquals(Collections.singletonList("Conv_1_bn/output"), batchNorms);
			assertTrue(net.layers.containsKey("Conv_1"), "the Grad-CAM layer stays exact");
			assertFalse(net.layers.containsKey("block_1_expand"), "a folded convolution has no pre-norm output");
			assertTrue(net.layers.containsKey("block_1_expand_BN") && net.layers.containsKey("block_1_expand_relu"));
		}
	}

	@Test
	void servingGraphComputesWhatTheKerasGraphComputes() {
		final Weights w = TestModels.randomWeights(MODEL, 5);
		final float[] batch = ImageBatch.pack(java.util.Arrays.asList(TestModels.noiseImage(64, 64, 1), TestModels
			.noiseImage(64, 64, 2)), 64);
		TensorFlowRuntime.engine();
		try (EmotionNetwork keras = EmotionNetwork.forInference(MODEL); EmotionNetwork serving = EmotionNetwork.forServing(
			MODEL, w); Session ks = new Session(keras.graph); Session ss = new Session(serving.graph);
			TFloat32 x = TFloat32.tensorOf(Shape.of(2, 64, 64, 3), DataBuffers.of(batch, true, false)))
		{
			keras.variables.assign(ks, w, false, 0);
			serving.variables.assign(ss, w, false, 0);
			// every layer of the serving graph in one run of each graph
			final List<String> names = new ArrayList<>(serving.layers.keySet());
			final Session.Runner kr = ks.runner().feed(keras.image, x), sr = ss.runner().feed(serving.image, x);
			for (final String name : names) {
				kr.fetch(keras.layers.get(name));
				sr.fetch(serving.layers.get(name));
			}
			int compared = 0;
			try (Result kerasOut = kr.run(); Result servingOut = sr.run()) {
				for (int l = 0; l < names.size(); l++) {
					final float[] expected = floats(kerasOut.get(l)), actual = floats(servingOut.get(l));
					assertEquals(expected.length, actual.length, names.get(l));
					for (int i = 0; i < expected.length; i++) assertEquals(expected[i], actual[i], 1e-4 * (1 + Math.abs(
						expected[i])), names.get(l) + " value " + i);
					compared++;
				}
			}
			assertTrue(compared > 100, "compared " + compared + " layers");
			final float[] p = run(ss, serving.image, serving.probabilities, x), q = run(ks, keras.image, keras.probabilities, x);
			for (int i = 0; i < p.length; i++) assertEquals(q[i], p[i], 1e-5, "probability " + i);
		}
	}

	@Test
	void archiveKeepsTheKerasWeightsBesideTheFoldedOnes() throws IOException {
		final Weights w = TestModels.randomWeights(MODEL, 8);
		final Path folder = tmp.resolve("model");
		ModelArchive.exportFolder(folder, MODEL, w);
		try (SavedModelBundle b = SavedModelBundle.load(folder.resolve(ModelArchive.SAVED_MODEL).toString(), "serve");
			Result r = b.session().runner().fetch("block_4_expand_BN/gamma").fetch("block_4_expand/folded_kernel_value").run())
		{
			final float[] gamma = new float[(int) r.get(0).size()];
			((TFloat32) r.get(0)).read(DataBuffers.of(gamma, false, false));
			assertEquals(w.get("block_4_expand_BN", "gamma").values[3], gamma[3], 0f);
			assertEquals(w.get("block_4_expand", "kernel").values.length, r.get(1).size());
		}
	}

	private static float[] run(final Session s, final Operand<TFloat32> in, final Operand<TFloat32> out, final TFloat32 x) {
		try (Result r = s.runner().feed(in, x).fetch(out).run()) {
			return floats(r.get(0));
		}
	}

	private static float[] floats(final org.tensorflow.Tensor t) {
		final float[] v = new float[(int) t.size()];
		((TFloat32) t).read(DataBuffers.of(v, false, false));
		return v;
	}
}
