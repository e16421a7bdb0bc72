package org.emotiontracking.core.model.keras;

import java.nio.file.Path;

import org.emotiontracking.core.model.Weights;

/**
 * A notebook model read from a Keras .h5 file: MobileNetV2 base -> GlobalAveragePooling2D ->
 * Dense(hidden, relu) -> Dense(classes, softmax), with its weights in this project's naming (the base's
 * Keras names, then "dense" and "dense_1").
 */
public final class KerasModel {

	/** The file it was read from. */
	public final Path file;
	/** Base layers under MobileNetV2's Keras names, then dense/kernel, dense/bias, dense_1/kernel, dense_1/bias. */
	public final Weights weights;
	/** MobileNetV2 width multiplier, inferred from the weight shapes. */
	public final double alpha;
	/** Input rows = cols from the model config (e.g. 224), or null if unknown or not square. */
	public final Integer inputSize;
	/** Input [rows, cols, channels] from the model config (entries may be null), or null if absent. */
	public final Integer[] inputShape;
	/** Units of the hidden Dense layer (128 in the notebook). */
	public final int hiddenUnits;
	/** Number of classes (the last Dense layer's units). */
	public final int classes;
	/** The keras_version attribute, e.g. "2.13.1", or null. */
	public final String kerasVersion;
	/** The backend attribute, e.g. "tensorflow", or null. */
	public final String backend;
	/** Names of the two Dense layers in the file, e.g. "dense_3" and "dense_4". */
	public final String denseName, dense1Name;
	/** Whether the file is a whole model (model.save) rather than a save_weights file. */
	public final boolean wholeModel;

	KerasModel(final Path file, final Weights weights, final double alpha, final Integer[] inputShape,
		final int hiddenUnits, final int classes, final String kerasVersion, final String backend,
		final String denseName, final String dense1Name, final boolean wholeModel)
	{
		this.file = file;
		this.weights = weights;
		this.alpha = alpha;
		this.inputShape = inputShape;
		this.inputSize = inputShape != null && inputShape[0] != null && inputShape[0].equals(inputShape[1])
			? inputShape[0] : null;
		this.hiddenUnits = hiddenUnits;
		this.classes = classes;
		this.kerasVersion = kerasVersion;
		this.backend = backend;
		this.denseName = denseName;
		this.dense1Name = dense1Name;
		this.wholeModel = wholeModel;
	}

	@Override
	public String toString() {
		return "Keras " + (kerasVersion == null ? "?" : kerasVersion) + " MobileNetV2 alpha " + alpha + ", input "
			+ (inputSize == null ? "unknown" : inputSize + " px") + ", Dense(" + hiddenUnits + ") -> Dense(" + classes
			+ ") from " + file;
	}
}
