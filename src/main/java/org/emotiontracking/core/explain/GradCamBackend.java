package org.emotiontracking.core.explain;

/** Runs a model for Grad-CAM: activations and gradients of one layer, and probabilities. Thread-safe. */
interface GradCamBackend extends AutoCloseable {

	/**
	 * @param batch n images of size x size x 3, raw 0..255 (the graph preprocesses)
	 * @param targets class per image, negative for the predicted class
	 */
	GradCam.Raw run(float[] batch, int n, int size, int[] targets);

	@Override
	void close();
}
