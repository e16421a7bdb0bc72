package org.emotiontracking.core.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.engine.TensorFlowRuntime;
import org.tensorflow.Session;

/** Small models and images for tests. */
public final class TestModels {

	private TestModels() {}

	public static ModelMetadata metadata(final double alpha, final int size, final String... classes) {
		final ModelMetadata m = new ModelMetadata();
		m.alpha = alpha;
		m.input_size = size;
		m.class_names = Arrays.asList(classes);
		m.hidden_units = 16;
		return m;
	}

	/** Keras-style random initial weights for the whole network, with non-trivial BN statistics. */
	public static Weights randomWeights(final ModelMetadata m, final long seed) {
		TensorFlowRuntime.engine();
		try (EmotionNetwork net = EmotionNetwork.forInference(m); Session s = new Session(net.graph)) {
			net.variables.assign(s, null, true, seed);
			final Weights w = net.variables.read(s);
			final Random r = new Random(seed);
			for (final java.util.Map.Entry<String, Weights.Tensor> e : w.asMap().entrySet()) {
				final String k = e.getKey();
				final float[] v = e.getValue().values;
				final long[] sh = e.getValue().shape;
				if (k.endsWith("kernel")) { // He-normal scale keeps the signal alive through 50 random layers
					final long fanIn = sh.length == 4 ? sh[0] * sh[1] * (k.endsWith("depthwise_kernel") ? 1 : sh[2]) : sh[0];
					for (int i = 0; i < v.length; i++) v[i] = (float) (r.nextGaussian() * Math.sqrt(2.0 / fanIn));
				}
				else if (k.endsWith("/moving_mean") || k.endsWith("/beta") || k.endsWith("/bias"))
					for (int i = 0; i < v.length; i++) v[i] = (float) (r.nextGaussian() * 0.1);
				else if (k.endsWith("/moving_variance") || k.endsWith("/gamma"))
					for (int i = 0; i < v.length; i++) v[i] = (float) (0.8 + 0.4 * r.nextDouble());
			}
			return w;
		}
	}

	/** A model archive with {@link #randomWeights} at {@code file}; returns the file. */
	public static Path randomArchive(final Path file, final ModelMetadata m, final long seed) throws IOException {
		ModelArchive.write(file, m, randomWeights(m, seed));
		return file;
	}

	public static RgbImage noiseImage(final int w, final int h, final long seed) {
		final Random r = new Random(seed);
		final byte[] px = new byte[w * h * 3];
		r.nextBytes(px);
		return new RgbImage(w, h, px);
	}
}
