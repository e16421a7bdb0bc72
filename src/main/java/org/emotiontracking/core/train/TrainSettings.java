package org.emotiontracking.core.train;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.emotiontracking.core.util.Setting;

/** The keys of Train Emotion Model (CLI, macros and the Fiji dialog share them). */
public final class TrainSettings {

	@Setting("Folder with one sub-folder of images per emotion")
	public Path dataset;
	@Setting("Folder for the model and reports")
	public Path output;
	@Setting("Class order, comma-separated (default: sorted sub-folder names)")
	public List<String> classes = new ArrayList<>();
	@Setting("Fraction of each class held out for validation (stratified, seeded)")
	public double validation = 0.2;
	@Setting("A separate validation folder with the same class sub-folders (overrides validation=)")
	public Path validation_dataset;
	@Setting("Random rotation, zoom, shift, flip, brightness and contrast on training images")
	public boolean augment = true;
	@Setting("Base weights: imagenet, none (train every layer from scratch) or a Keras .h5 file")
	public String weights = "imagenet";
	@Setting("Unfreeze the top N inverted-residual blocks of the base (0 = frozen base)")
	public int fine_tune = 0;
	@Setting("Adam learning rate")
	public double learning_rate = 0.001;
	@Setting("Epochs over which the learning rate rises linearly from near 0 to learning_rate (0 = none)")
	public double warmup_epochs = 0;
	@Setting("Number of passes over the training images")
	public int epochs = 16;
	@Setting("Images per training step")
	public int batch_size = 32;
	@Setting("Input size in pixels (32 to 224)")
	public int image_size = 224;
	@Setting("MobileNetV2 width multiplier (0.35, 0.5, 0.75, 1.0, 1.3, 1.4)")
	public double alpha = 1.0;
	@Setting("Units of the hidden dense layer of the head")
	public int hidden_units = 128;
	@Setting("Dropout rate before the output layer")
	public double dropout = 0.2;
	@Setting("Random seed: same seed, same split and augmentation")
	public long seed = 42;
	@Setting("Stop after this many epochs without a better monitored value (0 = never)")
	public int patience = 0;
	@Setting("Start no epoch that would end after this many seconds of training (the mean epoch so far predicts it); 0 = no limit")
	public double time_budget = 0;
	@Setting("What picks the best epoch (the one saved) and drives patience: val_loss or val_accuracy")
	public String monitor = "val_loss";
	@Setting("Replace existing output files")
	public boolean overwrite = false;
	@Setting("Folder searched for Keras ImageNet weight files after ~/.keras/models")
	public Path models = Paths.get("models");
	@Setting("Grad-CAM overlay for the first image of each class")
	public boolean gradcam = true;
	@Setting("Also store an int8 ONNX model (static per-channel quantization calibrated on training images), used by ONNX Runtime only when its validation accuracy is within one point of fp32")
	public boolean int8 = false;
}
