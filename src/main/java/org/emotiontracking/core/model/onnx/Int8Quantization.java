package org.emotiontracking.core.model.onnx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.model.ModelMetadata;
import org.emotiontracking.core.model.Weights;

/**
 * Static int8 quantization of the ONNX serving network, QDQ style: every activation between layers
 * passes through QuantizeLinear/DequantizeLinear (uint8, one scale per tensor: ReLU6 outputs exactly
 * [0, 6], the others calibrated as the min/max seen on training images), and every kernel is stored in
 * 8 bits with one symmetric scale per output channel (uint8 around 128: ONNX Runtime fuses signed
 * int8 kernels only on CPUs with VNNI), dequantized in the graph. ONNX Runtime turns each
 * DQ -> Conv -> Q group into an integer QLinearConv and each DQ -> Add -> Q into a QLinearAdd. The head (pooling, dense
 * layers, softmax) stays float.
 * <p>
 * A quantized model is only used when its validation accuracy is within {@value #MAX_ACCURACY_LOSS}
 * of the fp32 model's ({@link #evaluate}).
 */
public final class Int8Quantization {

	/** Largest validation accuracy drop (a fraction: one percentage point) int8 may cost. */
	public static final double MAX_ACCURACY_LOSS = 0.01;
	private static final int BATCH = 32;

	private Int8Quantization() {}

	/** The int8 model, calibrated on {@code calibration} (images at the model's input size). */
	public static byte[] quantize(final ModelMetadata m, final Weights weights, final List<RgbImage> calibration,
		final int threads)
	{
		return MobileNetV2Onnx.exportInt8(m, weights, calibrate(m, weights, calibration, threads));
	}

	static MobileNetV2Onnx.Int8 calibrate(final ModelMetadata m, final Weights weights,
		final List<RgbImage> calibration, final int threads)
	{
		if (calibration.isEmpty()) throw new IllegalArgumentException("int8 calibration needs at least one image");
		final Map<String, float[]> ranges = new LinkedHashMap<>();
		try (OnnxSession s = new OnnxSession(MobileNetV2Onnx.exportWithActivations(m, weights), m.input_size,
			threads)) {
			for (int from = 0; from < calibration.size(); from += BATCH) {
				final Map<String, float[]> out = s.run(calibration.subList(from,
					Math.min(calibration.size(), from + BATCH)));
				for (final Map.Entry<String, float[]> e : out.entrySet()) {
					if (!e.getKey().endsWith(MobileNetV2Onnx.ACTIVATION)) continue;
					final String layer = e.getKey().substring(0, e.getKey().length()
						- MobileNetV2Onnx.ACTIVATION.length());
					final float[] r = ranges.computeIfAbsent(layer,
						k -> new float[] { Float.MAX_VALUE, -Float.MAX_VALUE });
					for (final float v : e.getValue()) {
						if (v < r[0]) r[0] = v;
						if (v > r[1]) r[1] = v;
					}
				}
			}
		}
		return new MobileNetV2Onnx.Int8(ranges);
	}

	/** Accuracies of the fp32 and the int8 model on labelled images, and whether int8 may be used. */
	public static final class Evaluation {
		public final double fp32Accuracy, int8Accuracy;
		public final int images;

		Evaluation(final double fp32Accuracy, final double int8Accuracy, final int images) {
			this.fp32Accuracy = fp32Accuracy;
			this.int8Accuracy = int8Accuracy;
			this.images = images;
		}

		/** Whether int8 loses at most {@value #MAX_ACCURACY_LOSS} of accuracy. */
		public boolean holds() {
			return int8Accuracy >= fp32Accuracy - MAX_ACCURACY_LOSS - 1e-9;
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "validation accuracy fp32 %.4f, int8 %.4f (%d images): int8 %s",
				fp32Accuracy, int8Accuracy, images, holds() ? "used" : "not used (more than one point lower)");
		}
	}

	/** Runs both models on the images (model input size) and compares their accuracies. */
	public static Evaluation evaluate(final ModelMetadata m, final byte[] fp32, final byte[] int8,
		final List<RgbImage> images, final int[] labels, final int threads)
	{
		return new Evaluation(accuracy(m, fp32, images, labels, threads), accuracy(m, int8, images, labels, threads),
			images.size());
	}

	/** Top-1 accuracy of an ONNX model on labelled images. */
	static double accuracy(final ModelMetadata m, final byte[] model, final List<RgbImage> images, final int[] labels,
		final int threads)
	{
		if (images.isEmpty()) return 0;
		int right = 0;
		try (OnnxSession s = new OnnxSession(model, m.input_size, threads)) {
			for (int from = 0; from < images.size(); from += BATCH) {
				final List<RgbImage> part = new ArrayList<>(images.subList(from,
					Math.min(images.size(), from + BATCH)));
				final float[] p = s.run(part).get(MobileNetV2Onnx.PROBABILITIES);
				final int k = m.classCount();
				for (int i = 0; i < part.size(); i++) {
					int best = 0;
					for (int c = 1; c < k; c++) if (p[i * k + c] > p[i * k + best]) best = c;
					if (best == labels[from + i]) right++;
				}
			}
		}
		return right / (double) images.size();
	}
}
