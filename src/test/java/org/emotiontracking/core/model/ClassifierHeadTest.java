package org.emotiontracking.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Folding the training-time feature centring into the hidden bias leaves the head's function unchanged. */
class ClassifierHeadTest {

	@Test
	void foldedBiasGivesTheCentredHeadOnPlainFeatures() {
		final int channels = 5, hidden = 3;
		final Random r = new Random(3);
		final float[] kernel = new float[channels * hidden], bias = new float[hidden];
		for (int i = 0; i < kernel.length; i++) kernel[i] = (float) r.nextGaussian();
		for (int j = 0; j < hidden; j++) bias[j] = (float) r.nextGaussian();
		final double[] mu = new double[channels];
		final float[] f = new float[channels];
		for (int i = 0; i < channels; i++) {
			mu[i] = 2 + r.nextDouble();
			f[i] = (float) (mu[i] + r.nextGaussian());
		}
		final Weights w = new Weights();
		w.put(ClassifierHead.HIDDEN, "kernel", new Weights.Tensor(new long[] { channels, hidden }, kernel));
		w.put(ClassifierHead.HIDDEN, "bias", new Weights.Tensor(new long[] { hidden }, bias));
		w.put(ClassifierHead.OUTPUT, "bias", new Weights.Tensor(new long[] { 2 }, new float[] { 1, 2 }));
		final Weights folded = ClassifierHead.foldCentring(w, mu);
		final float[] b2 = folded.get(ClassifierHead.HIDDEN, "bias").values;
		for (int j = 0; j < hidden; j++) {
			double centred = bias[j], plain = b2[j];
			for (int i = 0; i < channels; i++) {
				centred += (f[i] - mu[i]) * kernel[i * hidden + j];
				plain += f[i] * kernel[i * hidden + j];
			}
			assertEquals(centred, plain, 1e-5, "hidden unit " + j);
		}
		assertArrayEquals(new float[] { 1, 2 }, folded.get(ClassifierHead.OUTPUT, "bias").values, "other weights kept");
		assertEquals(bias[0], w.get(ClassifierHead.HIDDEN, "bias").values[0], "the input is not modified");
		assertThrows(IllegalArgumentException.class, () -> ClassifierHead.foldCentring(w, new double[4]));
	}
}
