package org.emotiontracking.core.model.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.emotiontracking.core.model.BatchNormFolding;
import org.emotiontracking.core.model.ClassifierHead;
import org.emotiontracking.core.model.LayerSpec;
import org.emotiontracking.core.model.MobileNetV2Architecture;
import org.emotiontracking.core.model.MobileNetV2Graph;
import org.emotiontracking.core.model.ModelMetadata;
import org.emotiontracking.core.model.Preprocessing;
import org.emotiontracking.core.model.Weights;
import org.emotiontracking.core.model.onnx.OnnxGraph.DataType;

/**
 * The serving network of a MobileNetV2 emotion model as ONNX, from its Keras weights: the graph
 * {@code EmotionNetwork.forServing} builds for TensorFlow, as ONNX operators. Input {@value #IMAGE}
 * [N, size, size, 3] RGB 0..255 (NHWC, as the SavedModel takes it), transposed to NCHW, scaled by
 * the model's preprocessing, the base with every batch norm folded into its convolution
 * ({@link BatchNormFolding}; Conv + bias + Clip(0, 6), which ONNX Runtime fuses), TensorFlow's 'SAME'
 * padding written out per layer (stride 2 pads one pixel more at the bottom and right for even
 * sizes), global average pooling, the dense head and softmax to {@value #PROBABILITIES}.
 * <p>
 * With an {@link Int8} plan the convolutions become static per-channel QDQ int8 (see there).
 */
public final class MobileNetV2Onnx {

	public static final String IMAGE = "image";
	public static final String PROBABILITIES = "probabilities";
	public static final String PRODUCER = "emotion-tracking";

	private MobileNetV2Onnx() {}

	/** Whether {@link #export} can write this model (a MobileNetV2 base with the dense head). */
	public static boolean exportable(final ModelMetadata m) {
		return "MobileNetV2".equals(m.architecture);
	}

	/** The fp32 model bytes. */
	public static byte[] export(final ModelMetadata m, final Weights weights) {
		return new MobileNetV2Onnx.Builder(m, weights, null, false).build();
	}

	/**
	 * The fp32 model with the input of every convolution as an extra output (after
	 * {@value #PROBABILITIES}, in {@link #convolutions} order): what int8 calibration measures.
	 */
	static byte[] exportWithConvInputs(final ModelMetadata m, final Weights weights) {
		return new MobileNetV2Onnx.Builder(m, weights, null, true).build();
	}

	/** The int8 model: per-channel int8 weights and calibrated uint8 activations around each convolution. */
	static byte[] exportInt8(final ModelMetadata m, final Weights weights, final Int8 plan) {
		return new MobileNetV2Onnx.Builder(m, weights, plan, false).build();
	}

	/** Names of the base's convolution layers in graph order (Conv1, expanded_conv_depthwise, ...). */
	static List<String> convolutions(final ModelMetadata m) {
		final List<String> out = new ArrayList<>();
		for (final LayerSpec l : MobileNetV2Architecture.base(m.alpha))
			if (l.kind == LayerSpec.Kind.CONV || l.kind == LayerSpec.Kind.DEPTHWISE) out.add(l.name);
		return out;
	}

	/** What an int8 export needs: the activation range seen at each convolution's input. */
	static final class Int8 {
		/** Convolution layer name -> {min, max} of its input over the calibration images. */
		final Map<String, float[]> inputRanges;

		Int8(final Map<String, float[]> inputRanges) {
			this.inputRanges = inputRanges;
		}
	}

	private static final class Builder {
		private final ModelMetadata m;
		private final Weights weights;
		private final Int8 int8;
		private final boolean exposeConvInputs;
		private final OnnxGraph g;
		private final List<String> convInputs = new ArrayList<>();

		Builder(final ModelMetadata m, final Weights weights, final Int8 int8, final boolean exposeConvInputs) {
			if (!exportable(m)) throw new IllegalArgumentException("Cannot write " + m.architecture +
				" as ONNX: only MobileNetV2 models are exported");
			m.validate();
			this.m = m;
			this.weights = weights;
			this.int8 = int8;
			this.exposeConvInputs = exposeConvInputs;
			this.g = new OnnxGraph("emotion_mobilenet_v2" + (int8 != null ? "_int8" : ""));
		}

		byte[] build() {
			final List<LayerSpec> base = MobileNetV2Architecture.base(m.alpha);
			for (final LayerSpec l : base) for (final LayerSpec.WeightSpec w : l.weights) {
				final String key = Weights.key(l.name, w.name);
				final Weights.Tensor t = weights.asMap().get(key);
				if (t == null) throw new IllegalArgumentException("Missing weight " + key);
				t.requireShape(key, w.shape);
			}
			final Weights folded = BatchNormFolding.fold(base, weights, name -> true, MobileNetV2Graph.BN_EPSILON);
			final int s = m.input_size;
			g.input(IMAGE, DataType.FLOAT, -1, s, s, 3);
			final Preprocessing p = m.preprocessing();
			String x = g.transpose("nchw", IMAGE, 0, 3, 1, 2);
			x = g.mul("preprocess/scaled", x, g.scalar("preprocess/scale", p.scale));
			x = g.add("preprocess", x, g.scalar("preprocess/offset", p.offset));

			final Map<String, String> tensor = new HashMap<>();
			final Map<String, Integer> size = new HashMap<>();
			int current = s;
			for (int i = 0; i < base.size(); i++) {
				final LayerSpec l = base.get(i);
				final String in = l.inputs.isEmpty() ? x : tensor.get(l.inputs.get(0));
				final int inSize = l.inputs.isEmpty() ? s : size.get(l.inputs.get(0));
				final String y;
				switch (l.kind) {
					case CONV:
					case DEPTHWISE: {
						final LayerSpec bn = BatchNormFolding.batchNormAfter(base, i);
						if (bn == null) throw new IllegalArgumentException("Convolution " + l.name +
							" without a batch norm after it cannot be exported");
						y = conv(l, bn.name, in, inSize, folded.get(l.name, BatchNormFolding.KERNEL), folded.get(l.name,
							BatchNormFolding.BIAS));
						current = (inSize + l.stride - 1) / l.stride;
						tensor.put(l.name, y);
						size.put(l.name, current);
						i++; // the batch norm is folded into this convolution
						tensor.put(bn.name, y);
						size.put(bn.name, current);
						continue;
					}
					case RELU6:
						y = g.clip(l.name, in, 0f, 6f);
						break;
					case ZERO_PAD: // the next convolution pads
						y = in;
						break;
					case ADD:
						y = g.add(l.name, tensor.get(l.inputs.get(0)), tensor.get(l.inputs.get(1)));
						break;
					default:
						throw new IllegalArgumentException("Layer kind " + l.kind + " of " + l.name + " cannot be exported");
				}
				current = inSize;
				tensor.put(l.name, y);
				size.put(l.name, current);
			}
			final String features = g.flatten("global_average_pooling2d", g.globalAveragePool("global_average_pooling2d/4d",
				tensor.get(MobileNetV2Architecture.OUTPUT_LAYER)));
			final String hidden = g.relu(ClassifierHead.HIDDEN + "_relu", dense(ClassifierHead.HIDDEN, features));
			g.softmax(PROBABILITIES, dense(ClassifierHead.OUTPUT, hidden));
			g.output(PROBABILITIES, DataType.FLOAT, -1, m.classCount());
			if (exposeConvInputs) for (final String c : convInputs) g.output(c, DataType.FLOAT, (long[]) null);
			g.metadata("class_names", String.join(",", m.class_names));
			g.metadata("preprocessing", m.preprocessing);
			g.metadata("input_size", Integer.toString(s));
			g.metadata("alpha", Double.toString(m.alpha));
			return g.toByteArray(PRODUCER, "1");
		}

		/** Conv (or depthwise: group = channels) with the folded kernel and bias, TF 'SAME' padding. */
		private String conv(final LayerSpec l, final String outputName, final String x, final int inSize,
			final Weights.Tensor kernel, final Weights.Tensor bias)
		{
			final boolean depthwise = l.kind == LayerSpec.Kind.DEPTHWISE;
			final int kh = (int) kernel.shape[0], kw = (int) kernel.shape[1];
			final int in = (int) kernel.shape[2], out = depthwise ? in : (int) kernel.shape[3];
			final float[] oihw = depthwise ? depthwiseToOihw(kernel.values, kh, kw, in) : convToOihw(kernel.values, kh, kw,
				in, out);
			final long[] dims = depthwise ? new long[] { in, 1, kh, kw } : new long[] { out, in, kh, kw };
			final int outSize = (inSize + l.stride - 1) / l.stride;
			final int total = Math.max((outSize - 1) * l.stride + kh - inSize, 0);
			final long[] pads = { total / 2, total / 2, total - total / 2, total - total / 2 };
			convInputs.add(x);
			final String input = int8 == null ? x : quantizedActivation(l.name, x);
			final String w = int8 == null ? g.constant(l.name + "/kernel", dims, oihw) : quantizedKernel(l.name, dims, oihw);
			return g.conv(outputName, input, w, g.constant(l.name + "/bias", new long[] { out }, bias.values), depthwise ? in
				: 1, kh, l.stride, pads);
		}

		/** Q/DQ of a convolution's input with the calibrated range: uint8, asymmetric, per tensor. */
		private String quantizedActivation(final String layer, final String x) {
			final float[] range = int8.inputRanges.get(layer);
			if (range == null) throw new IllegalArgumentException("No calibration range for " + layer);
			final float lo = Math.min(0f, range[0]), hi = Math.max(0f, range[1]);
			final float scale = hi > lo ? (hi - lo) / 255f : 1f;
			final int zero = Math.max(0, Math.min(255, Math.round(-lo / scale)));
			final String sc = g.scalar(layer + "/x_scale", scale);
			final String zp = g.bytes(layer + "/x_zero_point", DataType.UINT8, new long[0], new byte[] { (byte) zero });
			return g.dequantize(layer + "/x_dq", g.quantize(layer + "/x_q", x, sc, zp, 1), sc, zp, 1);
		}

		/** int8 kernel with one symmetric scale per output channel, dequantized in the graph. */
		private String quantizedKernel(final String layer, final long[] dims, final float[] oihw) {
			final int out = (int) dims[0], per = oihw.length / out;
			final float[] scales = new float[out];
			final byte[] q = new byte[oihw.length];
			for (int o = 0; o < out; o++) {
				float max = 0;
				for (int j = 0; j < per; j++) max = Math.max(max, Math.abs(oihw[o * per + j]));
				scales[o] = max > 0 ? max / 127f : 1f;
				for (int j = 0; j < per; j++) q[o * per + j] = (byte) Math.max(-127, Math.min(127, Math.round(oihw[o * per +
					j] / scales[o])));
			}
			final String sc = g.constant(layer + "/w_scale", new long[] { out }, scales);
			final String zp = g.bytes(layer + "/w_zero_point", DataType.INT8, new long[] { out }, new byte[out]);
			return g.dequantize(layer + "/w_dq", g.bytes(layer + "/w_q", DataType.INT8, dims, q), sc, zp, 0);
		}

		/** Gemm on the Keras dense kernel [in, out] and bias. */
		private String dense(final String layer, final String x) {
			final Weights.Tensor k = weights.get(layer, "kernel"), b = weights.get(layer, "bias");
			if (k == null || b == null) throw new IllegalArgumentException("Missing weight " + layer + "/kernel or bias");
			return g.gemm(layer, x, g.constant(layer + "/kernel", k.shape, k.values), g.constant(layer + "/bias", b.shape,
				b.values));
		}
	}

	/** Keras [kh, kw, in, out] -> ONNX [out, in, kh, kw]. */
	static float[] convToOihw(final float[] k, final int kh, final int kw, final int in, final int out) {
		final float[] r = new float[k.length];
		for (int y = 0; y < kh; y++) for (int x = 0; x < kw; x++) for (int i = 0; i < in; i++) for (int o = 0; o < out; o++)
			r[((o * in + i) * kh + y) * kw + x] = k[((y * kw + x) * in + i) * out + o];
		return r;
	}

	/** Keras depthwise [kh, kw, channels, 1] -> ONNX [channels, 1, kh, kw]. */
	static float[] depthwiseToOihw(final float[] k, final int kh, final int kw, final int channels) {
		final float[] r = new float[k.length];
		for (int y = 0; y < kh; y++) for (int x = 0; x < kw; x++) for (int c = 0; c < channels; c++)
			r[(c * kh + y) * kw + x] = k[(y * kw + x) * channels + c];
		return r;
	}
}
