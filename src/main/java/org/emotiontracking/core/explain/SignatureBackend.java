package org.emotiontracking.core.explain;

import java.io.IOException;
import java.util.Arrays;

import org.emotiontracking.core.model.EmotionClassifier;
import org.emotiontracking.core.model.ModelArchive;
import org.emotiontracking.core.model.PredictorPool;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.TranslateException;

/**
 * The archive's {@value ModelArchive#GRADCAM} signature through DJL: inputs (image, target_class),
 * outputs (activations, gradients, probabilities), both in DJL's alphabetical key order.
 */
final class SignatureBackend implements GradCamBackend {

	private final PredictorPool predictors;

	SignatureBackend(final ModelArchive archive) throws IOException {
		predictors = new PredictorPool(EmotionClassifier.loadSignature(archive, ModelArchive.GRADCAM));
	}

	@Override
	public GradCam.Raw run(final float[] batch, final int n, final int size, final int[] targets) {
		try {
			return predictors.run(lease -> {
				final NDList out = lease.predict(lease.floats(batch, n * size * size * 3, new Shape(n, size, size, 3)),
					lease.ints(Arrays.copyOf(targets, n)));
				if (out.size() != 3) throw new IllegalStateException("The gradcam signature returned " + out.size() +
					" outputs, expected activations, gradients and probabilities");
				return new GradCam.Raw(out.get(0).toFloatArray(), out.get(1).toFloatArray(), out.get(2).toFloatArray());
			});
		}
		catch (final TranslateException e) {
			throw new IllegalStateException("TensorFlow failed to run Grad-CAM: " + e.getMessage(), e);
		}
	}

	@Override
	public void close() {
		predictors.close();
	}
}
