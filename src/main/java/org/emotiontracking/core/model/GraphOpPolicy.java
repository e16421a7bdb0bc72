package org.emotiontracking.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

import org.tensorflow.proto.framework.FunctionDef;
import org.tensorflow.proto.framework.MetaGraphDef;
import org.tensorflow.proto.framework.NodeDef;
import org.tensorflow.proto.framework.SavedModel;

/**
 * Models from others are code: a SavedModel's graph may hold any TensorFlow op, including ops that read
 * or write files (ReadFile, WriteFile, ...) and run while the model loads or serves. Before TensorFlow
 * sees an archive, every op of its graph (and of its function library) is checked against
 * {@link #ALLOWED}: the ops this project's own graphs use (trained MobileNetV2 archives, the Grad-CAM
 * gradients, Keras imports and the TF.js converter's output) and those SavedModel variable restore
 * needs. Anything else is refused, naming the op and the file, unless the user says {@code trust=true}.
 */
public final class GraphOpPolicy {

	private static final Logger LOG = Logger.getLogger(GraphOpPolicy.class.getName());

	/** Forward ops of the project's graphs and of the converter's supported ops. */
	static final Set<String> COMPUTE = set("Placeholder", "Const", "Identity", "IdentityN", "NoOp", "Conv2D",
		"DepthwiseConv2dNative", "BiasAdd", "FusedBatchNormV3", "Relu", "Relu6", "Elu", "LeakyRelu", "Sigmoid", "Tanh",
		"MaxPool", "MaxPoolV2", "AvgPool", "Pad", "Mean", "Sum", "MatMul", "Softmax", "Add", "AddV2", "AddN", "Sub",
		"Mul", "RealDiv", "Div", "Maximum", "Minimum", "Reshape", "Squeeze", "ExpandDims", "Shape", "ShapeN", "Fill",
		"Tile", "ArgMax", "Less", "Select", "SelectV2", "OneHot", "Cast", "Rsqrt", "Sqrt", "Square", "Neg",
		"Reciprocal", "ZerosLike", "OnesLike", "StopGradient", "Pack", "Unpack", "ConcatV2", "Slice", "StridedSlice",
		"Transpose", "BroadcastTo", "BroadcastGradientArgs", "Prod", "Range", "Size", "Rank", "FloorDiv", "FloorMod",
		"DynamicStitch", "Equal", "GreaterEqual", "Greater", "LessEqual", "LogicalAnd", "Exp", "Log", "Mod",
		// gradients (Grad-CAM, training graphs)
		"Conv2DBackpropInput", "Conv2DBackpropFilter", "DepthwiseConv2dNativeBackpropInput",
		"DepthwiseConv2dNativeBackpropFilter", "BiasAddGrad", "FusedBatchNormGradV3", "ReluGrad", "Relu6Grad",
		"EluGrad",
		"LeakyReluGrad", "SigmoidGrad", "TanhGrad", "MaxPoolGrad", "MaxPoolGradV2", "AvgPoolGrad", "SoftmaxGrad");
	/** What SavedModel variables and their restore (and the exporter's saver) use. */
	static final Set<String> RESTORE = set("VarHandleOp", "VariableV2", "Variable", "ReadVariableOp",
		"AssignVariableOp", "Assign", "VarIsInitializedOp", "RestoreV2", "SaveV2", "MergeV2Checkpoints",
		"ShardedFilename", "StringJoin", "StaticRegexFullMatch");
	public static final Set<String> ALLOWED;
	static {
		final Set<String> all = new TreeSet<>(COMPUTE);
		all.addAll(RESTORE);
		ALLOWED = Collections.unmodifiableSet(all);
	}

	private GraphOpPolicy() {}

	private static Set<String> set(final String... ops) {
		return Collections.unmodifiableSet(new TreeSet<>(Arrays.asList(ops)));
	}

	/**
	 * Checks the SavedModel in {@code savedModelFolder} (shown as {@code shownAs} in messages).
	 *
	 * @throws IOException naming the first op outside {@link #ALLOWED} and the file, unless {@code trust}
	 */
	public static void check(final Path savedModelFolder, final Path shownAs, final boolean trust) throws IOException {
		if (trust) {
			LOG.warning("trust=true: the ops of " + shownAs
				+ " are not checked; TensorFlow will run whatever its graph holds");
			return;
		}
		final Path pb = savedModelFolder.resolve("saved_model.pb");
		final SavedModel saved;
		try (InputStream in = Files.newInputStream(pb)) {
			saved = SavedModel.parseFrom(in);
		}
		catch (final IOException e) {
			throw new IOException("Model " + shownAs + ": its saved_model.pb cannot be read: " + e.getMessage(), e);
		}
		final String bad = firstDisallowed(saved);
		if (bad != null) throw new IOException("Model " + shownAs + " is refused: its graph holds " + bad +
			", an op this project's models never use (a model is code: such ops can read or write files or more). " +
			"Open it with trust=true only if you trust where it came from.");
	}

	/** "op 'X' (node 'n')" for the first op outside {@link #ALLOWED}, or null. */
	static String firstDisallowed(final SavedModel saved) {
		for (final MetaGraphDef meta : saved.getMetaGraphsList()) {
			for (final NodeDef n : meta.getGraphDef().getNodeList())
				if (!ALLOWED.contains(n.getOp())) return "op '" + n.getOp() + "' (node '" + n.getName() + "')";
			for (final FunctionDef f : meta.getGraphDef().getLibrary().getFunctionList())
				for (final NodeDef n : f.getNodeDefList())
					if (!ALLOWED.contains(n.getOp())) return "op '" + n.getOp() + "' (node '" + n.getName()
						+ "' of function '" + f.getSignature().getName() + "')";
		}
		return null;
	}
}
