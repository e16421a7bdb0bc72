package org.emotiontracking.core.classify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.emotiontracking.core.data.ImageDecoder;
import org.emotiontracking.core.data.Shard;
import org.emotiontracking.core.detect.FaceDetectionSettings;
import org.emotiontracking.core.model.InferenceEngine;
import org.emotiontracking.core.util.Setting;

/**
 * The keys of Classify Emotions (CLI, macros and the Fiji dialog share them); the face-detection keys
 * are those of {@link FaceDetectionSettings}, shared with Grad-CAM and Live.
 */
public final class ClassifySettings extends FaceDetectionSettings {

	@Setting("Model: builtin (the FER2013 model that ships with the plugin; also when empty), a .zip from Train Emotion Model, its unpacked folder, or a Keras .h5")
	public Path model;
	@Setting("Open a model archive even if its graph holds ops this project's models never use (a model is code: only for files you trust)")
	public boolean trust = false;
	@Setting("An image or video file, or a folder of images and videos (videos are analysed frame by frame)")
	public Path input;
	@Setting("Folder for the CSV log, the distribution chart and (with true labels) the confusion matrix and metrics")
	public Path output;
	@Setting("Also classify images in sub-folders; first-level sub-folders named like classes give true labels")
	public boolean recursive = false;
	@Setting("detect: classify every face found; whole: classify each whole image as one face")
	public FaceMode faces = FaceMode.DETECT;
	@Setting("Class names of a Keras .h5 model in output order, comma-separated (default: the notebook's seven)")
	public List<String> classes = new ArrayList<>();
	@Setting("Replace existing output files")
	public boolean overwrite = false;
	@Setting("Faces per inference batch")
	public int batch_size = 32;
	@Setting("Refuse images with more pixels than this (guards against decompression bombs)")
	public long max_pixels = ImageDecoder.DEFAULT_MAX_PIXELS;
	@Setting("Videos: analyse every Nth frame (1 = all)")
	public int every = 1;
	@Setting("Videos: start at this time in seconds")
	public double start = 0;
	@Setting("Videos: stop at this time in seconds (0 = the end)")
	public double end = 0;
	@Setting("Videos: stop after this many analysed frames per video (0 = no limit)")
	public long max_frames = 0;
	@Setting("Videos: stop after this many seconds of video per video (0 = no limit)")
	public double duration = 0;
	@Setting("Videos: average each face's probabilities over its last N analysed frames (0 = each frame on its own)")
	public int smoothing = 0;

	/** The frames of each video to analyse (every, start, end). */
	public org.emotiontracking.core.video.VideoSelection videoSelection() {
		return new org.emotiontracking.core.video.VideoSelection(every, start, end);
	}

	@Setting("Inference engine: onnxruntime (faster; models without an ONNX export run on TensorFlow) or tensorflow")
	public InferenceEngine engine = InferenceEngine.DEFAULT;
	@Setting("Threads of the inference engine (0 = all cores, or EMOTION_TRACKING_THREADS)")
	public int inference_threads = 0;
	@Setting("Classify only shard i/n of the input (files sorted by relative path, slice [i*N/n, (i+1)*N/n)) and write shard.json for merge; empty: everything")
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
	 * Checks values and presence of the keys a run needs.
	 *
	 * @param needModel  whether {@code model} must be set (false when the caller passes a loaded model)
	 * @param needInput  whether {@code input} must be set and exist (false for in-memory images)
	 * @param needOutput whether {@code output} must be set (false: no report files are written)
	 * @throws IllegalArgumentException naming the key and the problem
	 */
	public void validate(final boolean needModel, final boolean needInput, final boolean needOutput) {
		if (needInput) {
			if (input == null) throw new IllegalArgumentException("No input given: set input= to an image or video file or a folder");
			if (!Files.exists(input)) throw new IllegalArgumentException("Input not found: " + input);
		}
		if (needOutput && output == null) throw new IllegalArgumentException("No output folder given: set output=");
		if (output != null && Files.exists(output) && !Files.isDirectory(output)) throw new IllegalArgumentException(
			"Output is a file, not a folder: " + output);
		if (faces == null) throw new IllegalArgumentException("faces must be detect or whole");
		validateDetection();
		if (batch_size < 1 || batch_size > 1024) throw new IllegalArgumentException("batch_size must be 1 to 1024, got " + batch_size);
		if (engine == null) throw new IllegalArgumentException("engine must be onnxruntime or tensorflow");
		if (inference_threads < 0) throw new IllegalArgumentException("inference_threads must be 0 or more, got " + inference_threads);
		if (max_pixels < 1) throw new IllegalArgumentException("max_pixels must be positive, got " + max_pixels);
		shard();
		videoSelection(); // checks every, start, end
		if (max_frames < 0) throw new IllegalArgumentException("max_frames must be 0 or more, got " + max_frames);
		if (!(duration >= 0) || Double.isInfinite(duration)) throw new IllegalArgumentException("duration must be >= 0 seconds, got " + duration);
		if (smoothing < 0) throw new IllegalArgumentException("smoothing must be 0 or more, got " + smoothing);
	}
}
