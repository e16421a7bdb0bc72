package org.emotiontracking.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.model.EmotionClassifier;
import org.emotiontracking.core.model.ImageBatch;
import org.emotiontracking.core.model.ModelArchive;
import org.emotiontracking.core.model.ModelMetadata;
import org.emotiontracking.core.model.Weights;
import org.emotiontracking.core.util.FileTrees;
import org.emotiontracking.core.util.ProgressListener;

/**
 * MobileNetV2 inference through DJL's TensorFlow engine: images per second at 224 and 96 px, batch 1
 * and 32, on a model archive with random weights (speed does not depend on weight values).
 */
public final class InferenceBenchmark {

	private InferenceBenchmark() {}

	public static List<String> run(final double alpha, final double seconds, final ProgressListener log)
		throws IOException
	{
		final List<String> lines = new ArrayList<>();
		final Path dir = Files.createTempDirectory("emotion-bench");
		try {
			for (final int size : new int[] { 224, 96 }) {
				final ModelMetadata m = new ModelMetadata();
				m.alpha = alpha;
				m.input_size = size;
				m.class_names = ModelMetadata.NOTEBOOK_CLASSES;
				final Path zip = dir.resolve("bench-" + size + ".zip");
				ModelArchive.write(zip, m, randomWeights(m));
				try (EmotionClassifier c = EmotionClassifier.load(zip)) {
					for (final int batch : new int[] { 32, 1 }) {
						final double rate = imagesPerSecond(c, size, batch, seconds);
						final double raw = graphImagesPerSecond(c, size, batch, seconds);
						final String line = String.format(Locale.ROOT,
							"inference  MobileNetV2 alpha %.2f  %3d px  batch %2d : %7.1f images/s through DJL (%.1f through the TF graph API, same model, same run)",
							alpha, size, batch, rate, raw);
						lines.add(line);
						log.log(line);
					}
				}
			}
		}
		finally {
			FileTrees.deleteQuietly(dir);
		}
		return lines;
	}

	static double imagesPerSecond(final EmotionClassifier c, final int size, final int batch, final double seconds) {
		final List<RgbImage> images = new ArrayList<>();
		final Random r = new Random(1);
		for (int i = 0; i < batch; i++) {
			final byte[] px = new byte[size * size * 3];
			r.nextBytes(px);
			images.add(new RgbImage(size, size, px));
		}
		final float[] packed = ImageBatch.pack(images, size);
		for (int i = 0; i < 3; i++) c.predictPrepared(packed, batch); // warm-up
		long n = 0;
		final long start = System.nanoTime();
		while (System.nanoTime() - start < seconds * 1e9) {
			c.predictPrepared(packed, batch);
			n += batch;
		}
		return n / ((System.nanoTime() - start) / 1e9);
	}

	/** The same SavedModel run directly through a TensorFlow Session: the engine's speed without DJL. */
	static double graphImagesPerSecond(final EmotionClassifier c, final int size, final int batch, final double seconds) {
		final float[] data = new float[batch * size * size * 3];
		new Random(2).ints(data.length, 0, 256).forEach(new java.util.function.IntConsumer() {
			int i;

			@Override
			public void accept(final int v) {
				data[i++] = v;
			}
		});
		try (org.tensorflow.SavedModelBundle b = org.tensorflow.SavedModelBundle.loader(c.archive().savedModel()
			.toString()).withTags("serve").withConfigProto(org.emotiontracking.core.engine.TensorFlowRuntime.sessionConfig())
			.load())
		{
			// Like a real caller, each run makes its input tensor from the Java array (as the DJL path does).
			final Runnable once = () -> {
				try (org.tensorflow.types.TFloat32 x = org.tensorflow.types.TFloat32.tensorOf(org.tensorflow.ndarray.Shape.of(
					batch, size, size, 3), org.tensorflow.ndarray.buffer.DataBuffers.of(data, true, false));
					org.tensorflow.Result r = b.session().runner().feed("image", x).fetch("probabilities").run())
				{
					r.get(0);
				}
			};
			for (int i = 0; i < 3; i++) once.run();
			long n = 0;
			final long start = System.nanoTime();
			while (System.nanoTime() - start < seconds * 1e9) {
				once.run();
				n += batch;
			}
			return n / ((System.nanoTime() - start) / 1e9);
		}
	}

	/** Weights with the network's shapes; values do not matter for speed. */
	static Weights randomWeights(final ModelMetadata m) {
		final Weights w = new Weights();
		final Random r = new Random(0);
		for (final org.emotiontracking.core.model.LayerSpec l : org.emotiontracking.core.model.MobileNetV2Architecture
			.base(m.alpha))
		{
			for (final org.emotiontracking.core.model.LayerSpec.WeightSpec ws : l.weights)
				w.put(l.name, ws.name, new Weights.Tensor(ws.shape, fill(ws.size(), ws.name, r)));
		}
		final int c = org.emotiontracking.core.model.MobileNetV2Architecture.featureChannels(m.alpha);
		w.put("dense", "kernel", new Weights.Tensor(new long[] { c, m.hidden_units }, fill((long) c * m.hidden_units, "kernel", r)));
		w.put("dense", "bias", new Weights.Tensor(new long[] { m.hidden_units }, new float[m.hidden_units]));
		final int k = m.classCount();
		w.put("dense_1", "kernel", new Weights.Tensor(new long[] { m.hidden_units, k }, fill((long) m.hidden_units * k, "kernel", r)));
		w.put("dense_1", "bias", new Weights.Tensor(new long[] { k }, new float[k]));
		return w;
	}

	private static float[] fill(final long n, final String name, final Random r) {
		final float[] v = new float[(int) n];
		if (name.equals("moving_variance") || name.equals("gamma")) Arrays.fill(v, 1f);
		else if (name.endsWith("kernel")) for (int i = 0; i < v.length; i++) v[i] = (float) (r.nextGaussian() * 0.05);
		return v;
	}
}
