package org.emotiontracking.core.explain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.emotiontracking.core.data.Shard;
import org.emotiontracking.core.detect.FaceDetectionSettings;
import org.emotiontracking.core.util.Setting;

/**
 * The keys of Grad-CAM Overlay (CLI, macros and the Fiji dialog share them); the face-detection keys
 * are those of {@link FaceDetectionSettings}, shared with Classify and Live.
 */
public final class GradCamSettings extends FaceDetectionSettings {

	@Setting("Model: builtin (the FER2013 model that ships with the plugin; also when empty), a .zip from Train Emotion Model, its unpacked folder, or a Keras .h5")
	public Path model;
	@Setting("Open a model archive even if its graph holds ops this project's models never use (a model is code: only for files you trust)")
	public boolean trust = false;
	@Setting("Class names of a Keras .h5 model in output order, comma-separated (default: the notebook's seven)")
	public List<String> classes = new ArrayList<>();
	@Setting("An image file or a folder of images")
	public Path input;
	@Setting("Folder for <name>_gradcam.png and <name>_heatmap.tif")
	public Path output;
	@Setting("Also process images in sub-folders (their folder structure is kept in the output)")
	public boolean recursive = false;
	@Setting("detect: find faces with the detector; whole: each image is one face")
	public String faces = "detect";
	@Setting("Class to explain: predicted, or a class name")
	public String target = GradCam.PREDICTED;
	@Setting("Layer to explain, e.g. Conv_1, out_relu, block_13_expand_relu (default: the model's Grad-CAM layer; for gradcam++ the ReLU after it)")
	public String layer = "";
	@Setting("gradcam (as the notebook) or gradcam++")
	public String method = GradCamMethod.GRADCAM.id;
	@Setting("Weight of the heatmap in the overlay, 0..1 (the notebook: 0.4)")
	public double alpha = Heatmaps.DEFAULT_ALPHA;
	@Setting("Replace existing output files")
	public boolean overwrite = false;
	@Setting("Explain only shard i/n of the input folder (images sorted by relative path, slice [i*N/n, (i+1)*N/n)); shards write disjoint files; empty: everything")
	public String shard = "";

	/** The {@code shard} key parsed ({@link Shard#ALL} when empty). */
	public Shard shard() {
		return Shard.parseOrAll(shard);
	}
}
