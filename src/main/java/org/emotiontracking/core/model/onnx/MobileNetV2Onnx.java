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
 * With an {@link Int8} plan it becomes static QDQ int8 ({@link Int8Quantization}).
 */
public final class MobileNetV2Onnx {

	public static final String IMAGE = "image";
	public static final String PROBABILITIES = "probabilities";
	public static final String PRODUCER = "emotion-tracking";
	/** Suffix of the extra outputs of {@link #exportWithActivations}: "&lt;layer&gt;/activation". */
	static final String ACTIVATION = "/activation";

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
	 * The fp32 model with the input of every convolution as an extra output named
	 * "&lt;layer&gt;{@value #CONV_INPUT}": what int8 calibration measures.
	 */
	static byte[] exportWithActivations(final ModelMetadata m, final Weights weights) {
		return new MobileNetV2Onnx.Builder(m, weights, null, true).build();
	}

	/** The int8 model: per-channel int8 kernels, uint8 activations between layers (QDQ). */
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

	/** What an int8 export needs: the range of each calibrated activation. */
	static final class Int8 {
		/** Layer name ("preprocess", "..._project_BN", "..._add") -> {min, max} over the calibration images. */
		final Map<String, float[]> ranges;
		/** For diagnosis: quantize only activations or only kernels. */
		boolean activations = true, kernels = true;

		Int8(final Map<String, float[]> ranges) {
			this.ranges = ranges;
		}
	}

	/** Kernel values lie in 128 +- 127. */
	private static final int WEIGHT_LEVELS = 127;

	private static final class Builder {
		private final ModelMetadata m;
		private final Weights weights;
		private final Int8 int8;
		private final boolean exposeActivations;
		private final OnnxGraph g;
		private final List<String> activations = new ArrayList<>();
		/** Scale of each dequantized activation, by tensor name. */
		private final Map<String, Float> activationScale = new HashMap<>();

		Builder(final ModelMetadata m, final Weights weights, final Int8 int8, final boolean exposeActivations) {
			if (!exportable(m)) throw new IllegalArgumentException("Cannot write " + m.architecture +
				" as ONNX: only MobileNetV2 models are exported");
			m.validate();
			this.m = m;
			this.weights = weights;
			this.int8 = int8;
			this.exposeActivations = exposeActivations;
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
			x = activation("preprocess", g.add("preprocess", x, g.scalar("preprocess/offset", p.offset)), false);

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
						final String raw = conv(l, bn.name, in, inSize, folded.get(l.name, BatchNormFolding.KERNEL),
							folded.get( l.name, BatchNormFolding.BIAS));
						// quantized here unless a ReLU6 follows (then after it, with its fixed range)
						final boolean relu = i + 2 < base.size() && base.get(i + 2).kind == LayerSpec.Kind.RELU6;
						y = relu ? raw : activation(bn.name, raw, false);
						current = (inSize + l.stride - 1) / l.stride;
						tensor.put(l.name, y);
						size.put(l.name, current);
						i++; // the batch norm is folded into this convolution
						tensor.put(bn.name, y);
						size.put(bn.name, current);
						continue;
					}
					case RELU6:
						y = activation(l.name, g.clip(l.name, in, 0f, 6f), true);
						break;
					case ZERO_PAD: // the next convolution pads
						y = in;
						break;
					case ADD: y = activation(l.name, g.add(l.name, tensor.get(l.inputs.get(0)),
						tensor.get(l.inputs.get(1))), false);
						break;
					default: throw new IllegalArgumentException("Layer kind " + l.kind + " of " + l.name
						+ " cannot be exported");
				}
				current = inSize;
				tensor.put(l.name, y);
				size.put(l.name, current);
			}
			final String features = g.flatten("global_average_pooling2d",
				g.globalAveragePool("global_average_pooling2d/4d", tensor.get(MobileNetV2Architecture.OUTPUT_LAYER)));
			final String hidden = g.relu(ClassifierHead.HIDDEN + "_relu", dense(ClassifierHead.HIDDEN, features));
			g.softmax(PROBABILITIES, dense(ClassifierHead.OUTPUT, hidden));
			g.output(PROBABILITIES, DataType.FLOAT, -1, m.classCount());
			for (final String c : activations) g.output(c, DataType.FLOAT, (long[]) null);
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
			final float[] oihw = depthwise ? depthwiseToOihw(kernel.values, kh, kw, in)
				: convToOihw(kernel.values, kh, kw, in, out);
			final long[] dims = depthwise ? new long[] { in, 1, kh, kw } : new long[] { out, in, kh, kw };
			final int outSize = (inSize + l.stride - 1) / l.stride;
			final int total = Math.max((outSize - 1) * l.stride + kh - inSize, 0);
			final long[] pads = { total / 2, total / 2, total - total / 2, total - total / 2 };
			final String w, b;
			if (int8 == null || !int8.kernels || !activationScale.containsKey(x)) {
				w = g.constant(l.name + "/kernel", dims, oihw);
				b = g.constant(l.name + "/bias", new long[] { out }, bias.values);
			}
			else {
				final float[] scales = kernelScales(oihw, out);
				w = quantizedKernel(l.name, dims, oihw, scales);
				b = quantizedBias(l.name, bias.values, activationScale.get(x), scales);
			}
			return g.conv(outputName, x, w, b, depthwise ? in : 1, kh, l.stride, pads);
		}

		/**
		 * An activation between layers: as is in fp32; an extra output "&lt;layer&gt;{@value #ACTIVATION}"
		 * for calibration; in int8 QuantizeLinear -> DequantizeLinear, uint8 per tensor, with the
		 * calibrated range, or for a ReLU6 output exactly [0, 6] (zero point 0, scale 6/255: ONNX
		 * Runtime then drops the Clip and fuses DQ -> Conv -> Q into one integer QLinearConv).
		 */
		private String activation(final String layer, final String x, final boolean relu6) {
			if (exposeActivations && !relu6) activations.add(g.node("Identity", layer + ACTIVATION, List.of(x)));
			if (int8 == null || !int8.activations) return x;
			final float[] range = relu6 ? new float[] { 0f, 6f } : int8.ranges.get(layer);
			if (range == null) throw new IllegalArgumentException("No calibration range for " + layer);
			final float lo = Math.min(0f, range[0]), hi = Math.max(0f, range[1]);
			float scale = hi > lo ? (hi - lo) / 255f : 1f;
			// a ReLU6's Q must cover no more than [0, 6] in float, or ONNX Runtime keeps the Clip
			if (relu6) while (scale * 255f > 6f) scale = Math.nextDown(scale);
			final int zero = Math.max(0, Math.min(255, Math.round(-lo / scale)));
			final String sc = g.scalar(layer + "/q_scale", scale);
			final String zp = g.bytes(layer + "/q_zero_point", DataType.UINT8, new long[0], new byte[] { (byte) zero });
			final String dq = g.dequantize(layer + "/dq", g.quantize(layer + "/q", x, sc, zp, 1), sc, zp, 1);
			activationScale.put(dq, scale);
			return dq;
		}

		/**
		 * The kernel as uint8 with one symmetric scale per output channel (zero point 128), dequantized in
		 * the graph. Unsigned: ONNX Runtime fuses u8s8 convolutions only on CPUs where 8-bit signed
		 * products cannot overflow (VNNI), u8u8 everywhere.
		 */
		private String quantizedKernel(final String layer, final long[] dims, final float[] oihw,
			final float[] scales) {
			final int out = (int) dims[0], per = oihw.length / out;
			final byte[] q = new byte[oihw.length], zero = new byte[out];
			for (int o = 0; o < out; o++) {
				zero[o] = (byte) 128;
				for (int j = 0; j < per; j++) q[o * per + j] =
					(byte) (128 + Math.max(-WEIGHT_LEVELS, Math.min(WEIGHT_LEVELS,
					Math.round(oihw[o * per + j] / scales[o]))));
			}
			final String sc = g.constant(layer + "/w_scale", new long[] { out }, scales);
			final String zp = g.bytes(layer + "/w_zero_point", DataType.UINT8, new long[] { out }, zero);
			return g.dequantize(layer + "/w_dq", g.bytes(layer + "/w_q", DataType.UINT8, dims, q), sc, zp, 0);
		}

		/** One symmetric scale per output channel: the largest magnitude maps to 127. */
		private float[] kernelScales(final float[] oihw, final int out) {
			final int per = oihw.length / out;
			final float[] scales = new float[out];
			for (int o = 0; o < out; o++) {
				float max = 0;
				for (int j = 0; j < per; j++) max = Math.max(max, Math.abs(oihw[o * per + j]));
				scales[o] = max > 0 ? max / WEIGHT_LEVELS : 1f;
			}
			return scales;
		}

		/**
		 * The bias as int32 in units of input scale x kernel scale (what an integer convolution adds to its
		 * accumulators), dequantized in the graph: ONNX Runtime fuses a convolution only when every input
		 * comes from a DequantizeLinear.
		 */
		private String quantizedBias(final String layer, final float[] bias, final float inputScale,
			final float[] kernel) {
			final int[] q = new int[bias.length];
			final float[] scales = new float[bias.length];
			for (int o = 0; o < bias.length; o++) {
				scales[o] = inputScale * kernel[o];
				q[o] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE,
					Math.round((double) bias[o] / scales[o])));
			}
			final long[] dims = { bias.length };
			return g.dequantize(layer + "/b_dq", g.int32(layer + "/b_q", dims, q), g.constant(layer + "/b_scale", dims,
				scales), g.int32(layer + "/b_zero_point", dims, new int[bias.length]), 0);
		}

		/** Gemm on the Keras dense kernel [in, out] and bias. */
		private String dense(final String layer, final String x) {
			final Weights.Tensor k = weights.get(layer, "kernel"), b = weights.get(layer, "bias");
			if (k == null || b == null) throw new IllegalArgumentException("Missing weight " + layer
				+ "/kernel or bias");
			return g.gemm(layer, x, g.constant(layer + "/kernel", k.shape, k.values),
				g.constant(layer + "/bias", b.shape, b.values));
		}
	}

	/** Keras [kh, kw, in, out] -> ONNX [out, in, kh, kw]. */
	static float[] convToOihw(final float[] k, final int kh, final int kw, final int in, final int out) {
		final float[] r = new float[k.length];
		for (int y = 0; y < kh; y++) for (int x = 0; x < kw; x++) for (int i = 0; i < in; i++) for (int o =
			0; o < out; o++) r[((o * in + i) * kh + y) * kw + x] = k[((y * kw + x) * in + i) * out + o];
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
