package org.emotiontracking.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.emotiontracking.core.model.ModelMetadata;
import org.emotiontracking.core.model.Preprocessing;
import org.emotiontracking.core.model.ResizeMethod;
import org.emotiontracking.core.model.tfjs.TfjsConverter;
import org.emotiontracking.core.util.ProgressListener;
import org.emotiontracking.core.util.Setting;

/** `convert`: a TensorFlow.js graph model (image in, class probabilities out) -> a model archive. */
final class ConvertCli extends SettingsCli<ConvertCli.Keys> {

	ConvertCli() {
		super("convert",
			"Convert a TensorFlow.js graph model (image in, class probabilities out) into a model archive",
			Keys::new);
	}

	public static final class Keys {
		@Setting("The TF.js graph model's model.json (its .bin weight files beside it)")
		public Path input;
		@Setting("The model archive to write (.zip)")
		public Path output;
		@Setting("Class names in the model's output order, comma-separated")
		public List<String> classes = new ArrayList<>();
		@Setting(
			"auto (grayscale_rescale_1_255 for one-channel inputs, rescale_1_255 for RGB), or "
			+ "grayscale_rescale_1_255, grayscale_minus1_1, rescale_1_255, mobilenet_v2")
		public String preprocessing = "auto";
		@Setting("How faces are resized to the input: area or nearest")
		public String resize = ResizeMethod.AREA.id;
		@Setting("Input size in pixels, for models whose input does not fix it")
		public int input_size = 0;
		@Setting("Default Grad-CAM layer (default: the last convolution)")
		public String layer = "";
		@Setting("Architecture name recorded in metadata.json")
		public String architecture = "TF.js graph model";
		@Setting("The model's licence, recorded in metadata.json")
		public String licence = "";
		@Setting("Replace an existing output file")
		public boolean overwrite = false;
	}

	@Override
	int run(final Keys k, final ProgressListener progress) throws Exception {
		if (k.input == null) throw new IllegalArgumentException("Set input= to a TF.js model.json");
		if (k.output == null) throw new IllegalArgumentException("Set output= to the archive (.zip) to write");
		if (k.classes.size() < 2) throw new IllegalArgumentException("Set classes= to the class names in output order");
		if (Files.exists(k.output) && !k.overwrite) throw new IllegalArgumentException("Output exists: " + k.output +
			" (add overwrite=true to replace it)");
		final TfjsConverter.Options o = new TfjsConverter.Options();
		o.classNames = k.classes;
		o.preprocessing = k.preprocessing.equals("auto") ? null : Preprocessing.fromId(k.preprocessing);
		o.resize = ResizeMethod.fromId(k.resize);
		o.inputSize = k.input_size;
		o.gradcamLayer = k.layer;
		o.architecture = k.architecture;
		o.licence = k.licence.isEmpty() ? null : k.licence;
		progress.log("Converting " + k.input);
		final ModelMetadata m = TfjsConverter.convert(k.input, k.output, o);
		progress.log(String.format(Locale.ROOT,
			"Wrote %s: %d px input, preprocessing %s, classes %s, Grad-CAM layer %s (layers: %s)", k.output,
			m.input_size,
			m.preprocessing, String.join(",", m.class_names), m.gradcam_layer, String.join(", ", m.gradcam_layers)));
		return 0;
	}
}
