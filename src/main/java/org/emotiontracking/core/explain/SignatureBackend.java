package org.emotiontracking.core.explain;

import java.io.IOException;
import java.nio.FloatBuffer;

import org.emotiontracking.core.model.EmotionClassifier;
import org.emotiontracking.core.model.ModelArchive;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;

/**
 * The archive's {@value ModelArchive#GRADCAM} signature through DJL: inputs (image, target_class),
 * outputs (activations, gradients, probabilities), both in DJL's alphabetical key order.
 */
final class SignatureBackend implements GradCamBackend {

	private final ZooModel<NDList, NDList> model;

	SignatureBackend(final ModelArchive archive) throws IOException {
		model = EmotionClassifier.loadSignature(archive, ModelArchive.GRADCAM);
	}

	@Override
	public GradCam.Raw run(final float[] batch, final int n, final int size, final int[] targets) {
		try (NDManager manager = model.getNDManager().newSubManager();
			Predictor<NDList, NDList> predictor = model.newPredictor())
		{
			final NDArray x = manager.create(FloatBuffer.wrap(batch, 0, n * size * size * 3), new Shape(n, size, size, 3));
			final NDArray t = manager.create(java.util.Arrays.copyOf(targets, n));
			final NDList out = predictor.predict(new NDList(x, t));
			try {
				if (out.size() != 3) throw new IllegalStateException("The gradcam signature returned " + out.size() +
					" outputs, expected activations, gradients and probabilities");
				return new GradCam.Raw(out.get(0).toFloatArray(), out.get(1).toFloatArray(), out.get(2).toFloatArray());
			}
			finally {
				out.close();
			}
		}
		catch (final TranslateException e) {
			throw new IllegalStateException("TensorFlow failed to run Grad-CAM: " + e.getMessage(), e);
		}
	}

	@Override
	public void close() {
		model.close();
	}
}
