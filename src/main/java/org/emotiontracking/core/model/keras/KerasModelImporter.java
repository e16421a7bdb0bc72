package org.emotiontracking.core.model.keras;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.emotiontracking.core.model.MobileNetV2Architecture;
import org.emotiontracking.core.model.Weights;
import org.emotiontracking.core.model.keras.KerasH5.FileLayer;
import org.emotiontracking.core.model.keras.KerasH5.FileWeight;

import io.jhdf.HdfFile;
import io.jhdf.api.Group;

/**
 * Reads a notebook model saved by Keras ({@code model.save('model.h5')} in Keras 2.x, the legacy h5
 * format of Keras 3, or {@code model.save_weights('x.h5')}): a MobileNetV2 base (its layers flat, or
 * nested as one layer) followed by GlobalAveragePooling2D, Dense(128, relu) and Dense(n, softmax).
 * Like Keras, layers are matched by order, not by name, and every shape is checked.
 */
public final class KerasModelImporter {

	/** The notebook's classes, in the order it forced on training: a 7-class notebook model's outputs. */
	public static final List<String> NOTEBOOK_CLASSES = Collections.unmodifiableList(Arrays.asList(
		"disgust", "fear", "happy", "neutral", "sad", "surprise", "unhappy"));

	/** Our names of the head layers. */
	public static final String DENSE = "dense", DENSE_1 = "dense_1";

	private static final Pattern INPUT_SHAPE = Pattern.compile(
		"\"(?:batch_input_shape|batch_shape)\"\\s*:\\s*\\[\\s*(null|\\d+)\\s*,\\s*(null|\\d+)\\s*,"
			+ "\\s*(null|\\d+)\\s*,\\s*(null|\\d+)\\s*\\]");

	private KerasModelImporter() {}

	/**
	 * Reads the whole model.
	 *
	 * @throws KerasFormatException if the file is not such a model; the message names the file and, for
	 *           a shape mismatch, the layer and both shapes
	 */
	public static KerasModel read(final Path file) throws KerasFormatException {
		try (HdfFile f = KerasH5.open(file)) {
			return read(f, file);
		}
		catch (final RuntimeException e) {
			throw KerasH5.broken(file, e);
		}
	}

	private static KerasModel read(final HdfFile f, final Path file) throws KerasFormatException {
		final Group root = KerasH5.weightsRoot(f, file);
		final boolean whole = root != f;
		final List<FileLayer> layers = KerasH5.readLayers(root, file);
		final int n = layers.size();
		if (n == 0) throw new KerasFormatException(file + ": the file holds no layers with weights.");
		if (!layers.get(n - 1).isDense()) {
			final boolean baseOnly = n >= 2 && layers.get(0).weights.size() == 1 && layers.get(0).weights.get(0)
				.shape.length == 4 && !hasDense(layers);
			throw new KerasFormatException(file
				+ ": the model does not end in a Dense layer (the last layer with weights is '" +
				layers.get(n - 1).name + "' with " + layers.get(n - 1).roles() + ")" + (baseOnly
					? ". It holds only a MobileNetV2 base, like an ImageNet weights file: that is not a trained "
					+ "emotion model."
					: ". Expected MobileNetV2 -> GlobalAveragePooling2D -> Dense(128, relu) -> Dense(n, softmax)."));
		}
		if (n < 2 || !layers.get(n - 2).isDense()) throw new KerasFormatException(file
			+ ": the model ends in one Dense layer ('" +
			layers.get(n - 1).name
			+ "'), expected two: MobileNetV2 -> GlobalAveragePooling2D -> Dense(128, relu) -> Dense(n, softmax).");
		final FileLayer dense = layers.get(n - 2), dense1 = layers.get(n - 1);
		final List<FileLayer> base = layers.subList(0, n - 2);
		final double alpha = KerasH5.matchBase(base, file, null);

		final int features = MobileNetV2Architecture.featureChannels(alpha);
		final FileWeight k0 = dense.denseKernel(), b0 = dense.denseBias(), k1 = dense1.denseKernel(),
			b1 = dense1.denseBias();
		final int hidden = k0.shape[1], classes = k1.shape[1];
		check(file, dense, DENSE, "kernel", k0.shape, features, hidden);
		check(file, dense, DENSE, "bias", b0.shape, hidden);
		check(file, dense1, DENSE_1, "kernel", k1.shape, hidden, classes);
		check(file, dense1, DENSE_1, "bias", b1.shape, classes);

		final Weights w = new Weights();
		KerasH5.putBase(w, base, alpha, file);
		put(w, DENSE, "kernel", k0, file);
		put(w, DENSE, "bias", b0, file);
		put(w, DENSE_1, "kernel", k1, file);
		put(w, DENSE_1, "bias", b1, file);

		String version = KerasH5.string(f, "keras_version");
		if (version == null) version = KerasH5.string(root, "keras_version");
		String backend = KerasH5.string(f, "backend");
		if (backend == null) backend = KerasH5.string(root, "backend");
		return new KerasModel(file, w, alpha, inputShape(KerasH5.string(f, "model_config")), hidden, classes, version,
			backend, dense.name, dense1.name, whole);
	}

	/** [rows, cols, channels] of the first input shape in a Keras model_config JSON, or null. */
	static Integer[] inputShape(final String modelConfig) {
		if (modelConfig == null) return null;
		final Matcher m = INPUT_SHAPE.matcher(modelConfig);
		if (!m.find()) return null;
		final Integer[] s = new Integer[3];
		for (int i = 0; i < 3; i++) {
			final String g = m.group(i + 2);
			s[i] = "null".equals(g) ? null : Integer.valueOf(g);
		}
		return s;
	}

	private static boolean hasDense(final List<FileLayer> layers) {
		for (final FileLayer l : layers)
			if (l.isDense()) return true;
		return false;
	}

	private static void check(final Path file, final FileLayer l, final String ours, final String weight,
		final int[] shape, final long... expected) throws KerasFormatException
	{
		if (!KerasH5.sameShape(shape, expected)) throw new KerasFormatException(file + ": layer " + ours +
			(l.name.equals(ours) ? "" : " ('" + l.name + "' in the file)") + ": " + weight + " in file is "
			+ KerasH5.shape(shape) +
			", expected " + KerasH5.shape(expected) + (DENSE.equals(ours) && "kernel".equals(weight)
			? " (the base outputs " + expected[0] + " channels)" : ""));
	}

	private static void put(final Weights w, final String layer, final String weight, final FileWeight fw,
		final Path file) throws KerasFormatException
	{
		w.put(layer, weight, new Weights.Tensor(KerasH5.longs(fw.shape), KerasH5.floats(fw, file)));
	}
}
