package org.emotiontracking.core.classify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.emotiontracking.core.data.ImageDecoder;
import org.emotiontracking.core.data.Shard;
import org.emotiontracking.core.detect.FaceDetectionSettings;
import org.emotiontracking.core.model.EmotionModelSettings;
import org.emotiontracking.core.live.AnalysisSettings;
import org.emotiontracking.core.util.Required;
import org.emotiontracking.core.util.Setting;

/**
 * The keys of Classify Emotions (CLI, macros and the Fiji dialog share them); the model, engine and
 * video keys are those of {@link AnalysisSettings} (shared with Live) and {@link EmotionModelSettings},
 * the face-detection keys those of {@link FaceDetectionSettings}, shared with Grad-CAM and Live.
 */
public final class ClassifySettings extends AnalysisSettings {

	@Setting("An image or video file, or a folder of images and videos (videos are analysed frame by frame)")
	public Path input;
	@Setting("Folder for the CSV log, the distribution chart and (with true labels) the confusion matrix and metrics")
	public Path output;
	@Setting("Also classify images in sub-folders; first-level sub-folders named like classes give true labels")
	public boolean recursive = false;
	@Setting("detect: classify every face found; whole: classify each whole image as one face")
	public FaceMode faces = FaceMode.DETECT;
	@Setting("Replace existing output files")
	public boolean overwrite = false;
	@Setting(value = "Faces per inference batch", range = "[1, 1024]")
	public int batch_size = 32;
	@Setting(value = "Refuse images with more pixels than this (guards against decompression bombs)", range = "[1, )")
	public long max_pixels = ImageDecoder.DEFAULT_MAX_PIXELS;
	@Setting(
		"Classify only shard i/n of the input (files sorted by relative path, slice [i*N/n, (i+1)*N/n)) and write "
		+ "shard.json for merge; empty: everything")
	public String shard = "";

	/** The {@code shard} key parsed ({@link Shard#ALL} when empty). */
	public Shard shard() {
		return Shard.parseOrAll(shard);
	}

	/** Whether {@code shard} is set: the run is one shard of a larger one and writes a {@link ShardManifest}. */
	public boolean isShard() {
		return shard != null && !shard.trim().isEmpty();
	}

	/**
	 * Checks every key against its limits, the keys that go together (shard= needs input= and
	 * output=; end after start) and what the caller's context requires.
	 *
	 * @param required {@link Required#INPUT}: input= is set and exists (not for in-memory images);
	 *          {@link Required#OUTPUT}: output= is set (not when the caller shows the results itself)
	 * @throws IllegalArgumentException naming the key and the problem
	 */
	@Override
	public void validate(final Required... required) {
		final List<Required> r = Arrays.asList(required);
		if (r.contains(Required.INPUT) || isShard()) {
			if (input == null) throw new IllegalArgumentException(isShard()
				? "shard= needs input= (an image file or a folder): shards are slices of its files"
				: "No input given: set input= to an image or video file or a folder");
			if (!Files.exists(input)) throw new IllegalArgumentException("Input not found: " + input);
		}
		if ((r.contains(Required.OUTPUT) || isShard()) && output == null) throw new IllegalArgumentException(isShard()
			? "shard= needs output= (the shard's folder)" : "No output folder given: set output=");
		if (output != null && Files.exists(output) && !Files.isDirectory(output)) throw new IllegalArgumentException(
			"Output is a file, not a folder: " + output);
		super.validate(required);
		shard();
		videoSelection(); // end after start
	}
}
