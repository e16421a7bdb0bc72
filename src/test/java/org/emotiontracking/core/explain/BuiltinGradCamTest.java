package org.emotiontracking.core.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.emotiontracking.core.data.ImageDecoder;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.detect.FaceBox;
import org.emotiontracking.core.detect.FaceDetector;
import org.emotiontracking.core.detect.FaceDetectors;
import org.emotiontracking.core.detect.SharedFaces;
import org.emotiontracking.core.engine.TensorFlowRuntime;
import org.emotiontracking.core.model.BuiltinModel;
import org.emotiontracking.core.model.ImageBatch;
import org.emotiontracking.core.model.MobileNetV2Graph;
import org.emotiontracking.core.model.ModelArchive;
import org.emotiontracking.core.model.TestModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Grad-CAM on the built-in model (not MobileNetV2): its layers come from the archive's metadata, the
 * gradients match finite differences (the layer's output op fed with perturbed activations, as in
 * {@link GradCamGradientTest}), and on a real photo the heat falls on the face.
 */
class BuiltinGradCamTest {

	static ModelArchive archive;

	@BeforeAll
	static void open() throws IOException {
		assumeTrue(BuiltinModel.available(), "this build has no built-in model (no npm at build time)");
		archive = ModelArchive.open(null);
	}

	@AfterAll
	static void close() {
		if (archive != null) archive.close();
	}

	@Test
	void defaultLayerIsTheLastConvolutionAndWrongNamesListTheValidOnes() throws IOException {
		try (GradCam gc = GradCam.open(archive, null, GradCamMethod.GRADCAM)) {
			assertEquals("conv2d_5", gc.layer());
			assertEquals(8, gc.gridWidth());
			assertTrue(GradCam.layerNames(archive.metadata()).contains("block3_sepconv2_act"), GradCam.layerNames(archive
				.metadata()).toString());
		}
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GradCam.open(archive, "Conv_1",
			GradCamMethod.GRADCAM));
		assertTrue(e.getMessage().contains("Conv_1") && e.getMessage().contains("conv2d_5") && e.getMessage().contains(
			"block1_conv1_act"), e.getMessage());
	}

	/** p(class) of the archive's graph with {@code layer}'s output replaced by {@code a}. */
	private static float probability(final SavedModelBundle b, final RgbImage face, final String layer, final float[] a,
		final long[] shape, final int cls)
	{
		final Output<?> image = b.graph().output("image"), probs = b.graph().output("probabilities");
		try (TFloat32 x = TFloat32.tensorOf(Shape.of(1, 64, 64, 3), DataBuffers.of(ImageBatch.pack(Collections
			.singletonList(face), 64), true, false));
			TFloat32 t = TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(a, true, false));
			Result r = b.session().runner().feed(image, x).feed(b.graph().output(MobileNetV2Graph.outputOp(layer)), t)
				.fetch(probs).run())
		{
			return GradCamGradientTest.read(r.get(0))[cls];
		}
	}

	@Test
	void gradientsMatchFiniteDifferencesThroughBothBackends() throws Exception {
		final RgbImage face = TestModels.noiseImage(64, 64, 9);
		TensorFlowRuntime.engine();
		try (SavedModelBundle b = SavedModelBundle.loader(archive.savedModel().toString()).withTags("serve").load()) {
			for (final String layer : new String[] { "conv2d_5", "block3_sepconv2_act" }) {
				try (GradCam signature = GradCam.open(archive, layer, GradCamMethod.GRADCAM);
					GradCam graph = GradCam.openWithGraph(archive, layer, GradCamMethod.GRADCAM))
				{
					final GradCam.Raw raw = graph.compute(Collections.singletonList(face), new int[] { 3 });
					final GradCam.Raw viaSignature = signature.compute(Collections.singletonList(face), new int[] { 3 });
					for (int i = 0; i < raw.gradients.length; i++) assertEquals(raw.gradients[i], viaSignature.gradients[i], 1e-6 +
						1e-4 * Math.abs(raw.gradients[i]), layer + " gradient " + i);
					final long[] shape = { 1, graph.gridHeight(), graph.gridWidth(), raw.activations.length / (graph.gridHeight() *
						graph.gridWidth()) };
					// the elements with the largest gradients, each perturbed by +-eps
					final Integer[] order = new Integer[raw.gradients.length];
					for (int i = 0; i < order.length; i++) order[i] = i;
					java.util.Arrays.sort(order, (p, q) -> Float.compare(Math.abs(raw.gradients[q]), Math.abs(raw.gradients[p])));
					final float eps = 1e-2f;
					for (int j = 0; j < 8; j++) {
						final int i = order[j];
						final float[] up = raw.activations.clone(), down = raw.activations.clone();
						up[i] += eps;
						down[i] -= eps;
						final double fd = (probability(b, face, layer, up, shape, 3) - probability(b, face, layer, down, shape, 3)) /
							(2 * eps);
						assertEquals(fd, raw.gradients[i], 2e-3 * Math.abs(fd) + 1e-5, String.format(Locale.ROOT,
							"%s element %d: finite difference %.6g, gradient %.6g", layer, i, fd, raw.gradients[i]));
					}
				}
			}
		}
	}

	/**
	 * A region 1.5 times the detected face's size around each expression photo's face: the Grad-CAM heat
	 * of the predicted class is mostly on the face (its mean inside the face box exceeds its mean
	 * on the surrounding ring).
	 */
	@Test
	void heatmapsFallOnTheFace() throws Exception {
		final Path faces = SharedFaces.folder();
		int onFace = 0, n = 0;
		final StringBuilder sb = new StringBuilder();
		try (FaceDetector d = FaceDetectors.openDefault(); GradCam gc = GradCam.open(archive, null, GradCamMethod.GRADCAM)) {
			for (final String file : new String[] { "angry.jpg", "disgusted.jpg", "fearful.jpg", "happy.jpg", "neutral.jpg",
				"sad.jpg", "surprised.jpg" })
			{
				final RgbImage photo = new ImageDecoder().decode(faces.resolve(file));
				FaceBox f = null;
				for (final FaceBox b : d.detect(photo)) if (f == null || b.width() > f.width()) f = b;
				assertTrue(f != null, file);
				final int side = Math.max(f.width(), f.height()) * 3 / 2;
				final int x0 = f.x() + f.width() / 2 - side / 2, y0 = f.y() + f.height() / 2 - side / 2;
				final RgbImage region = padCrop(photo, x0, y0, side);
				final Explanation e = gc.explain(region, -1);
				final org.emotiontracking.core.explain.Heatmap h = e.heatmap(side, side);
				double in = 0, out = 0;
				int nin = 0, nout = 0;
				for (int y = 0; y < side; y++) for (int x = 0; x < side; x++) {
					final boolean inside = x >= side / 6 && x < 5 * side / 6 && y >= side / 6 && y < 5 * side / 6;
					if (inside) {
						in += h.get(x, y);
						nin++;
					}
					else {
						out += h.get(x, y);
						nout++;
					}
				}
				in /= nin;
				out /= nout;
				n++;
				if (in > out) onFace++;
				sb.append(String.format(Locale.ROOT, "%s: %s, face %.2f / ring %.2f; ", file, e.label(), in, out));
			}
		}
		System.out.println("Built-in Grad-CAM heat on the face in " + onFace + " of " + n + ": " + sb);
		assertTrue(onFace >= n - 1, onFace + " of " + n + ": " + sb);
	}

	/** A side x side crop at (x0, y0), black where it leaves the photo. */
	static RgbImage padCrop(final RgbImage photo, final int x0, final int y0, final int side) {
		final RgbImage out = RgbImage.blank(side, side);
		for (int y = 0; y < side; y++) for (int x = 0; x < side; x++) {
			final int sx = x0 + x, sy = y0 + y;
			if (sx >= 0 && sy >= 0 && sx < photo.width() && sy < photo.height()) out.set(x, y, photo.get(sx, sy, 0), photo.get(
				sx, sy, 1), photo.get(sx, sy, 2));
		}
		return out;
	}

}
