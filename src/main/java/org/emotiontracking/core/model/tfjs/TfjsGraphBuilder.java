package org.emotiontracking.core.model.tfjs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.emotiontracking.core.model.EmotionNetwork;
import org.emotiontracking.core.model.MobileNetV2Graph;
import org.emotiontracking.core.model.Preprocessing;
import org.emotiontracking.core.model.tfjs.TfjsGraphModel.Node;
import org.emotiontracking.core.model.tfjs.TfjsGraphModel.Weight;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.math.Mean;
import org.tensorflow.op.nn.AvgPool;
import org.tensorflow.op.nn.Conv2d;
import org.tensorflow.op.nn.DepthwiseConv2dNative;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.op.nn.MaxPool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;
import org.tensorflow.types.family.TType;

/**
 * Builds a {@link TfjsGraphModel} as a TensorFlow graph with the project's conventions: a placeholder
 * {@value EmotionNetwork#IMAGE} of 0..255 RGB images [N, size, size, 3], the preprocessing in the
 * graph, the model's nodes, and its final softmax named {@value EmotionNetwork#PROBABILITIES}. Every
 * node with a spatial output gets an op "{@code <layer>/output}" ({@link MobileNetV2Graph#outputOp}),
 * the layer being the node's Keras layer name, so Grad-CAM can address it.
 * <p>
 * Fused ops that TensorFlow cannot differentiate are split: {@code _FusedConv2D} and
 * {@code FusedDepthwiseConv2dNative} become the convolution, BiasAdd and the activation named in
 * {@code fused_ops}; {@code _FusedMatMul} likewise. Only ops with gradients are accepted; any other
 * op is refused, naming it and its node.
 */
final class TfjsGraphBuilder {

	/** The ops the converter knows (TF.js graph-model op names). */
	static final Set<String> SUPPORTED = Collections.unmodifiableSet(new TreeSet<>(Arrays.asList("Placeholder", "Const",
		"Identity", "_FusedConv2D", "Conv2D", "DepthwiseConv2dNative", "FusedDepthwiseConv2dNative", "_FusedMatMul",
		"MatMul", "BiasAdd", "MaxPool", "AvgPool", "Add", "AddV2", "Sub", "Mul", "RealDiv", "Relu", "Relu6", "Elu",
		"LeakyRelu", "Sigmoid", "Tanh", "Mean", "Softmax", "Reshape", "Squeeze", "Pad")));
	/** Activations a fused op may carry after its BiasAdd. */
	private static final Set<String> ACTIVATIONS = new HashSet<>(Arrays.asList("Relu", "Relu6", "Elu", "LeakyRelu",
		"Sigmoid", "Tanh"));
	private static final Set<String> CONVOLUTIONS = new HashSet<>(Arrays.asList("_FusedConv2D", "Conv2D",
		"DepthwiseConv2dNative", "FusedDepthwiseConv2dNative"));

	/** What the build made. */
	static final class Built {
		final Placeholder<TFloat32> image;
		final Operand<TFloat32> probabilities;
		/** Layers with a spatial output [N, rows, cols, channels], in graph order. */
		final Map<String, Operand<TFloat32>> layers;
		/** The layer of the last convolution (the default Grad-CAM layer). */
		final String lastConvolution;
		final int inputSize;
		final int classes;

		Built(final Placeholder<TFloat32> image, final Operand<TFloat32> probabilities, final Map<String,
			Operand<TFloat32>> layers, final String lastConvolution, final int inputSize, final int classes)
		{
			this.image = image;
			this.probabilities = probabilities;
			this.layers = layers;
			this.lastConvolution = lastConvolution;
			this.inputSize = inputSize;
			this.classes = classes;
		}
	}

	private final TfjsGraphModel model;
	private final Ops tf;
	private final Map<String, Node> byName = new HashMap<>();
	private final Map<String, Operand<?>> built = new HashMap<>();
	private final Map<String, Operand<TFloat32>> layers = new LinkedHashMap<>();
	private final Set<String> layerNames = new HashSet<>();
	private String lastConvolution;
	private Placeholder<TFloat32> image;
	private Operand<TFloat32> preprocessed;

	private TfjsGraphBuilder(final TfjsGraphModel model, final Graph graph) {
		this.model = model;
		this.tf = Ops.create(graph);
		for (final Node n : model.nodes) byName.put(n.name, n);
		layerNames.addAll(Arrays.asList(EmotionNetwork.IMAGE, EmotionNetwork.PROBABILITIES, "grayscale", "preprocess"));
	}

	/**
	 * Builds the graph into {@code graph}.
	 *
	 * @param inputSize the input size when the model's placeholder does not fix it (0: take the model's)
	 * @throws IOException naming the node and op for anything the converter cannot convert
	 */
	static Built build(final TfjsGraphModel model, final Graph graph, final Preprocessing preprocessing,
		final int inputSize) throws IOException
	{
		return new TfjsGraphBuilder(model, graph).build(preprocessing, inputSize);
	}

	private Built build(final Preprocessing preprocessing, final int givenSize) throws IOException {
		for (final Node n : model.nodes) if (!SUPPORTED.contains(n.op)) throw new IOException("The TF.js model " +
			model.file + " uses op '" + n.op + "' (node '" + n.name
			+ "'), which the converter cannot convert. Supported ops: " + String.join(", ", SUPPORTED));
		final List<Node> placeholders = new ArrayList<>();
		for (final Node n : model.nodes) if (n.op.equals("Placeholder")) placeholders.add(n);
		if (placeholders.size() != 1) throw new IOException("The TF.js model " + model.file + " has "
			+ placeholders.size() + " inputs (Placeholder nodes); the converter needs exactly one image input");
		final Node input = placeholders.get(0);
		final long[] shape = input.shape();
		if (shape == null || shape.length != 4) throw new IOException("Input '" + input.name + "' of " + model.file +
			" has shape " + Arrays.toString(shape) + "; the converter needs images [N, height, width, channels]");
		if (shape[1] > 0 && shape[2] > 0 && shape[1] != shape[2]) throw new IOException("Input '" + input.name + "' of "
			+ model.file + " is " + shape[2] + "x" + shape[1] + "; the converter needs square images");
		final int size = shape[1] > 0 ? (int) shape[1] : givenSize;
		if (size <= 0) throw new IOException("Input '" + input.name + "' of " + model.file +
			" does not fix its image size: give it with input_size=");
		if (givenSize > 0 && givenSize != size) throw new IOException("Input '" + input.name + "' of " + model.file +
			" takes " + size + "x" + size + " images, not " + givenSize);
		final long channels = shape[3];
		if (channels != 1 && channels != 3) throw new IOException("Input '" + input.name + "' of " + model.file
			+ " has " + channels + " channels; the converter needs grayscale (1) or RGB (3) images");
		if (preprocessing.grayscale != (channels == 1)) throw new IOException("Input '" + input.name + "' of " +
			model.file + " has " + channels + " channel" + (channels == 1 ? "" : "s") + " but preprocessing " +
			preprocessing.id + (preprocessing.grayscale ? " makes grayscale" : " keeps RGB"));
		image = tf.withName(EmotionNetwork.IMAGE).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, size, size,
			3)));
		Operand<TFloat32> x = image;
		if (preprocessing.grayscale) x = tf.withName("grayscale")
			.sum(tf.math.mul(image, tf.constant(Shape.of(1, 1, 1, 3),
			DataBuffers.of(Preprocessing.GRAY_WEIGHTS))), tf.constant(3), Sum.keepDims(true));
		preprocessed = tf.withName("preprocess").math.add(tf.math.mul(x, tf.constant(preprocessing.scale)), tf.constant(
			preprocessing.offset));
		built.put(input.name, preprocessed);

		final Node output = outputNode();
		Node softmax = output;
		while (softmax.op.equals("Identity")) softmax = node(softmax.inputs.get(0), softmax);
		if (!softmax.op.equals("Softmax")) throw new IOException("The output '" + output.name + "' of " + model.file +
			" is computed by " + softmax
			+ ", not by a Softmax: the converter needs a model whose output is a vector of " + "class probabilities");
		final Operand<TFloat32> logits = floats(softmax.inputs.get(0), softmax);
		final Operand<TFloat32> probabilities = tf.withName(EmotionNetwork.PROBABILITIES).nn.softmax(logits);
		final Shape ps = probabilities.shape();
		if (ps.numDimensions() != 2 || ps.size(1) < 2) throw new IOException("The output '" + output.name + "' of " +
			model.file + " has shape " + ps
			+ "; the converter needs [N, classes] probabilities with at least two classes");
		return new Built(image, probabilities, Collections.unmodifiableMap(new LinkedHashMap<>(layers)),
			lastConvolution, size, (int) ps.size(1));
	}

	/** The node no other node consumes (the model's output). */
	private Node outputNode() throws IOException {
		final Set<String> consumed = new HashSet<>();
		for (final Node n : model.nodes) for (final String i : n.inputs) consumed.add(base(i));
		final List<Node> outs = new ArrayList<>();
		for (final Node n : model.nodes) if (!consumed.contains(n.name) && !n.op.equals("Const")) outs.add(n);
		if (outs.size() != 1) throw new IOException("The TF.js model " + model.file + " has " + outs.size()
			+ " outputs " + names(outs) + "; the converter needs exactly one (class probabilities)");
		return outs.get(0);
	}

	private static String names(final List<Node> nodes) {
		final List<String> s = new ArrayList<>();
		for (final Node n : nodes) s.add(n.name);
		return s.toString();
	}

	private static String base(final String input) {
		final int colon = input.lastIndexOf(':');
		return colon > 0 && input.substring(colon + 1).matches("\\d+") ? input.substring(0, colon) : input;
	}

	private Node node(final String input, final Node consumer) throws IOException {
		final Node n = byName.get(base(input));
		if (n == null) throw new IOException(consumer + " of " + model.file + " reads '" + input +
			"', which is not a node of the model");
		if (!base(input).equals(input) && !input.endsWith(":0")) throw new IOException(consumer + " of " + model.file +
			" reads output " + input + "; the converter only handles single-output ops");
		return n;
	}

	private Operand<TFloat32> floats(final String input, final Node consumer) throws IOException {
		return typed(input, consumer, TFloat32.class, "float32");
	}

	private Operand<TInt32> ints(final String input, final Node consumer) throws IOException {
		return typed(input, consumer, TInt32.class, "int32");
	}

	@SuppressWarnings("unchecked")
	private <T extends TType> Operand<T> typed(final String input, final Node consumer, final Class<T> type,
		final String name) throws IOException
	{
		final Operand<?> o = operand(input, consumer);
		if (o.type() != type) throw new IOException(consumer + " of " + model.file + " needs " + name + " input '"
			+ input + "'");
		return (Operand<T>) o;
	}

	/** Builds a node (after its inputs; depth-first, so the node list may be in any order). */
	private Operand<?> operand(final String input, final Node consumer) throws IOException {
		final Node n = node(input, consumer);
		final Operand<?> done = built.get(n.name);
		if (done != null) return done;
		final Operand<?> o = make(n);
		built.put(n.name, o);
		return o;
	}

	private Operand<?> make(final Node n) throws IOException {
		switch (n.op) {
			case "Const":
				return constant(n);
			case "Identity":
				return operand(n.inputs.get(0), n);
			default:
				break;
		}
		final String layer = layerName(n);
		layerNames.add(layer);
		final Ops s = tf.withSubScope(layer);
		final Operand<TFloat32> out;
		switch (n.op) {
			case "_FusedConv2D":
			case "Conv2D":
			case "DepthwiseConv2dNative":
			case "FusedDepthwiseConv2dNative":
				out = fused(n, s, convolution(n, s), n.op.startsWith("Fused") || n.op.startsWith("_"));
				lastConvolution = layer;
				break;
			case "_FusedMatMul":
			case "MatMul":
				out = fused(n, s, s.linalg.matMul(floats(n.inputs.get(0), n), floats(n.inputs.get(1), n),
				MatMul.transposeA(n
					.bool("transpose_a", false)), MatMul.transposeB(n.bool("transpose_b", false))),
					n.op.equals("_FusedMatMul"));
				break;
			case "BiasAdd":
				dataFormat(n);
				out = s.nn.biasAdd(floats(n.inputs.get(0), n), floats(n.inputs.get(1), n));
				break;
			case "MaxPool":
				dataFormat(n);
				out = s.nn.maxPool(floats(n.inputs.get(0), n), s.constant(toInts(n.ints("ksize"))),
					s.constant(toInts(n.ints( "strides"))), n.string("padding", "VALID"), MaxPool.dataFormat("NHWC"));
				break;
			case "AvgPool":
				dataFormat(n);
				out = s.nn.avgPool(floats(n.inputs.get(0), n), n.ints("ksize"), n.ints("strides"),
					n.string("padding", "VALID"), AvgPool.dataFormat("NHWC"));
				break;
			case "Add":
			case "AddV2":
			case "Sub":
			case "Mul":
			case "RealDiv":
				out = arithmetic(n.op, s, floats(n.inputs.get(0), n), floats(n.inputs.get(1), n));
				break;
			case "Mean": out = s.math.mean(floats(n.inputs.get(0), n), ints(n.inputs.get(1), n),
				Mean.keepDims(n.bool("keep_dims", false)));
				break;
			case "Softmax":
				out = s.nn.softmax(floats(n.inputs.get(0), n));
				break;
			case "Reshape":
				out = s.reshape(floats(n.inputs.get(0), n), ints(n.inputs.get(1), n));
				break;
			case "Squeeze":
				out = s.squeeze(floats(n.inputs.get(0), n), Squeeze.axis(n.ints("squeeze_dims")));
				break;
			case "Pad":
				out = s.pad(floats(n.inputs.get(0), n), ints(n.inputs.get(1), n), s.constant(0f));
				break;
			default:
				out = activation(n, s, n.op, floats(n.inputs.get(0), n));
				break;
		}
		if (out.shape().numDimensions() != 4) return out;
		// the layer's output op feeds what follows, so gradients with respect to it exist
		final Operand<TFloat32> named = s.withName(MobileNetV2Graph.OUTPUT_OP).identity(out);
		layers.put(layer, named);
		return named;
	}

	/** Element-wise Add/AddV2, Sub, Mul or RealDiv of two float operands. */
	private static Operand<TFloat32> arithmetic(final String op, final Ops s, final Operand<TFloat32> x,
		final Operand<TFloat32> y)
	{
		switch (op) {
			case "Sub":
				return s.math.sub(x, y);
			case "Mul":
				return s.math.mul(x, y);
			case "RealDiv":
				return s.math.realDiv(x, y);
			default:
				return s.math.add(x, y);
		}
	}

	private Operand<TFloat32> convolution(final Node n, final Ops s) throws IOException {
		dataFormat(n);
		final Operand<TFloat32> x = floats(n.inputs.get(0), n), w = floats(n.inputs.get(1), n);
		final String padding = n.string("padding", "VALID");
		final List<Long> strides = n.ints("strides"), dilations = n.ints("dilations");
		final List<Long> explicit = n.ints("explicit_paddings");
		if (n.op.contains("Depthwise")) {
			final List<DepthwiseConv2dNative.Options> o = new ArrayList<>();
			o.add(DepthwiseConv2dNative.dataFormat("NHWC"));
			if (!dilations.isEmpty()) o.add(DepthwiseConv2dNative.dilations(dilations));
			if (!explicit.isEmpty()) o.add(DepthwiseConv2dNative.explicitPaddings(explicit));
			return s.withName("depthwise").nn.depthwiseConv2dNative(x, w, strides, padding, o.toArray(
				new DepthwiseConv2dNative.Options[0]));
		}
		final List<Conv2d.Options> o = new ArrayList<>();
		o.add(Conv2d.dataFormat("NHWC"));
		if (!dilations.isEmpty()) o.add(Conv2d.dilations(dilations));
		if (!explicit.isEmpty()) o.add(Conv2d.explicitPaddings(explicit));
		return s.withName("conv").nn.conv2d(x, w, strides, padding, o.toArray(new Conv2d.Options[0]));
	}

	/** BiasAdd and the activation of a fused op, as separate ops TensorFlow can differentiate. */
	private Operand<TFloat32> fused(final Node n, final Ops s, final Operand<TFloat32> core, final boolean isFused)
		throws IOException
	{
		if (!isFused) return core;
		final List<String> ops = n.strings("fused_ops");
		if (ops.isEmpty()) return core;
		if (!ops.get(0).equals("BiasAdd") || ops.size() > 2 || ops.size() == 2 && !ACTIVATIONS.contains(ops.get(1)) ||
			n.inputs.size() != 3) throw new IOException(n + " of " + model.file + " fuses " + ops +
				" with " + (n.inputs.size() - 2)
				+ " extra argument(s); the converter handles BiasAdd optionally followed by one of " + ACTIVATIONS);
		final Operand<TFloat32> biased = s.withName("bias").nn.biasAdd(core, floats(n.inputs.get(2), n));
		return ops.size() == 2 ? activation(n, s, ops.get(1), biased) : biased;
	}

	private Operand<TFloat32> activation(final Node n, final Ops s, final String op, final Operand<TFloat32> x)
		throws IOException
	{
		switch (op) {
			case "Relu":
				return s.withName("relu").nn.relu(x);
			case "Relu6":
				return s.withName("relu6").nn.relu6(x);
			case "Elu":
				return s.withName("elu").nn.elu(x);
			case "LeakyRelu":
				return s.withName("leaky_relu").nn.leakyRelu(x, LeakyRelu.alpha(n.number("leakyrelu_alpha",
					n.number("alpha", 0.2f))));
			case "Sigmoid":
				return s.withName("sigmoid").math.sigmoid(x);
			case "Tanh":
				return s.withName("tanh").math.tanh(x);
			default: throw new IOException(n + " of " + model.file + " uses op '" + op
				+ "', which the converter cannot convert");
		}
	}

	private void dataFormat(final Node n) throws IOException {
		final String f = n.string("data_format", "NHWC");
		if (!f.equals("NHWC")) throw new IOException(n + " of " + model.file + " uses data format " + f +
			"; the converter handles NHWC");
	}

	private Operand<?> constant(final Node n) throws IOException {
		final Weight w = model.weights.get(n.name);
		if (w == null) throw new IOException("Const node '" + n.name + "' of " + model.file +
			" has no entry in the weightsManifest");
		final Ops s = tf.withSubScope("weights").withName(safe(n.name));
		return w.floats != null ? s.constant(Shape.of(w.shape), DataBuffers.of(w.floats, true, false))
			: s.constant(Shape.of(w.shape), DataBuffers.of(w.ints, true, false));
	}

	private static int[] toInts(final List<Long> l) {
		final int[] out = new int[l.size()];
		for (int i = 0; i < out.length; i++) out[i] = Math.toIntExact(l.get(i));
		return out;
	}

	/**
	 * The Keras layer a node belongs to: "StatefulPartitionedCall/model_1/block1_conv1_act/Relu" ->
	 * "block1_conv1_act". Unique per node (a second node of one layer gets its full path).
	 */
	String layerName(final Node n) {
		final List<String> parts = new ArrayList<>(Arrays.asList(n.name.split("/")));
		while (parts.size() > 1 && (parts.get(0).equals("StatefulPartitionedCall") || parts.get(0).equals(
			"PartitionedCall") || parts.get(0).matches("model(_\\d+)?|sequential(_\\d+)?|functional(_\\d+)?")))
			parts.remove(0);
		String name = safe(parts.get(0));
		if (layerNames.contains(name)) name = safe(String.join("_", parts));
		while (layerNames.contains(name)) name = name + "_";
		return name;
	}

	private static String safe(final String s) {
		final String t = s.replaceAll("[^A-Za-z0-9_.\\-]", "_");
		return t.isEmpty() || !Character.isLetterOrDigit(t.charAt(0)) ? "n" + t : t;
	}
}
