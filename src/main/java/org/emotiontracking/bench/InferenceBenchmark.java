package org.emotiontracking.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.engine.TensorFlowRuntime;
import org.emotiontracking.core.model.EmotionClassifier;
import org.emotiontracking.core.model.ImageBatch;
import org.emotiontracking.core.model.LayerSpec;
import org.emotiontracking.core.model.MobileNetV2Architecture;
import org.emotiontracking.core.model.ModelArchive;
import org.emotiontracking.core.model.ModelMetadata;
import org.emotiontracking.core.model.PredictorPool;
import org.emotiontracking.core.model.Weights;
import org.emotiontracking.core.model.onnx.Int8Quantization;
import org.emotiontracking.core.util.FileTrees;
import org.emotiontracking.core.util.ProgressListener;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;

/**
 * MobileNetV2 inference, images per second at 224 and 96 px, batch 32 and 1, on one model archive
 * with random weights (speed does not depend on weight values): TensorFlow (the SavedModel through
 * DJL, and through the raw TF graph API), ONNX Runtime fp32 and ONNX Runtime int8 (through DJL), the
 * engines measured in turn in the same run. Then ONNX Runtime's speed by intra-op thread count, and
 * the best figure as a fraction of the CPU's arithmetic peak (the roofline).
 */
public final class InferenceBenchmark {

	private InferenceBenchmark() {}

	public static List<String> run(final double alpha, final double seconds, final ProgressListener log)
		throws IOException
	{
		final List<String> lines = new ArrayList<>();
		final Path dir = Files.createTempDirectory("emotion-bench");
		final int threads = TensorFlowRuntime.threads();
		BenchLines.add(lines, log, "inference  CPU: " + cpuName() + ", " + threads + " threads");
		double best224 = 0;
		try {
			for (final int size : new int[] { 224, 96 }) {
				final ModelMetadata m = new ModelMetadata();
				m.alpha = alpha;
				m.input_size = size;
				m.class_names = ModelMetadata.NOTEBOOK_CLASSES;
				final Weights w = randomWeights(m);
				final Path zip = dir.resolve("bench-" + size + ".zip");
				ModelArchive.write(zip, m, w);
				final List<RgbImage> calibration = new ArrayList<>();
				for (int i = 0; i < 32; i++) calibration.add(noise(size, 100 + i));
				final Path int8 = dir.resolve("int8-" + size + ".onnx");
				Files.write(int8, Int8Quantization.quantize(m, w, calibration, threads));
				try (ModelArchive archive = ModelArchive.open(zip);
					PredictorPool tf = new PredictorPool(EmotionClassifier.loadSignature(archive, ModelArchive.SERVING,
						threads));
					PredictorPool fp32 = new PredictorPool(EmotionClassifier.loadOnnx(archive.onnxModel(), threads));
					PredictorPool q8 = new PredictorPool(EmotionClassifier.loadOnnx(int8, threads)))
				{
					for (final int batch : new int[] { 32, 1 }) {
						final float[] packed = packed(size, batch);
						final double[] r = interleaved(Arrays.asList(tf, fp32, q8), packed, size, batch, seconds);
						final double t = r[0], o = r[1], q = r[2];
						final double raw = graphImagesPerSecond(archive.savedModel(), size, batch, seconds);
						if (size == 224) best224 = Math.max(best224, Math.max(o, q));
						BenchLines.add(lines, log, String.format(Locale.ROOT,
							"inference  MobileNetV2 alpha %.2f %3d px batch %2d: TensorFlow %6.1f images/s (raw TF "
							+ "graph API %.1f), " + "ONNX Runtime fp32 %6.1f (%.2fx), ONNX Runtime int8 %6.1f (%.2fx)",
							alpha, size, batch, t, raw, o, o / t, q, q / t));
					}
					if (size == 224) {
						final float[] packed = packed(size, 32);
						final StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
							"inference  ONNX Runtime fp32 by intra-op threads, 224 px, batch 32 / batch 1 images/s:"));
						final List<PredictorPool> variants = new ArrayList<>();
						final List<String> names = new ArrayList<>();
						try {
							for (final boolean spin : new boolean[] { false, true })
								for (int n = 1; n <= Math.max(2, threads); n *= 2) {
									variants.add(new PredictorPool(EmotionClassifier.loadOnnx(archive.onnxModel(), n,
										spin)));
									names.add(n + (spin ? " spinning" : ""));
								}
							final double[] b32 = interleaved(variants, packed, size, 32, seconds / 2);
							final double[] b1 = interleaved(variants, packed(size, 1), size, 1, seconds / 2);
							for (int i = 0; i < names.size(); i++)
								sb.append(String.format(Locale.ROOT, " %s: %.1f / %.1f;", names.get(i), b32[i], b1[i]));
						}
						finally {
							for (final PredictorPool p : variants) p.close();
						}
						BenchLines.add(lines, log, sb.toString());
					}
				}
			}
			BenchLines.add(lines, log, roofline(alpha, best224));
		}
		finally {
			FileTrees.deleteQuietly(dir);
		}
		return lines;
	}

	/**
	 * The arithmetic limit: multiply-adds of the network counted from its layer list, and the CPU's peak
	 * as SIMD lanes (8 floats for AVX2, 16 for AVX-512) x 2 (a fused multiply-add is two operations) x 2
	 * FMA pipes per core (every x86-64 core since Haswell and Zen 2) x cores x clock (the largest
	 * "cpu MHz" of /proc/cpuinfo, the nominal clock on a VM; turbo is not counted).
	 */
	static String roofline(final double alpha, final double imagesPerSecond) {
		final double gflop = 2 * multiplyAdds(alpha, 224) / 1e9;
		final String flags = cpuInfo("flags");
		final int lanes;
		if (flags.contains(" avx512f")) lanes = 16;
		else if (flags.contains(" avx2") && flags.contains(" fma")) lanes = 8;
		else lanes = 4;
		final int cores = Runtime.getRuntime().availableProcessors();
		double mhz = 0;
		try {
			for (final String l : Files.readAllLines(Paths.get("/proc/cpuinfo")))
				if (l.startsWith("cpu MHz")) mhz = Math.max(mhz,
					Double.parseDouble(l.substring(l.indexOf(':') + 1).trim()));
		}
		catch (final IOException | RuntimeException e) {
			mhz = 0;
		}
		final double peak = lanes * 2 * 2 * cores * mhz / 1000;
		if (peak == 0) return String.format(Locale.ROOT,
			"inference  roofline: %.2f GFLOP per 224 px image; clock unknown", gflop);
		return String.format(Locale.ROOT,
			"inference  roofline: %.2f GFLOP per 224 px image (counted from the layers); peak %d lanes x 2 (FMA) x 2 "
			+ "FMA "
			+ "pipes x %d cores x %.2f GHz = %.0f GFLOP/s = %.0f images/s; best measured %.1f images/s = %.0f %% "
			+ "of it", gflop, lanes, cores, mhz / 1000, peak, peak / gflop, imagesPerSecond,
			100 * imagesPerSecond * gflop / peak);
	}

	/** Multiply-adds of the base and head at a square input size. */
	static double multiplyAdds(final double alpha, final int size) {
		final Map<String, Integer> grid = new HashMap<>();
		double macs = 0;
		int channels = 3;
		final Map<String, Integer> ch = new HashMap<>();
		for (final LayerSpec l : MobileNetV2Architecture.base(alpha)) {
			final int in = l.inputs.isEmpty() ? size : grid.get(l.inputs.get(0));
			final int c = l.inputs.isEmpty() ? channels : ch.get(l.inputs.get(0));
			int out = in, oc = c;
			if (l.kind == LayerSpec.Kind.CONV || l.kind == LayerSpec.Kind.DEPTHWISE) {
				out = (in + l.stride - 1) / l.stride;
				final long[] k = l.weights.get(0).shape;
				oc = l.kind == LayerSpec.Kind.CONV ? (int) k[3] : c;
				macs += (double) out * out * k[0] * k[1] * (l.kind == LayerSpec.Kind.CONV ? k[2] * k[3] : c);
			}
			grid.put(l.name, out);
			ch.put(l.name, oc);
		}
		return macs + MobileNetV2Architecture.featureChannels(alpha) * 128.0 + 128 * 7;
	}

	private static String cpuName() {
		final String n = cpuInfo("model name");
		return n.isEmpty() ? System.getProperty("os.arch") : n;
	}

	private static String cpuInfo(final String key) {
		try {
			for (final String l : Files.readAllLines(Paths.get("/proc/cpuinfo")))
				if (l.startsWith(key)) return " " + l.substring(l.indexOf(':') + 1).trim() + " ";
		}
		catch (final IOException e) {
			// not Linux
		}
		return "";
	}

	private static RgbImage noise(final int size, final long seed) {
		final byte[] px = new byte[size * size * 3];
		new Random(seed).nextBytes(px);
		return new RgbImage(size, size, px);
	}

	private static float[] packed(final int size, final int batch) {
		final List<RgbImage> images = new ArrayList<>();
		for (int i = 0; i < batch; i++) images.add(noise(size, i));
		return ImageBatch.pack(images, size);
	}

	/**
	 * Images per second of each model, measured in turns of about half a second each until every model
	 * has run {@code seconds}: on a shared machine every engine sees the same load.
	 */
	static double[] interleaved(final List<PredictorPool> pools, final float[] packed, final int size, final int batch,
		final double seconds)
	{
		final int k = pools.size();
		final long[] images = new long[k], nanos = new long[k];
		for (final PredictorPool p : pools) for (int i = 0; i < 3; i++) once(p, packed, size, batch); // warm-up
		while (true) {
			boolean done = true;
			for (int i = 0; i < k; i++) {
				if (nanos[i] >= seconds * 1e9) continue;
				done = false;
				final long start = System.nanoTime();
				do {
					once(pools.get(i), packed, size, batch);
					images[i] += batch;
				} while (System.nanoTime() - start < 0.5e9);
				nanos[i] += System.nanoTime() - start;
			}
			if (done) break;
		}
		final double[] rates = new double[k];
		for (int i = 0; i < k; i++) rates[i] = images[i] / (nanos[i] / 1e9);
		return rates;
	}

	private static void once(final PredictorPool pool, final float[] packed, final int size, final int batch) {
		try {
			pool.run(lease -> lease.predict(lease.floats(packed, packed.length, new Shape(batch, size, size, 3))).get(0)
				.toFloatArray());
		}
		catch (final TranslateException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Images per second of a classifier's own path (resize skipped: images are at the input size). */
	static double imagesPerSecond(final EmotionClassifier c, final int size, final int batch, final double seconds) {
		final float[] packed = packed(size, batch);
		for (int i = 0; i < 3; i++) c.predictPrepared(packed, batch);
		long n = 0;
		final long start = System.nanoTime();
		while (System.nanoTime() - start < seconds * 1e9) {
			c.predictPrepared(packed, batch);
			n += batch;
		}
		return n / ((System.nanoTime() - start) / 1e9);
	}

	/** The SavedModel run directly through a TensorFlow Session: the engine's speed without DJL. */
	static double graphImagesPerSecond(final Path savedModel, final int size, final int batch, final double seconds) {
		final float[] data = new float[batch * size * size * 3];
		final Random r = new Random(2);
		for (int i = 0; i < data.length; i++) data[i] = r.nextInt(256);
		try (SavedModelBundle b = SavedModelBundle.loader(savedModel.toString()).withTags(
			"serve").withConfigProto(TensorFlowRuntime.sessionConfig()).load())
		{
			// Like a real caller, each run makes its input tensor from the Java array (as the DJL path does).
			final Runnable once = () -> {
				try (TFloat32 x = TFloat32.tensorOf(org.tensorflow.ndarray.Shape.of(
					batch, size, size, 3), DataBuffers.of(data, true, false));
					Result res = b.session().runner().feed("image", x).fetch("probabilities").run())
				{
					res.get(0);
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

	/** A MobileNetV2 archive (alpha, size px, the notebook's classes) with random weights: speed does not depend on
	 * them. */
	static Path randomArchive(final Path zip, final double alpha, final int size) throws IOException {
		final ModelMetadata m = new ModelMetadata();
		m.alpha = alpha;
		m.input_size = size;
		m.class_names = ModelMetadata.NOTEBOOK_CLASSES;
		ModelArchive.write(zip, m, randomWeights(m));
		return zip;
	}

	/** Weights with the network's shapes; values do not matter for speed. */
	static Weights randomWeights(final ModelMetadata m) {
		final Weights w = new Weights();
		final Random r = new Random(0);
		for (final LayerSpec l : MobileNetV2Architecture.base(m.alpha)) {
			for (final LayerSpec.WeightSpec ws : l.weights)
				w.put(l.name, ws.name, new Weights.Tensor(ws.shape, fill(ws.size(), ws.name, r)));
		}
		final int c = MobileNetV2Architecture.featureChannels(m.alpha);
		w.put("dense", "kernel", new Weights.Tensor(new long[] { c, m.hidden_units },
			fill((long) c * m.hidden_units, "kernel", r)));
		w.put("dense", "bias", new Weights.Tensor(new long[] { m.hidden_units }, new float[m.hidden_units]));
		final int k = m.classCount();
		w.put("dense_1", "kernel", new Weights.Tensor(new long[] { m.hidden_units, k },
			fill((long) m.hidden_units * k, "kernel", r)));
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
