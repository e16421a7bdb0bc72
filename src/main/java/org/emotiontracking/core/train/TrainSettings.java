package org.emotiontracking.core.train;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.emotiontracking.core.model.MobileNetV2Architecture;
import org.emotiontracking.core.util.Required;
import org.emotiontracking.core.util.Setting;
import org.emotiontracking.core.util.Settings;

/** The keys of Train Emotion Model (CLI, macros and the Fiji dialog share them). */
public final class TrainSettings {

	@Setting("Folder with one sub-folder of images per emotion")
	public Path dataset;
	@Setting("Folder for the model and reports")
	public Path output;
	@Setting("Class order, comma-separated (default: sorted sub-folder names)")
	public List<String> classes = new ArrayList<>();
	@Setting(value = "Fraction of each class held out for validation (stratified, seeded)", range = "[0, 1)")
	public double validation = 0.2;
	@Setting("A separate validation folder with the same class sub-folders (overrides validation=)")
	public Path validation_dataset;
	@Setting("Random rotation, zoom, shift, flip, brightness and contrast on training images")
	public boolean augment = true;
	@Setting("Base weights: imagenet, none (train every layer from scratch) or a Keras .h5 file")
	public String weights = "imagenet";
	// MobileNetV2Architecture.BLOCK_COUNT
	@Setting(value = "Unfreeze the top N inverted-residual blocks of the base (0 = frozen base)", range = "[0, 17]")
	public int fine_tune = 0;
	@Setting(value = "Adam learning rate", range = "(0, )")
	public double learning_rate = 0.001;
	@Setting(value = "Epochs over which the learning rate rises linearly from near 0 to learning_rate (0 = none)",
		range = "[0, )")
	public double warmup_epochs = 0;
	@Setting(value = "Number of passes over the training images", range = "[1, )")
	public int epochs = 16;
	@Setting(value = "Images per training step", range = "[1, )")
	public int batch_size = 32;
	@Setting(value = "Input size in pixels (32 to 224)", range = "[" + MobileNetV2Architecture.MIN_SIZE + ", " +
		MobileNetV2Architecture.MAX_SIZE + "]")
	public int image_size = 224;
	@Setting(value = "MobileNetV2 width multiplier (0.35, 0.5, 0.75, 1.0, 1.3, 1.4)", range = "(0, )")
	public double alpha = 1.0;
	@Setting(value = "Units of the hidden dense layer of the head", range = "[1, )")
	public int hidden_units = 128;
	@Setting(value = "Dropout rate before the output layer", range = "[0, 1)")
	public double dropout = 0.2;
	@Setting("Random seed: same seed, same split and augmentation")
	public long seed = 42;
	@Setting(value = "Stop after this many epochs without a better monitored value (0 = never)", range = "[0, )")
	public int patience = 0;
	@Setting(value =
		"Start no epoch that would end after this many seconds of training (the mean epoch so far predicts it); 0 = "
		+ "no limit", range = "[0, )")
	public double time_budget = 0;
	@Setting(value = "What picks the best epoch (the one saved) and drives patience: val_loss or val_accuracy",
		choices = {
		"val_loss", "val_accuracy" })
	public String monitor = "val_loss";
	@Setting("Replace existing output files")
	public boolean overwrite = false;
	@Setting("Folder searched for Keras ImageNet weight files after ~/.keras/models")
	public Path models = Paths.get("models");
	@Setting("Grad-CAM overlay for the first image of each class")
	public boolean gradcam = true;
	@Setting(
		"Also store an int8 ONNX model (static per-channel quantization calibrated on training images), used by ONNX "
		+ "Runtime only when its validation accuracy is within one point of fp32")
	public boolean int8 = false;

	/**
	 * Checks every key against its limits and what the caller's context requires (the dataset
	 * folders are checked when they are scanned, with the problems of their images).
	 *
	 * @param required {@link Required#OUTPUT}: output= is set
	 * @throws IllegalArgumentException naming the key and the problem
	 */
	public void validate(final Required... required) {
		if (Arrays.asList(required).contains(Required.OUTPUT) && output == null) throw new IllegalArgumentException(
			"No output folder given: set output=");
		Settings.check(this);
	}
}
