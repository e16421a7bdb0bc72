package org.emotiontracking.core.model.keras;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.emotiontracking.core.model.LayerSpec;
import org.emotiontracking.core.model.LayerSpec.WeightSpec;
import org.emotiontracking.core.model.MobileNetV2Architecture;
import org.emotiontracking.core.model.Weights;

import io.jhdf.Superblock;
import io.jhdf.WritableGroupImpl;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import io.jhdf.api.WritableNode;
import io.jhdf.storage.HdfFileChannel;

/**
 * Writes Keras-layout .h5 files with random weights, as Keras's legacy h5 writer lays them out, using
 * jHDF (pure Java). jHDF 0.8.4 writes groups, float datasets of any rank and string-array attributes,
 * but only fixed-length strings, and no empty arrays: so weightless layers get a group without a
 * weight_names attribute (Keras writes an empty float64 array), which the reader accepts as well.
 * {@code KerasH5PythonTest} converts such a file to Keras's exact encoding with h5py.
 * <p>
 * jHDF 0.8.4's {@code WritableHdfFile.close()} appends its version string at the file channel's
 * current position (the end of the last dataset written), which overwrites the object header of any
 * empty group written after that dataset. {@link H5Out} writes the same file without that string.
 */
public final class KerasH5Writer {

	public enum Layout {
		/** model.save() of a functional model: every base layer is its own group under model_weights. */
		FLAT,
		/** model.save() of Sequential([base, GAP, Dense, Dense]): all base weights in one group. */
		NESTED,
		/** model.save_weights() of the FLAT model: the same groups at the root, no model_weights. */
		WEIGHTS_ONLY,
		/** Keras's ImageNet no-top file: a bare base at the root, with the old layer names (mobl1_conv_expand, ...). */
		IMAGENET_NO_TOP
	}

	/** What to write. Fluent setters; public fields. */
	public static final class Options {
		public double alpha = 1.0;
		public int classes = 7;
		public int hidden = 128;
		public int inputSize = 224;
		/** Weight names end in ":0" (Keras 2); without (Keras 3's legacy writer). */
		public boolean colonZero = true;
		/** Nested base written as a partly trainable model would: all trainable weights first. */
		public boolean trainableFirst;
		/** FLAT: add a layer "random_flip" after the input holding an int64 seed_generator_state (as Keras 3). */
		public boolean seedLayer;
		public long seed = 1;
		public String denseName = "dense_3", dense1Name = "dense_4";
		/** Weights written with another shape (random values), keyed "layer/weight" in our naming. */
		public final Map<String, long[]> shapeOverrides = new HashMap<>();

		public Options alpha(final double a) { alpha = a; return this; }
		public Options classes(final int c) { classes = c; return this; }
		public Options inputSize(final int s) { inputSize = s; return this; }
		public Options colonZero(final boolean c) { colonZero = c; return this; }
		public Options trainableFirst(final boolean t) { trainableFirst = t; return this; }
		public Options seed(final long s) { seed = s; return this; }
		public Options override(final String layer, final String weight, final long... shape) {
			shapeOverrides.put(Weights.key(layer, weight), shape);
			return this;
		}
	}

	private KerasH5Writer() {}

	/** A jHDF writable file (root group) that does not corrupt empty groups on close; see the class comment. */
	public static final class H5Out extends WritableGroupImpl implements AutoCloseable {
		private final Path path;

		public H5Out(final Path path) {
			super(null, "/");
			this.path = path;
		}

		@Override
		public void close() throws IOException {
			try (FileChannel fc = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
				StandardOpenOption.READ, StandardOpenOption.WRITE))
			{
				final Superblock.SuperblockV2V3 superblock = new Superblock.SuperblockV2V3();
				final HdfFileChannel channel = new HdfFileChannel(fc, superblock);
				write(channel, WritableHdfFile.ROOT_GROUP_ADDRESS);
				channel.write(superblock.toBuffer(fc.size()), 0L);
			}
		}
	}

	public static Weights write(final Path file, final Layout layout) throws IOException {
		return write(file, layout, new Options());
	}

	/**
	 * Writes the file and returns the weights it holds in our naming (base, then "dense" and "dense_1"
	 * unless the layout has no head).
	 */
	public static Weights write(final Path file, final Layout layout, final Options o) throws IOException {
		Files.deleteIfExists(file);
		final Random rnd = new Random(o.seed);
		final List<LayerSpec> base = MobileNetV2Architecture.base(o.alpha);
		final Weights w = new Weights();
		for (final LayerSpec l : base)
			for (final WeightSpec ws : l.weights) w.put(l.name, ws.name, random(rnd, ws.name, l.kind, o.shapeOverrides.getOrDefault(
				Weights.key(l.name, ws.name), ws.shape)));
		if (layout != Layout.IMAGENET_NO_TOP) {
			final int features = MobileNetV2Architecture.featureChannels(o.alpha);
			w.put(KerasModelImporter.DENSE, "kernel", gaussian(rnd, Math.sqrt(2.0 / features), features, o.hidden));
			w.put(KerasModelImporter.DENSE, "bias", gaussian(rnd, 0.1, o.hidden));
			w.put(KerasModelImporter.DENSE_1, "kernel", gaussian(rnd, Math.sqrt(1.0 / o.hidden), o.hidden, o.classes));
			w.put(KerasModelImporter.DENSE_1, "bias", gaussian(rnd, 0.1, o.classes));
		}
		final String suffix = o.colonZero ? ":0" : "";
		final String version = o.colonZero ? "2.13.1" : "3.3.3";
		try (H5Out f = new H5Out(file)) {
			switch (layout) {
				case FLAT:
				case WEIGHTS_ONLY: {
					final WritableGroup root = layout == Layout.FLAT ? f.putGroup("model_weights") : f;
					if (layout == Layout.FLAT) modelAttributes(f, version, functionalConfig(o));
					final List<String> names = new ArrayList<>();
					names.add("input_1");
					if (o.seedLayer) {
						names.add("random_flip");
						root.putGroup("random_flip").putGroup("random_flip").putDataset("seed_generator_state" + suffix, new long[] { 1337, 0 });
						((WritableNode) root.getChild("random_flip")).putAttribute("weight_names", new String[] { "random_flip/seed_generator_state" + suffix });
					}
					for (final LayerSpec l : base) {
						names.add(l.name);
						layerGroup(root, l.name, l.name, l.weights, w, l.name, suffix);
					}
					root.putGroup("input_1");
					names.add("global_average_pooling2d");
					root.putGroup("global_average_pooling2d");
					head(root, names, w, o, suffix);
					root.putAttribute("layer_names", names.toArray(new String[0]));
					root.putAttribute("backend", "tensorflow");
					root.putAttribute("keras_version", version);
					break;
				}
				case NESTED: {
					modelAttributes(f, version, sequentialConfig(o));
					final WritableGroup root = f.putGroup("model_weights");
					final String baseName = String.format(Locale.ROOT, "mobilenetv2_%.2f_%d", o.alpha, o.inputSize);
					final List<String> names = new ArrayList<>();
					names.add(baseName);
					final WritableGroup g = root.putGroup(baseName);
					final List<String> weightNames = new ArrayList<>();
					for (final int pass : o.trainableFirst ? new int[] { 0, 1 } : new int[] { -1 })
						for (final LayerSpec l : base) {
							if (!l.hasWeights()) continue;
							final WritableGroup lg = pass == 1 ? (WritableGroup) g.getChild(l.name) : g.putGroup(l.name);
							for (final WeightSpec ws : l.weights) {
								final boolean moving = ws.name.startsWith("moving_");
								if (pass == 0 && moving || pass == 1 && !moving) continue;
								weightNames.add(l.name + "/" + ws.name + suffix);
								lg.putDataset(ws.name + suffix, array(w.get(l.name, ws.name)));
							}
						}
					g.putAttribute("weight_names", weightNames.toArray(new String[0]));
					names.add("global_average_pooling2d");
					root.putGroup("global_average_pooling2d");
					head(root, names, w, o, suffix);
					root.putAttribute("layer_names", names.toArray(new String[0]));
					root.putAttribute("backend", "tensorflow");
					root.putAttribute("keras_version", version);
					break;
				}
				case IMAGENET_NO_TOP: {
					final List<String> names = new ArrayList<>();
					names.add("input_1");
					f.putGroup("input_1");
					for (final LayerSpec l : base) {
						final String old = oldName(l.name);
						if (old == null) continue;
						names.add(old);
						layerGroup(f, old, old, l.weights, w, l.name, ":0");
					}
					f.putAttribute("layer_names", names.toArray(new String[0]));
					f.putAttribute("backend", "tensorflow");
					f.putAttribute("keras_version", "2.1.6");
					break;
				}
				default:
					throw new IllegalArgumentException(layout.toString());
			}
		}
		return w;
	}

	/**
	 * The layer names of keras-applications 1.0.x's MobileNetV2, which the ImageNet files use; null for
	 * layers it did not have (the ZeroPadding2D layers).
	 */
	public static String oldName(final String name) {
		final java.util.regex.Matcher m = java.util.regex.Pattern.compile("(expanded_conv|block_(\\d+))_(\\w+)").matcher(name);
		if (!m.matches()) return name;
		final String b = m.group(2) == null ? "0" : m.group(2);
		switch (m.group(3)) {
			case "expand": return "mobl" + b + "_conv_expand";
			case "expand_BN": return "bn" + b + "_conv_bn_expand";
			case "expand_relu": return "conv_" + b + "_relu";
			case "pad": return null;
			case "depthwise": return "mobl" + b + "_conv_depthwise";
			case "depthwise_BN": return "bn" + b + "_conv_depthwise";
			case "depthwise_relu": return "conv_dw_" + b + "_relu";
			case "project": return "mobl" + b + "_conv_project";
			case "project_BN": return b.equals("0") ? "bn0_conv_project" : "bn" + b + "_conv_bn_project";
			case "add": return "res_connect_" + b;
			default: throw new IllegalArgumentException(name);
		}
	}

	private static void head(final WritableGroup root, final List<String> names, final Weights w, final Options o, final String suffix) {
		names.add(o.denseName);
		denseGroup(root, o.denseName, w, KerasModelImporter.DENSE, suffix);
		names.add(o.dense1Name);
		denseGroup(root, o.dense1Name, w, KerasModelImporter.DENSE_1, suffix);
	}

	private static void denseGroup(final WritableGroup root, final String name, final Weights w, final String ours, final String suffix) {
		final WritableGroup g = root.putGroup(name).putGroup(name);
		g.putDataset("kernel" + suffix, array(w.get(ours, "kernel")));
		g.putDataset("bias" + suffix, array(w.get(ours, "bias")));
		((WritableNode) root.getChild(name)).putAttribute("weight_names", new String[] { name + "/kernel" + suffix, name + "/bias" + suffix });
	}

	/** Group `name` (weight_names `prefix/weight:0`, datasets at name/prefix/weight:0); nothing inside if weightless. */
	private static void layerGroup(final WritableGroup root, final String name, final String prefix, final List<WeightSpec> specs,
		final Weights w, final String ours, final String suffix)
	{
		final WritableGroup g = root.putGroup(name);
		if (specs.isEmpty()) return;
		final WritableGroup inner = g.putGroup(prefix);
		final String[] weightNames = new String[specs.size()];
		for (int i = 0; i < specs.size(); i++) {
			final String wn = specs.get(i).name;
			weightNames[i] = prefix + "/" + wn + suffix;
			inner.putDataset(wn + suffix, array(w.get(ours, wn)));
		}
		g.putAttribute("weight_names", weightNames);
	}

	private static void modelAttributes(final WritableGroup f, final String version, final String config) {
		f.putAttribute("keras_version", version);
		f.putAttribute("backend", "tensorflow");
		f.putAttribute("model_config", config);
	}

	private static String inputLayer(final Options o) {
		return "{\"class_name\": \"InputLayer\", \"config\": {\"" + (o.colonZero ? "batch_input_shape" : "batch_shape") +
			"\": [null, " + o.inputSize + ", " + o.inputSize + ", 3], \"dtype\": \"float32\", \"sparse\": false, \"name\": \"input_1\"}}";
	}

	private static String functionalConfig(final Options o) {
		return "{\"class_name\": \"Functional\", \"config\": {\"name\": \"model\", \"layers\": [" + inputLayer(o) +
			", {\"class_name\": \"Conv2D\", \"config\": {\"name\": \"Conv1\"}}]}}";
	}

	private static String sequentialConfig(final Options o) {
		return "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"sequential\", \"layers\": [{\"class_name\": \"Functional\", " +
			"\"config\": {\"name\": \"mobilenetv2\", \"layers\": [" + inputLayer(o) + "]}}, {\"class_name\": \"Dense\", \"config\": " +
			"{\"name\": \"" + o.denseName + "\", \"units\": " + o.hidden + ", \"activation\": \"relu\"}}]}}";
	}

	/** Plausible random weights: He-scaled kernels, BN statistics near identity. */
	private static Weights.Tensor random(final Random rnd, final String weight, final LayerSpec.Kind kind, final long[] shape) {
		switch (weight) {
			case "gamma": return uniform(rnd, 0.8, 1.2, shape);
			case "beta": return gaussian(rnd, 0.1, shape);
			case "moving_mean": return gaussian(rnd, 0.1, shape);
			case "moving_variance": return uniform(rnd, 0.5, 1.5, shape);
			default: {
				final long fanIn = kind == LayerSpec.Kind.DEPTHWISE ? shape[0] * shape[1] : shape[0] * shape[1] * shape[2];
				return gaussian(rnd, Math.sqrt(2.0 / fanIn), shape);
			}
		}
	}

	private static Weights.Tensor gaussian(final Random rnd, final double sd, final long... shape) {
		final float[] v = new float[(int) size(shape)];
		for (int i = 0; i < v.length; i++) v[i] = (float) (rnd.nextGaussian() * sd);
		return new Weights.Tensor(shape, v);
	}

	private static Weights.Tensor uniform(final Random rnd, final double lo, final double hi, final long... shape) {
		final float[] v = new float[(int) size(shape)];
		for (int i = 0; i < v.length; i++) v[i] = (float) (lo + (hi - lo) * rnd.nextDouble());
		return new Weights.Tensor(shape, v);
	}

	private static long size(final long[] shape) {
		long n = 1;
		for (final long d : shape) n *= d;
		return n;
	}

	/** A row-major float tensor as a Java multi-dimensional array, which jHDF writes with that shape. */
	static Object array(final Weights.Tensor t) {
		final int[] dims = new int[t.shape.length];
		for (int i = 0; i < dims.length; i++) dims[i] = (int) t.shape[i];
		final Object a = Array.newInstance(float.class, dims);
		fill(a, t.values, 0, dims, 0);
		return a;
	}

	private static int fill(final Object a, final float[] values, int pos, final int[] dims, final int depth) {
		if (depth == dims.length - 1) {
			System.arraycopy(values, pos, a, 0, dims[depth]);
			return pos + dims[depth];
		}
		for (int i = 0; i < dims[depth]; i++) pos = fill(Array.get(a, i), values, pos, dims, depth + 1);
		return pos;
	}
}
