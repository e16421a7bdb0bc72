package org.emotiontracking.core.explain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.emotiontracking.core.classify.FaceMode;
import org.emotiontracking.core.data.Shard;
import org.emotiontracking.core.detect.FaceDetectionSettings;
import org.emotiontracking.core.model.EmotionModelSettings;
import org.emotiontracking.core.util.Required;
import org.emotiontracking.core.util.Setting;

/**
 * The keys of Grad-CAM Overlay (CLI, macros and the Fiji dialog share them); the model keys are those of
 * {@link EmotionModelSettings}, the face-detection keys those of {@link FaceDetectionSettings}, shared
 * with Classify and Live.
 */
public final class GradCamSettings extends EmotionModelSettings {

	@Setting("An image file or a folder of images")
	public Path input;
	@Setting("Folder for <name>_gradcam.png and <name>_heatmap.tif")
	public Path output;
	@Setting("Also process images in sub-folders (their folder structure is kept in the output)")
	public boolean recursive = false;
	@Setting("detect: find faces with the detector; whole: each image is one face")
	public FaceMode faces = FaceMode.DETECT;
	@Setting("Class to explain: predicted, or a class name")
	public String target = GradCam.PREDICTED;
	@Setting(
		"Layer to explain, e.g. Conv_1, out_relu, block_13_expand_relu (default: the model's Grad-CAM layer; for "
		+ "gradcam++ the ReLU after it)")
	public String layer = "";
	@Setting(value = "gradcam (as the notebook) or gradcam++", choices = { "gradcam", "gradcam++" })
	public String method = GradCamMethod.GRADCAM.id;
	@Setting(value = "Weight of the heatmap in the overlay, 0..1 (the notebook: 0.4)", range = "[0, 1]")
	public double alpha = Heatmaps.DEFAULT_ALPHA;
	@Setting("Replace existing output files")
	public boolean overwrite = false;
	@Setting(
		"Explain only shard i/n of the input folder (images sorted by relative path, slice [i*N/n, (i+1)*N/n)); "
		+ "shards write disjoint files; empty: everything")
	public String shard = "";

	/** The {@code shard} key parsed ({@link Shard#ALL} when empty). */
	public Shard shard() {
		return Shard.parseOrAll(shard);
	}

	/**
	 * Checks every key against its limits (method= also as gradcampp, grad-cam++, ...) and what the
	 * caller's context requires.
	 *
	 * @param required {@link Required#INPUT}: input= is set and exists (not for images in memory);
	 *          {@link Required#OUTPUT}: output= is set (files are written)
	 * @throws IllegalArgumentException naming the key and the problem
	 */
	@Override
	public void validate(final Required... required) {
		final List<Required> r = Arrays.asList(required);
		if (r.contains(Required.INPUT)) {
			if (input == null) throw new IllegalArgumentException("No input given: set input= to an image or a folder");
			if (!Files.exists(input)) throw new IllegalArgumentException("Input not found: " + input);
		}
		if (r.contains(Required.OUTPUT) && output == null) throw new IllegalArgumentException(
			"No output folder given: set output=");
		if (output != null && Files.exists(output) && !Files.isDirectory(output)) throw new IllegalArgumentException(
			"Output is not a folder: " + output);
		method = GradCamMethod.fromId(method).id;
		super.validate(required);
		if (!shard().isAll() && input != null && output != null && Files.isDirectory(input)) {
			final Path in = input.toAbsolutePath().normalize(), out = output.toAbsolutePath().normalize();
			if (out.equals(in) || recursive && out.startsWith(in)) throw new IllegalArgumentException(
				"shard= needs an output= folder outside the input folder " + input +
					" (its images must be the same for every shard): got " + output);
		}
	}
}
