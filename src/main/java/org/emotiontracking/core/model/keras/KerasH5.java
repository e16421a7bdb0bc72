package org.emotiontracking.core.model.keras;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.emotiontracking.core.model.LayerSpec;
import org.emotiontracking.core.model.LayerSpec.WeightSpec;
import org.emotiontracking.core.model.MobileNetV2Architecture;
import org.emotiontracking.core.model.Weights;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

/**
 * Reads the legacy Keras HDF5 weight layout (what {@code model.save('x.h5')} and
 * {@code model.save_weights('x.h5')} write in Keras 2.x, and Keras 3's legacy h5 writer) and matches a
 * MobileNetV2 base in it, by order and shape, to {@link MobileNetV2Architecture}.
 */
final class KerasH5 {

	/** One weight of a layer in the file: its role ("kernel", "gamma", ...), path and shape. */
	static final class FileWeight {
		final String role;
		final String path;
		final Dataset dataset;
		final int[] shape;

		FileWeight(final String role, final String path, final Dataset dataset) {
			this.role = role;
			this.path = path;
			this.dataset = dataset;
			this.shape = dataset.getDimensions();
		}
	}

	/**
	 * A layer that owns weights, as found in the file. For a base nested as one Keras layer, each of its
	 * inner layers is one FileLayer.
	 */
	static final class FileLayer {
		final String name;
		final String group;
		final List<FileWeight> weights = new ArrayList<>();

		FileLayer(final String name, final String group) {
			this.name = name;
			this.group = group;
		}

		List<String> roles() {
			final List<String> r = new ArrayList<>();
			for (final FileWeight w : weights) r.add(w.role);
			return r;
		}

		/** A Dense layer: a 2-D kernel and a 1-D bias. */
		boolean isDense() {
			if (weights.size() != 2) return false;
			return weights.get(0).shape.length == 2 && weights.get(1).shape.length == 1 ||
				weights.get(0).shape.length == 1 && weights.get(1).shape.length == 2;
		}

		FileWeight denseKernel() {
			return weights.get(0).shape.length == 2 ? weights.get(0) : weights.get(1);
		}

		FileWeight denseBias() {
			return weights.get(0).shape.length == 1 ? weights.get(0) : weights.get(1);
		}
	}

	private KerasH5() {}

	/** Opens an HDF5 file, or explains what the file is instead. */
	static HdfFile open(final Path file) throws KerasFormatException {
		if (file == null) throw new KerasFormatException("No model file given.");
		if (Files.isDirectory(file)) throw new KerasFormatException(file + " is a folder, not a Keras .h5 file" +
			(Files.exists(file.resolve("saved_model.pb"))
			? " (it is a TensorFlow SavedModel; in the notebook, save the model with model.save('model.h5') instead)."
			: "."));
		if (!Files.isRegularFile(file)) throw new KerasFormatException(file + " does not exist.");
		final byte[] head = new byte[8];
		int n = 0;
		try (InputStream in = Files.newInputStream(file)) {
			n = in.readNBytes(head, 0, head.length);
		}
		catch (final IOException e) {
			throw new KerasFormatException(file + " cannot be read: " + e.getMessage(), e);
		}
		if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) throw new KerasFormatException(
			file +
			" is a zip archive (a Keras 3 '.keras' file?), not a Keras .h5 file. Save the model with "
			+ "model.save('model.h5') " + "(Keras 2) or keras.saving.save_model(model, 'model.h5') (Keras 3).");
		try {
			return new HdfFile(file);
		}
		catch (final RuntimeException e) {
			throw new KerasFormatException(file + " is not an HDF5 file, so not a Keras .h5 model (" + e.getMessage()
				+ ").", e);
		}
	}

	/** A jHDF failure while reading the file's structure. */
	static KerasFormatException broken(final Path file, final RuntimeException e) {
		return new KerasFormatException(file + ": cannot read this HDF5 file (damaged or unsupported: " + e + ").", e);
	}

	/** The group holding layer_names: model_weights for a whole model, the root for save_weights files. */
	static Group weightsRoot(final HdfFile f, final Path file) throws KerasFormatException {
		final Node mw = f.getChild("model_weights");
		if (mw instanceof Group) return (Group) mw;
		if (hasAttribute(f, "layer_names")) return f;
		throw new KerasFormatException(file + " is an HDF5 file but not a Keras model or weights file: it has neither "
			+ "a 'model_weights' group nor a 'layer_names' attribute.");
	}

	static boolean hasAttribute(final Node node, final String name) {
		final Map<String, Attribute> a = node.getAttributes();
		return a.containsKey(name) || a.containsKey(name + "0");
	}

	/**
	 * A string-array attribute as Keras writes it: variable- or fixed-length strings, possibly split into
	 * name0, name1, ... when large; an empty (float64) array gives an empty list; null when absent.
	 */
	static List<String> strings(final Node node, final String name) {
		final Map<String, Attribute> attrs = node.getAttributes();
		if (attrs.containsKey(name)) return toStrings(attrs.get(name));
		if (!attrs.containsKey(name + "0")) return null;
		final List<String> all = new ArrayList<>();
		for (int i = 0; attrs.containsKey(name + i); i++)
			all.addAll(toStrings(attrs.get(name + i)));
		return all;
	}

	private static List<String> toStrings(final Attribute a) {
		if (a.isEmpty()) return Collections.emptyList();
		final Object d = a.getData();
		if (d == null) return Collections.emptyList();
		if (d instanceof String) return Collections.singletonList((String) d);
		if (d instanceof String[]) return Arrays.asList((String[]) d);
		if (d.getClass().isArray() && Array.getLength(d) == 0) return Collections.emptyList();
		throw new IllegalStateException("attribute " + a.getName() + " holds " + d.getClass().getSimpleName()
			+ ", not strings");
	}

	/** A scalar string attribute, or null. */
	static String string(final Node node, final String name) {
		final Attribute a = node.getAttributes().get(name);
		if (a == null || a.isEmpty()) return null;
		final Object d = a.getData();
		if (d instanceof String) return (String) d;
		if (d instanceof String[] && ((String[]) d).length > 0) return ((String[]) d)[0];
		return null;
	}

	/**
	 * All weighted layers in the order Keras loads them: the groups in layer_names order, and inside a
	 * group (a nested model) its inner layers by first appearance in weight_names. If a nested group's
	 * inner layers all carry MobileNetV2 names, they are put in MobileNetV2's order (Keras writes a
	 * partly trainable nested model's trainable weights first).
	 */
	static List<FileLayer> readLayers(final Group root, final Path file) throws KerasFormatException {
		final List<String> layerNames;
		try {
			layerNames = strings(root, "layer_names");
		}
		catch (final RuntimeException e) {
			throw new KerasFormatException(file + ": cannot read the 'layer_names' attribute (" + e.getMessage() + ").",
				e);
		}
		if (layerNames == null) throw new KerasFormatException(file + ": no 'layer_names' attribute in "
			+ root.getPath() + "; not a Keras model or weights file.");
		final List<FileLayer> out = new ArrayList<>();
		for (final String layer : layerNames) {
			final Node node = root.getChild(layer);
			if (!(node instanceof Group)) throw new KerasFormatException(file + ": layer '" + layer +
				"' is listed in layer_names but has no group in the file.");
			final Group g = (Group) node;
			final List<String> weightNames;
			try {
				weightNames = strings(g, "weight_names");
			}
			catch (final RuntimeException e) {
				throw new KerasFormatException(file + ": layer '" + layer + "': cannot read 'weight_names' ("
					+ e.getMessage() + ").", e);
			}
			if (weightNames == null || weightNames.isEmpty()) {
				if (holdsDatasets(g)) throw new KerasFormatException(file + ": layer '" + layer +
					"' holds weights but has no 'weight_names' attribute, so their order is unknown.");
				continue;
			}
			final Map<String, FileLayer> inner = new LinkedHashMap<>();
			for (final String wn : weightNames) {
				final Dataset ds = dataset(g, wn);
				if (ds == null) throw new KerasFormatException(file + ": layer '" + layer + "' lists weight '" + wn +
					"' but the file has no dataset " + g.getPath() + wn + ".");
				if (!isFloat(ds)) continue; // e.g. a Keras 3 random layer's seed_generator_state: not a weight
				final int slash = wn.lastIndexOf('/');
				final String prefix = slash < 0 ? "" : wn.substring(0, slash);
				final String innerName = prefix.isEmpty() ? layer : prefix.substring(prefix.lastIndexOf('/') + 1);
				final String role = wn.substring(slash + 1).replaceFirst(":\\d+$", "");
				inner.computeIfAbsent(prefix, p -> new FileLayer(innerName, layer))
					.weights.add(new FileWeight(role, wn, ds));
			}
			final List<FileLayer> layers = new ArrayList<>(inner.values());
			if (layers.size() > 1) sortByArchitecture(layers);
			out.addAll(layers);
		}
		return out;
	}

	private static void sortByArchitecture(final List<FileLayer> layers) {
		final Map<String, Integer> index = new HashMap<>();
		int i = 0;
		for (final LayerSpec s : MobileNetV2Architecture.base(1.0))
			index.put(s.name, i++);
		final Set<String> seen = new HashSet<>();
		for (final FileLayer l : layers)
			if (!index.containsKey(l.name) || !seen.add(l.name)) return;
		layers.sort((a, b) -> Integer.compare(index.get(a.name), index.get(b.name)));
	}

	private static Dataset dataset(final Group g, final String name) {
		for (final String candidate : new String[] { name, name + ":0", name.replaceFirst(":\\d+$", "") }) {
			try {
				final Node n = g.getByPath(candidate);
				if (n instanceof Dataset) return (Dataset) n;
			}
			catch (final RuntimeException e) {
				// try the next spelling
			}
		}
		return null;
	}

	private static boolean isFloat(final Dataset ds) {
		final Class<?> t = ds.getJavaType();
		return t == float.class || t == double.class || t == Float.class || t == Double.class;
	}

	private static boolean holdsDatasets(final Group g) {
		for (final Node n : g.getChildren().values()) {
			if (n instanceof Dataset) return true;
			if (n instanceof Group && holdsDatasets((Group) n)) return true;
		}
		return false;
	}

	/** The weighted layers of the MobileNetV2 base for this alpha, in Keras order. */
	static List<LayerSpec> weightedBase(final double alpha) {
		final List<LayerSpec> out = new ArrayList<>();
		for (final LayerSpec s : MobileNetV2Architecture.base(alpha))
			if (s.hasWeights()) out.add(s);
		return out;
	}

	/**
	 * Finds the alpha whose base matches the file's layers exactly, by order and shape; throws with the
	 * first mismatch against the closest alpha otherwise.
	 *
	 * @param alpha the required alpha, or null to try {@link MobileNetV2Architecture#ALPHAS}
	 */
	static double matchBase(final List<FileLayer> base, final Path file,
		final Double alpha) throws KerasFormatException {
		final List<Double> candidates = alpha != null ? Collections.singletonList(alpha)
			: MobileNetV2Architecture.ALPHAS;
		double best = candidates.get(0);
		int bestPrefix = -1;
		for (final double a : candidates) {
			final List<LayerSpec> specs = weightedBase(a);
			int prefix = 0;
			while (prefix < Math.min(specs.size(), base.size())
				&& mismatch(base.get(prefix), specs.get(prefix), a) == null) prefix++;
			if (prefix == specs.size() && prefix == base.size()) return a;
			if (prefix > bestPrefix) {
				bestPrefix = prefix;
				best = a;
			}
		}
		final List<LayerSpec> specs = weightedBase(best);
		final String which = alpha != null ? "" : ", the closest fit among alphas "
			+ MobileNetV2Architecture.ALPHAS.toString().replaceAll("[\\[\\]]", "");
		if (bestPrefix < Math.min(specs.size(), base.size())) throw new KerasFormatException(file + ": " +
			mismatch(base.get(bestPrefix), specs.get(bestPrefix), best) + which + ".");
		if (base.isEmpty()) throw new KerasFormatException(file + ": no MobileNetV2 layers with weights found.");
		throw new KerasFormatException(file + ": the MobileNetV2 base in the file has " + base.size()
			+ " layers with weights, expected " + specs.size() + " for alpha " + best + which
			+ (base.size() > specs.size() ? "; the first extra one is '" + base.get(specs.size()).name + "'"
			: "; it ends after '" + base.get(base.size() - 1).name + "'")
			+ ". Only MobileNetV2(include_top=False) + GlobalAveragePooling2D + Dense + Dense is supported.");
	}

	/** Null when the file layer fits the spec; otherwise why not, naming the layer and both shapes. */
	static String mismatch(final FileLayer fl, final LayerSpec spec, final double alpha) {
		final String name = "layer " + spec.name + (fl.name.equals(spec.name) ? "" : " ('" + fl.name
			+ "' in the file)");
		final List<FileWeight> ordered = ordered(fl, spec);
		if (ordered == null) {
			final List<String> expected = new ArrayList<>();
			for (final WeightSpec w : spec.weights) expected.add(w.toString().replace(" ", ""));
			final List<String> found = new ArrayList<>();
			for (final FileWeight w : fl.weights) found.add(w.role + shape(w.shape));
			return name + ": weights in file are " + found + ", expected " + expected + " for alpha " + alpha;
		}
		for (int i = 0; i < ordered.size(); i++) {
			final WeightSpec w = spec.weights.get(i);
			final int[] s = ordered.get(i).shape;
			if (!sameShape(s, w.shape)) return name + ": " + w.name + " in file is " + shape(s) + ", expected " +
				shape(w.shape) + " for alpha " + alpha;
		}
		return null;
	}

	/** The file's weights in the spec's order: by role name when they match, else by position (as Keras). */
	static List<FileWeight> ordered(final FileLayer fl, final LayerSpec spec) {
		if (fl.weights.size() != spec.weights.size()) return null;
		final Map<String, FileWeight> byRole = new HashMap<>();
		for (final FileWeight w : fl.weights) byRole.put(w.role, w);
		final List<FileWeight> out = new ArrayList<>();
		for (final WeightSpec w : spec.weights) {
			final FileWeight f = byRole.get(w.name);
			if (f == null) return new ArrayList<>(fl.weights);
			out.add(f);
		}
		return out;
	}

	/** Puts the matched base weights into w under MobileNetV2's names. */
	static void putBase(final Weights w, final List<FileLayer> base, final double alpha,
		final Path file) throws KerasFormatException {
		final List<LayerSpec> specs = weightedBase(alpha);
		for (int i = 0; i < specs.size(); i++) {
			final LayerSpec spec = specs.get(i);
			final List<FileWeight> ordered = ordered(base.get(i), spec);
			for (int j = 0; j < ordered.size(); j++) {
				final WeightSpec ws = spec.weights.get(j);
				w.put(spec.name, ws.name, new Weights.Tensor(ws.shape, floats(ordered.get(j), file)));
			}
		}
	}

	static float[] floats(final FileWeight w, final Path file) throws KerasFormatException {
		final Object d;
		try {
			d = w.dataset.getDataFlat();
		}
		catch (final RuntimeException e) {
			throw new KerasFormatException(file + ": cannot read weight " + w.path + " (" + e.getMessage() + ").", e);
		}
		if (d instanceof float[]) return (float[]) d;
		if (d instanceof double[]) {
			final double[] a = (double[]) d;
			final float[] f = new float[a.length];
			for (int i = 0; i < a.length; i++) f[i] = (float) a[i];
			return f;
		}
		throw new KerasFormatException(file + ": weight " + w.path + " holds "
			+ (d == null ? "nothing" : d.getClass().getSimpleName()) + ", not floating-point numbers.");
	}

	static long[] longs(final int[] shape) {
		final long[] l = new long[shape.length];
		for (int i = 0; i < shape.length; i++) l[i] = shape[i];
		return l;
	}

	static boolean sameShape(final int[] a, final long[] b) {
		if (a.length != b.length) return false;
		for (int i = 0; i < a.length; i++)
			if (a[i] != b[i]) return false;
		return true;
	}

	static String shape(final int[] s) {
		return shape(longs(s));
	}

	static String shape(final long[] s) {
		final StringBuilder b = new StringBuilder("[");
		for (int i = 0; i < s.length; i++) b.append(i > 0 ? "," : "").append(s[i]);
		return b.append(']').toString();
	}
}
