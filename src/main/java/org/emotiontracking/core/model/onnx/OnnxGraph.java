package org.emotiontracking.core.model.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds one ONNX model (ModelProto with its GraphProto) node by node and writes it as protobuf bytes,
 * with the field numbers of the ONNX specification (onnx.proto). The vocabulary is what image
 * classifiers need: {@link #conv}, {@link #clip}, {@link #add}, {@link #mul}, {@link #relu},
 * {@link #transpose}, {@link #globalAveragePool}, {@link #flatten}, {@link #gemm}, {@link #softmax},
 * and QuantizeLinear / DequantizeLinear for int8 ({@link #quantize}, {@link #dequantize}). Tensors
 * are NCHW as ONNX operators expect; weights are initializers (raw little-endian data).
 */
public final class OnnxGraph {

	/** The default operator set the graph uses (Clip with min/max inputs, per-axis QuantizeLinear). */
	public static final int OPSET = 13;
	/** IR version 7 is the one that goes with opset 13. */
	public static final int IR_VERSION = 7;

	/** ONNX TensorProto.DataType values. */
	public enum DataType {
		FLOAT(1), UINT8(2), INT8(3), INT32(6), INT64(7);

		final int code;

		DataType(final int code) { this.code = code; }
	}

	// ModelProto
	private static final int MODEL_IR_VERSION = 1, MODEL_PRODUCER_NAME = 2, MODEL_PRODUCER_VERSION = 3,
		MODEL_DOC_STRING = 6, MODEL_GRAPH = 7, MODEL_OPSET_IMPORT = 8, MODEL_METADATA_PROPS = 14;
	// OperatorSetIdProto, StringStringEntryProto
	private static final int OPSET_DOMAIN = 1, OPSET_VERSION = 2, ENTRY_KEY = 1, ENTRY_VALUE = 2;
	// GraphProto
	private static final int GRAPH_NODE = 1, GRAPH_NAME = 2, GRAPH_INITIALIZER = 5, GRAPH_INPUT = 11,
		GRAPH_OUTPUT = 12;
	// NodeProto
	private static final int NODE_INPUT = 1, NODE_OUTPUT = 2, NODE_NAME = 3, NODE_OP_TYPE = 4, NODE_ATTRIBUTE = 5;
	// AttributeProto and its AttributeType values
	private static final int ATTR_NAME = 1, ATTR_F = 2, ATTR_I = 3, ATTR_INTS = 8, ATTR_TYPE = 20;
	private static final int TYPE_FLOAT = 1, TYPE_INT = 2, TYPE_INTS = 7;
	// TensorProto
	private static final int TENSOR_DIMS = 1, TENSOR_DATA_TYPE = 2, TENSOR_NAME = 8, TENSOR_RAW_DATA = 9;
	// ValueInfoProto, TypeProto, TypeProto.Tensor, TensorShapeProto, TensorShapeProto.Dimension
	private static final int VALUE_NAME = 1, VALUE_TYPE = 2, TYPE_TENSOR_TYPE = 1, TENSOR_ELEM_TYPE = 1,
		TENSOR_SHAPE = 2, SHAPE_DIM = 1, DIM_VALUE = 1, DIM_PARAM = 2;

	/** A node attribute. */
	public static final class Attribute {
		private final Protobuf proto = new Protobuf();

		private Attribute(final String name) {
			proto.string(ATTR_NAME, name);
		}

		public static Attribute of(final String name, final long value) {
			final Attribute a = new Attribute(name);
			a.proto.varint(ATTR_I, value).varint(ATTR_TYPE, TYPE_INT);
			return a;
		}

		public static Attribute of(final String name, final float value) {
			final Attribute a = new Attribute(name);
			a.proto.float32(ATTR_F, value).varint(ATTR_TYPE, TYPE_FLOAT);
			return a;
		}

		public static Attribute ints(final String name, final long... values) {
			final Attribute a = new Attribute(name);
			a.proto.packedVarints(ATTR_INTS, values).varint(ATTR_TYPE, TYPE_INTS);
			return a;
		}
	}

	private final String name;
	private final List<Protobuf> nodes = new ArrayList<>();
	private final List<Protobuf> initializers = new ArrayList<>();
	private final List<Protobuf> inputs = new ArrayList<>();
	private final List<Protobuf> outputs = new ArrayList<>();
	private final Set<String> names = new HashSet<>();
	private final Map<String, String> metadata = new LinkedHashMap<>();
	private int opset = OPSET;

	public OnnxGraph(final String name) {
		this.name = name;
	}

	/** Raises the operator set (e.g. 21 for int16 quantization); never lowers it. */
	public void requireOpset(final int version) {
		opset = Math.max(opset, version);
	}

	/** A key/value pair stored in the model's metadata_props. */
	public void metadata(final String key, final String value) {
		metadata.put(key, value);
	}

	/** A graph input; a negative dimension is a named free dimension ("N"). */
	public String input(final String name, final DataType type, final long... dims) {
		inputs.add(valueInfo(unique(name), type, dims));
		return name;
	}

	/** Marks an existing tensor as a graph output; {@code dims} null: shape left to the runtime. */
	public void output(final String name, final DataType type, final long... dims) {
		outputs.add(valueInfo(name, type, dims));
	}

	/** A float initializer (a constant tensor: weights, biases, scales). */
	public String constant(final String name, final long[] dims, final float[] values) {
		final ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
		b.asFloatBuffer().put(values);
		return initializer(name, DataType.FLOAT, dims, b.array());
	}

	/** A scalar float initializer. */
	public String scalar(final String name, final float value) {
		return constant(name, new long[0], new float[] { value });
	}

	/** An int8 or uint8 initializer. */
	public String bytes(final String name, final DataType type, final long[] dims, final byte[] values) {
		if (type != DataType.INT8 && type != DataType.UINT8) throw new IllegalArgumentException("Not a byte type: "
			+ type);
		return initializer(name, type, dims, values.clone());
	}

	/** An int32 initializer (quantized biases). */
	public String int32(final String name, final long[] dims, final int[] values) {
		final ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
		b.asIntBuffer().put(values);
		return initializer(name, DataType.INT32, dims, b.array());
	}

	private String initializer(final String name, final DataType type, final long[] dims, final byte[] raw) {
		final Protobuf t = new Protobuf();
		for (final long d : dims) t.varint(TENSOR_DIMS, d);
		t.varint(TENSOR_DATA_TYPE, type.code).string(TENSOR_NAME, unique(name)).bytes(TENSOR_RAW_DATA, raw);
		initializers.add(t);
		return name;
	}

	/**
	 * One node with one output named {@code output} (also its node name).
	 *
	 * @param inputs tensor names; an empty string is an omitted optional input
	 */
	public String node(final String opType, final String output, final List<String> inputs,
		final Attribute... attributes)
	{
		final Protobuf n = new Protobuf();
		for (final String in : inputs) n.string(NODE_INPUT, in);
		n.string(NODE_OUTPUT, unique(output)).string(NODE_NAME, output).string(NODE_OP_TYPE, opType);
		for (final Attribute a : attributes) n.message(NODE_ATTRIBUTE, a.proto);
		nodes.add(n);
		return output;
	}

	/**
	 * A 2-D convolution, NCHW, kernel [out, in / group, kh, kw].
	 *
	 * @param bias tensor name or null
	 * @param pads [top, left, bottom, right]
	 */
	public String conv(final String output, final String x, final String kernel, final String bias, final int group,
		final int kernelSize, final int stride, final long[] pads)
	{
		final List<String> in = new ArrayList<>(List.of(x, kernel));
		if (bias != null) in.add(bias);
		return node("Conv", output, in, Attribute.of("group", group), Attribute.ints("kernel_shape", kernelSize,
			kernelSize), Attribute.ints("strides", stride, stride), Attribute.ints("pads", pads), Attribute.ints(
				"dilations", 1, 1));
	}

	/** min(max(x, lo), hi), e.g. ReLU6 as clip(x, 0, 6). */
	public String clip(final String output, final String x, final float lo, final float hi) {
		return node("Clip", output, List.of(x, scalar(output + "/min", lo), scalar(output + "/max", hi)));
	}

	public String relu(final String output, final String x) {
		return node("Relu", output, List.of(x));
	}

	public String add(final String output, final String a, final String b) {
		return node("Add", output, List.of(a, b));
	}

	public String mul(final String output, final String a, final String b) {
		return node("Mul", output, List.of(a, b));
	}

	public String transpose(final String output, final String x, final long... perm) {
		return node("Transpose", output, List.of(x), Attribute.ints("perm", perm));
	}

	/** [N, C, H, W] -> [N, C, 1, 1]. */
	public String globalAveragePool(final String output, final String x) {
		return node("GlobalAveragePool", output, List.of(x));
	}

	/** [N, C, ...] -> [N, C * ...]. */
	public String flatten(final String output, final String x) {
		return node("Flatten", output, List.of(x), Attribute.of("axis", 1));
	}

	/** x [N, in] times w [in, out] plus b [out]. */
	public String gemm(final String output, final String x, final String w, final String b) {
		return node("Gemm", output, List.of(x, w, b));
	}

	/** Softmax over the last axis of a 2-D tensor. */
	public String softmax(final String output, final String x) {
		return node("Softmax", output, List.of(x), Attribute.of("axis", 1));
	}

	/** QuantizeLinear: per tensor (scalar scale) or per channel along {@code axis}. */
	public String quantize(final String output, final String x, final String scale, final String zeroPoint,
		final int axis)
	{
		return node("QuantizeLinear", output, List.of(x, scale, zeroPoint), Attribute.of("axis", axis));
	}

	public String dequantize(final String output, final String x, final String scale, final String zeroPoint,
		final int axis)
	{
		return node("DequantizeLinear", output, List.of(x, scale, zeroPoint), Attribute.of("axis", axis));
	}

	/** The ModelProto bytes (an .onnx file). */
	public byte[] toByteArray(final String producer, final String producerVersion) {
		final Protobuf graph = new Protobuf();
		for (final Protobuf n : nodes) graph.message(GRAPH_NODE, n);
		graph.string(GRAPH_NAME, name);
		for (final Protobuf t : initializers) graph.message(GRAPH_INITIALIZER, t);
		for (final Protobuf v : inputs) graph.message(GRAPH_INPUT, v);
		for (final Protobuf v : outputs) graph.message(GRAPH_OUTPUT, v);
		final Protobuf model = new Protobuf().varint(MODEL_IR_VERSION, IR_VERSION).string(MODEL_PRODUCER_NAME, producer)
			.string(MODEL_PRODUCER_VERSION, producerVersion).string(MODEL_DOC_STRING, name).message(MODEL_GRAPH, graph)
			.message(MODEL_OPSET_IMPORT, new Protobuf().string(OPSET_DOMAIN, "").varint(OPSET_VERSION, opset));
		for (final Map.Entry<String, String> e : metadata.entrySet())
			model.message(MODEL_METADATA_PROPS, new Protobuf().string(ENTRY_KEY, e.getKey())
				.string(ENTRY_VALUE, e.getValue()));
		return model.toByteArray();
	}

	private static Protobuf valueInfo(final String name, final DataType type, final long... dims) {
		final Protobuf tensor = new Protobuf().varint(TENSOR_ELEM_TYPE, type.code);
		if (dims != null) {
			final Protobuf shape = new Protobuf();
			for (final long d : dims) shape.message(SHAPE_DIM, d < 0 ? new Protobuf().string(DIM_PARAM, "N")
				: new Protobuf().varint(DIM_VALUE, d));
			tensor.message(TENSOR_SHAPE, shape);
		}
		return new Protobuf().string(VALUE_NAME, name).message(VALUE_TYPE, new Protobuf()
			.message(TYPE_TENSOR_TYPE, tensor));
	}

	private String unique(final String name) {
		if (!names.add(name)) throw new IllegalArgumentException("Tensor name used twice in the ONNX graph: " + name);
		return name;
	}
}
