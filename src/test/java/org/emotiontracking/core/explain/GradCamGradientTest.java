package org.emotiontracking.core.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.engine.TensorFlowRuntime;
import org.emotiontracking.core.model.EmotionClassifier;
import org.emotiontracking.core.model.EmotionNetwork;
import org.emotiontracking.core.model.ImageBatch;
import org.emotiontracking.core.model.ModelArchive;
import org.emotiontracking.core.model.ModelMetadata;
import org.emotiontracking.core.model.TestModels;
import org.emotiontracking.core.model.Weights;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * The gradients Grad-CAM uses are checked against finite differences. TensorFlow lets any tensor be
 * fed, so the part of the network after the explained layer can be evaluated on perturbed
 * activations A' without building it separately: feeding "<layer>/output" overrides that layer's
 * output. Grad-CAM's weight of channel k is the mean over the grid of dp/dA[., ., k], so shifting the
 * whole channel by +-eps gives (p(A + eps 1_k) - p(A - eps 1_k)) / (2 eps) = sum over the grid of
 * dp/dA[., ., k] = cells * w_k, a direct check of the weights (and of which class was differentiated).
 * For Grad-CAM++ single elements A[y, x, k] are perturbed and the logit is differenced.
 * The reference graph is built here from the same weights (not loaded from the archive), so the
 * archive's signature, the DJL plumbing and the graph-API path are all checked against it.
 */
class GradCamGradientTest {

	@TempDir
	static Path tmp;
	static ModelMetadata meta;
	static Weights weights;
	static ModelArchive archive;
	static RgbImage face;

	@BeforeAll
	static void model() throws IOException {
		meta = TestModels.metadata(0.35, 96, "angry", "calm", "happy");
		weights = TestModels.randomWeights(meta, 11);
		final Path zip = tmp.resolve("m.zip");
		ModelArchive.write(zip, meta, weights);
		archive = ModelArchive.open(zip);
		face = TestModels.noiseImage(96, 96, 5);
	}

	@AfterAll
	static void close() {
		if (archive != null) archive.close();
	}

	/** The reference network with the test weights, fed the face; caller closes. */
	static final class Reference implements AutoCloseable {
		final EmotionNetwork net = EmotionNetwork.forInference(meta);
		final Session session = new Session(net.graph);
		final TFloat32 image;

		Reference() {
			TensorFlowRuntime.engine();
			net.variables.assign(session, weights, false, 0);
			image = TFloat32.tensorOf(Shape.of(1, 96, 96, 3), DataBuffers.of(ImageBatch.pack(Collections.singletonList(
				face), 96), true, false));
		}

		float[] activations(final String layer) {
			try (Result r = session.runner().feed(net.image, image).fetch(net.layers.get(layer)).run()) {
				return read(r.get(0));
			}
		}

		/** Output {@code of} (probabilities or logits) with the layer's output replaced by {@code a}. */
		float[] with(final String layer, final float[] a, final Operand<TFloat32> of) {
			final long[] shape = net.layers.get(layer).shape().asArray();
			shape[0] = 1;
			try (TFloat32 t = TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(a, true, false));
				Result r = session.runner().feed(net.image, image).feed(net.layers.get(layer), t).fetch(of).run())
			{
				return read(r.get(0));
			}
		}

		@Override
		public void close() {
			image.close();
			session.close();
			net.close();
		}
	}

	static float[] read(final org.tensorflow.Tensor t) {
		final float[] out = new float[(int) t.size()];
		((TFloat32) t).read(DataBuffers.of(out, false, false));
		return out;
	}

	/** Channel-sum finite differences of class {@code cls}'s output for the channels with the largest |gradient sums|. */
	static void checkChannelSums(final Reference ref, final String layer, final GradCam.Raw raw, final int cls,
		final boolean logit, final int cells, final int channels)
	{
		final float[] a = ref.activations(layer);
		assertEquals(a.length, raw.activations.length);
		for (int i = 0; i < a.length; i++) assertEquals(a[i], raw.activations[i], 1e-3 * (1 + Math.abs(a[i])),
			"activation " + i);
		final double[] sums = new double[channels];
		for (int p = 0; p < cells; p++) for (int k = 0; k < channels; k++) sums[k] += raw.gradients[p * channels + k];
		final Integer[] order = new Integer[channels];
		for (int k = 0; k < channels; k++) order[k] = k;
		Arrays.sort(order, (x, y) -> Double.compare(Math.abs(sums[y]), Math.abs(sums[x])));
		final double scale = Math.abs(sums[order[0]]);
		assertTrue(scale > 1e-6, "gradients vanish: " + scale);
		final Operand<TFloat32> of = logit ? ref.net.logits : ref.net.probabilities;
		final double eps = 1e-2;
		int checked = 0;
		for (int j = 0; j < channels && checked < 12; j++) {
			final int k = j < 8 ? order[j] : order[j * 37 % channels];
			final float[] plus = a.clone(), minus = a.clone();
			for (int p = 0; p < cells; p++) {
				plus[p * channels + k] += eps;
				minus[p * channels + k] -= eps;
			}
			final double fd = (ref.with(layer, plus, of)[cls] - ref.with(layer, minus, of)[cls]) / (2 * eps);
			assertEquals(sums[k], fd, 0.03 * scale + 0.03 * Math.abs(fd), layer + " channel " + k);
			checked++;
		}
	}

	@Test
	void signatureGradientsMatchFiniteDifferencesOfTheProbability() throws IOException {
		try (GradCam gc = GradCam.open(archive, null, GradCamMethod.GRADCAM); Reference ref = new Reference()) {
			assertEquals("Conv_1", gc.layer());
			final int cells = gc.gridWidth() * gc.gridHeight();
			for (final int target : new int[] { -1, 0, 2 }) {
				final GradCam.Raw raw = gc.compute(Collections.singletonList(face), new int[] { target });
				final int cls = target >= 0 ? target : EmotionClassifier.argMax(raw.probabilities);
				checkChannelSums(ref, "Conv_1", raw, cls, false, cells, (int) raw.activations.length / cells);
			}
		}
	}

	@Test
	void graphPathGradientsMatchFiniteDifferencesOnOtherLayers() throws IOException {
		// block_13_expand is a convolution whose batch norm the archive folds away (the backend rebuilds
		// the unfolded graph); block_16_project_BN is the BiasAdd of a folded pair in the archive's graph.
		for (final String layer : new String[] { "out_relu", "block_15_add", "block_13_expand", "block_16_project_BN" }) {
			try (GradCam gc = GradCam.open(archive, layer, GradCamMethod.GRADCAM); Reference ref = new Reference()) {
				final int cells = gc.gridWidth() * gc.gridHeight();
				final GradCam.Raw raw = gc.compute(Collections.singletonList(face), new int[] { 1 });
				checkChannelSums(ref, layer, raw, 1, false, cells, raw.activations.length / cells);
			}
		}
	}

	@Test
	void gradCamPlusPlusDifferentiatesTheLogitElementwise() throws IOException {
		try (GradCam gc = GradCam.open(archive, "out_relu", GradCamMethod.GRADCAM_PLUS_PLUS); Reference ref = new Reference()) {
			final int cells = gc.gridWidth() * gc.gridHeight();
			final GradCam.Raw raw = gc.compute(Collections.singletonList(face), new int[] { -1 });
			final int cls = EmotionClassifier.argMax(raw.probabilities);
			final int channels = raw.activations.length / cells;
			checkChannelSums(ref, "out_relu", raw, cls, true, cells, channels);
			// element-wise: the per-position gradients Grad-CAM++ squares and cubes
			final float[] a = ref.activations("out_relu");
			double scale = 0;
			for (final float g : raw.gradients) scale = Math.max(scale, Math.abs(g));
			final double eps = 1e-2;
			int checked = 0;
			for (int i = 0; i < raw.gradients.length && checked < 10; i += 997) {
				if (a[i] < 0.05 || a[i] > 5.95) continue; // ReLU6 kink within reach of eps: skip
				final float[] plus = a.clone(), minus = a.clone();
				plus[i] += eps;
				minus[i] -= eps;
				final double fd = (ref.with("out_relu", plus, ref.net.logits)[cls] - ref.with("out_relu", minus,
					ref.net.logits)[cls]) / (2 * eps);
				assertEquals(raw.gradients[i], fd, 0.02 * scale, "element " + i);
				checked++;
			}
			assertTrue(checked >= 5, "too few elements checked: " + checked);
		}
	}

	@Test
	void signatureAndGraphPathsGiveTheSameMaps() throws IOException {
		final List<RgbImage> faces = Arrays.asList(face, TestModels.noiseImage(130, 70, 8), RgbImage.blank(50, 50));
		try (GradCam viaSignature = GradCam.open(archive, null, GradCamMethod.GRADCAM);
			GradCam viaGraph = GradCam.openWithGraph(archive, null, GradCamMethod.GRADCAM))
		{
			final List<Explanation> a = viaSignature.explain(faces, new int[] { -1, 1, 2 });
			final List<Explanation> b = viaGraph.explain(faces, new int[] { -1, 1, 2 });
			for (int i = 0; i < faces.size(); i++) {
				assertEquals(a.get(i).classIndex(), b.get(i).classIndex());
				assertEquals(a.get(i).probability(), b.get(i).probability(), 1e-5);
				assertEquals(3, a.get(i).heatmap().width());
				final float[] x = a.get(i).heatmap().values(), y = b.get(i).heatmap().values();
				for (int p = 0; p < x.length; p++) assertEquals(x[p], y[p], 1e-4, "face " + i + " cell " + p);
			}
			assertEquals(1, a.get(1).classIndex());
			assertEquals(1f, a.get(0).heatmap().max(), 1e-4);
		}
	}

	@Test
	void unknownLayerAndTargetListTheValidChoices() {
		final IllegalArgumentException layer = assertThrows(IllegalArgumentException.class, () -> GradCam.open(archive,
			"Conv_9", GradCamMethod.GRADCAM));
		assertTrue(layer.getMessage().contains("Unknown layer 'Conv_9'"), layer.getMessage());
		assertTrue(layer.getMessage().contains("out_relu") && layer.getMessage().contains("block_13_expand_relu"),
			layer.getMessage());
		final IllegalArgumentException target = assertThrows(IllegalArgumentException.class, () -> GradCam.targetIndex(
			meta.class_names, "sad"));
		assertEquals("Unknown target 'sad'. Valid targets: predicted, angry, calm, happy", target.getMessage());
		assertEquals(-1, GradCam.targetIndex(meta.class_names, "predicted"));
		assertEquals(2, GradCam.targetIndex(meta.class_names, "Happy"));
		final IllegalArgumentException method = assertThrows(IllegalArgumentException.class, () -> GradCamMethod.fromId(
			"lime"));
		assertTrue(method.getMessage().contains("gradcam, gradcam++"), method.getMessage());
	}
}
