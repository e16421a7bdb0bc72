package org.emotiontracking.core.model.tfjs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * A TensorFlow.js graph model as written by tensorflowjs_converter: {@code model.json} (format
 * "graph-model": {@code modelTopology.node}, a list of TensorFlow NodeDefs in JSON, and
 * {@code weightsManifest}, groups of weight entries stored consecutively in the group's binary shards)
 * and its {@code .bin} files. Reads the nodes and every weight (float32, int32; uint8/uint16-quantized
 * and float16 weights are dequantized to float32). Problems name the file and the part.
 */
public final class TfjsGraphModel {

	/** One node of the graph: its name, op, inputs (data inputs only, "name" or "name:k") and attributes. */
	public static final class Node {
		public final String name;
		public final String op;
		public final List<String> inputs;
		final JsonObject attr;

		Node(final String name, final String op, final List<String> inputs, final JsonObject attr) {
			this.name = name;
			this.op = op;
			this.inputs = Collections.unmodifiableList(inputs);
			this.attr = attr;
		}

		boolean has(final String key) { return attr.has(key); }

		String string(final String key, final String fallback) {
			final JsonObject a = attr.getAsJsonObject(key);
			if (a == null || !a.has("s")) return fallback;
			return new String(Base64.getDecoder().decode(a.get("s").getAsString()), StandardCharsets.UTF_8);
		}

		boolean bool(final String key, final boolean fallback) {
			final JsonObject a = attr.getAsJsonObject(key);
			return a == null || !a.has("b") ? fallback : a.get("b").getAsBoolean();
		}

		float number(final String key, final float fallback) {
			final JsonObject a = attr.getAsJsonObject(key);
			return a == null || !a.has("f") ? fallback : a.get("f").getAsFloat();
		}

		List<Long> ints(final String key) {
			final List<Long> out = new ArrayList<>();
			final JsonObject a = attr.getAsJsonObject(key);
			if (a == null || !a.has("list")) return out;
			final JsonArray i = a.getAsJsonObject("list").getAsJsonArray("i");
			if (i != null) for (final JsonElement e : i) out.add(e.getAsLong());
			return out;
		}

		List<String> strings(final String key) {
			final List<String> out = new ArrayList<>();
			final JsonObject a = attr.getAsJsonObject(key);
			if (a == null || !a.has("list")) return out;
			final JsonArray s = a.getAsJsonObject("list").getAsJsonArray("s");
			if (s != null) for (final JsonElement e : s) out.add(new String(Base64.getDecoder().decode(e.getAsString()),
				StandardCharsets.UTF_8));
			return out;
		}

		String dtype() {
			final JsonObject a = attr.getAsJsonObject("dtype");
			return a == null || !a.has("type") ? null : a.get("type").getAsString();
		}

		/** The placeholder's shape (-1 for unknown dimensions), or null when not recorded. */
		long[] shape() {
			final JsonObject a = attr.getAsJsonObject("shape");
			if (a == null || !a.has("shape")) return null;
			final JsonObject s = a.getAsJsonObject("shape");
			final JsonArray dims = s.getAsJsonArray("dim");
			if (dims == null) return s.has("unknownRank") ? null : new long[0];
			final long[] out = new long[dims.size()];
			for (int i = 0; i < out.length; i++) {
				final JsonObject d = dims.get(i).getAsJsonObject();
				out[i] = d.has("size") ? d.get("size").getAsLong() : -1;
			}
			return out;
		}

		@Override
		public String toString() { return op + " node '" + name + "'"; }
	}

	/** One weight: its shape and values (float32 values, or int32 values for int32 weights). */
	public static final class Weight {
		public final String name;
		public final long[] shape;
		public final float[] floats;
		public final int[] ints;

		Weight(final String name, final long[] shape, final float[] floats, final int[] ints) {
			this.name = name;
			this.shape = shape;
			this.floats = floats;
			this.ints = ints;
		}
	}

	public final Path file;
	public final List<Node> nodes;
	public final Map<String, Weight> weights;
	/** generatedBy / convertedBy of model.json (may be null). */
	public final String generatedBy, convertedBy;

	private TfjsGraphModel(final Path file, final List<Node> nodes, final Map<String, Weight> weights,
		final String generatedBy, final String convertedBy)
	{
		this.file = file;
		this.nodes = Collections.unmodifiableList(nodes);
		this.weights = Collections.unmodifiableMap(weights);
		this.generatedBy = generatedBy;
		this.convertedBy = convertedBy;
	}

	/** Reads model.json and the weight files it names (beside it). */
	public static TfjsGraphModel read(final Path modelJson) throws IOException {
		if (!Files.isRegularFile(modelJson)) throw new IOException("TF.js model not found: " + modelJson);
		final JsonObject root;
		try {
			final JsonElement e = JsonParser.parseString(new String(Files.readAllBytes(modelJson),
				StandardCharsets.UTF_8));
			if (!e.isJsonObject()) throw new JsonParseException("not a JSON object");
			root = e.getAsJsonObject();
		}
		catch (final JsonParseException | IllegalStateException e) {
			throw new IOException(modelJson + " is not a TF.js model.json: " + e.getMessage(), e);
		}
		final String format = root.has("format") ? root.get("format").getAsString() : null;
		if (format != null && !format.equals("graph-model")) throw new IOException(modelJson + " is a TF.js '" + format
			+ "', not a 'graph-model' (convert Keras/layers models with tensorflowjs_converter --output_format "
			+ "tfjs_graph_model)");
		final JsonObject topology = root.getAsJsonObject("modelTopology");
		if (topology == null || !topology.has("node")) throw new IOException(modelJson +
			" has no modelTopology.node list: not a TF.js graph model");
		if (topology.has("library") && topology.getAsJsonObject("library").has("function") &&
			topology.getAsJsonObject("library").getAsJsonArray("function").size() > 0) throw new IOException(modelJson +
				" uses graph functions (modelTopology.library), which the converter does not support");
		final List<Node> nodes = new ArrayList<>();
		for (final JsonElement e : topology.getAsJsonArray("node")) {
			final JsonObject n = e.getAsJsonObject();
			final List<String> inputs = new ArrayList<>();
			if (n.has("input")) for (final JsonElement i : n.getAsJsonArray("input")) {
				final String s = i.getAsString();
				if (!s.startsWith("^")) inputs.add(s);
			}
			nodes.add(new Node(n.get("name").getAsString(), n.get("op").getAsString(), inputs, n.has("attr") ? n
				.getAsJsonObject("attr") : new JsonObject()));
		}
		final Map<String, Weight> weights = new LinkedHashMap<>();
		final JsonArray manifest = root.getAsJsonArray("weightsManifest");
		if (manifest == null) throw new IOException(modelJson + " has no weightsManifest");
		final Path folder = modelJson.toAbsolutePath().getParent();
		for (final JsonElement g : manifest) readGroup(modelJson, folder, g.getAsJsonObject(), weights);
		return new TfjsGraphModel(modelJson, nodes, weights, optString(root, "generatedBy"), optString(root,
			"convertedBy"));
	}

	private static String optString(final JsonObject o, final String key) {
		return o.has(key) && o.get(key).isJsonPrimitive() ? o.get(key).getAsString() : null;
	}

	private static void readGroup(final Path modelJson, final Path folder, final JsonObject group,
		final Map<String, Weight> out) throws IOException
	{
		final List<Path> shards = new ArrayList<>();
		for (final JsonElement p : group.getAsJsonArray("paths")) shards.add(folder.resolve(p.getAsString()));
		long total = 0;
		for (final Path p : shards) {
			if (!Files.isRegularFile(p)) throw new IOException("Weights file " + p + " named in " + modelJson +
				"'s weightsManifest is missing");
			total += Files.size(p);
		}
		long needed = 0;
		for (final JsonElement w : group.getAsJsonArray("weights")) needed += byteLength(modelJson,
			w.getAsJsonObject());
		if (total < needed) throw new IOException(String.format(Locale.ROOT,
			"Weights file %s is too short: %s's weightsManifest needs %d bytes, the file%s %d",
			shards.size() == 1 ? shards.get(0) : shards.toString(), modelJson.getFileName(), needed, shards.size() == 1
				? " has" : "s have", total));
		if (needed > Integer.MAX_VALUE) throw new IOException("Weights of " + modelJson + " are larger than 2 GB");
		final ByteBuffer data = ByteBuffer.allocate((int) needed).order(ByteOrder.LITTLE_ENDIAN);
		for (final Path p : shards) {
			final byte[] b = Files.readAllBytes(p);
			data.put(b, 0, Math.min(b.length, data.remaining()));
			if (!data.hasRemaining()) break;
		}
		data.flip();
		for (final JsonElement e : group.getAsJsonArray("weights")) {
			final JsonObject w = e.getAsJsonObject();
			final String name = w.get("name").getAsString();
			final long[] shape = shape(w);
			final int count = (int) count(shape);
			final String dtype = w.get("dtype").getAsString();
			final JsonObject q = w.getAsJsonObject("quantization");
			if (q != null) out.put(name, new Weight(name, shape, dequantize(modelJson, name, q, data, count), null));
			else if (dtype.equals("float32")) {
				final float[] v = new float[count];
				data.asFloatBuffer().get(v);
				data.position(data.position() + 4 * count);
				out.put(name, new Weight(name, shape, v, null));
			}
			else if (dtype.equals("int32")) {
				final int[] v = new int[count];
				data.asIntBuffer().get(v);
				data.position(data.position() + 4 * count);
				out.put(name, new Weight(name, shape, null, v));
			}
			else throw new IOException("Weight '" + name + "' of " + modelJson + " has dtype " + dtype +
				", which the converter does not support (float32, int32)");
		}
	}

	private static float[] dequantize(final Path modelJson, final String name, final JsonObject q,
		final ByteBuffer data, final int count) throws IOException
	{
		final String qtype = q.get("dtype").getAsString();
		final float[] v = new float[count];
		switch (qtype) {
			case "uint8":
			case "uint16": {
				final float scale = q.get("scale").getAsFloat(), min = q.get("min").getAsFloat();
				for (int i = 0; i < count; i++) v[i] = (qtype.equals("uint8") ? data.get() & 0xff
					: data.getShort() & 0xffff) * scale + min;
				return v;
			}
			case "float16":
				for (int i = 0; i < count; i++) v[i] = halfToFloat(data.getShort());
				return v;
			default:
				throw new IOException("Weight '" + name + "' of " + modelJson + " is quantized as " + qtype +
					", which the converter does not support (uint8, uint16, float16)");
		}
	}

	static float halfToFloat(final short h) {
		final int s = (h >> 15) & 1, e = (h >> 10) & 0x1f, m = h & 0x3ff;
		final float sign = s == 0 ? 1 : -1;
		if (e == 0) return sign * (float) Math.scalb(m, -24);
		if (e == 31) return m == 0 ? sign * Float.POSITIVE_INFINITY : Float.NaN;
		return sign * (float) Math.scalb(m | 0x400, e - 25);
	}

	private static long byteLength(final Path modelJson, final JsonObject w) throws IOException {
		final long n = count(shape(w));
		final JsonObject q = w.getAsJsonObject("quantization");
		final String dtype = q != null ? q.get("dtype").getAsString() : w.get("dtype").getAsString();
		switch (dtype) {
			case "float32":
			case "int32":
				return 4 * n;
			case "uint16":
			case "float16":
				return 2 * n;
			case "uint8":
			case "bool":
				return n;
			default: throw new IOException("Weight '" + w.get("name").getAsString() + "' of " + modelJson
				+ " has dtype " + dtype + ", which the converter does not support");
		}
	}

	private static long[] shape(final JsonObject w) {
		final JsonArray a = w.getAsJsonArray("shape");
		final long[] s = new long[a.size()];
		for (int i = 0; i < s.length; i++) s[i] = a.get(i).getAsLong();
		return s;
	}

	static long count(final long[] shape) {
		long n = 1;
		for (final long d : shape) n *= d;
		return n;
	}
}
