package org.emotiontracking.core.classify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.emotiontracking.core.data.ImageDecoder;
import org.emotiontracking.core.detect.HaarCascadeDetector;
import org.emotiontracking.core.util.Setting;

/** The keys of Classify Emotions (CLI, macros and the Fiji dialog share them). */
public final class ClassifySettings {

	@Setting("Model: a .zip written by Train Emotion Model, its unpacked folder, or a Keras .h5")
	public Path model;
	@Setting("An image or video file, or a folder of images and videos (videos are analysed frame by frame)")
	public Path input;
	@Setting("Folder for the CSV log, the distribution chart and (with true labels) the confusion matrix and metrics")
	public Path output;
	@Setting("Also classify images in sub-folders; first-level sub-folders named like classes give true labels")
	public boolean recursive = false;
	@Setting("detect: classify every face found; whole: classify each whole image as one face")
	public FaceMode faces = FaceMode.DETECT;
	@Setting("Face detector model: an OpenCV Haar cascade .xml or a YuNet .onnx (default: the frontal-face cascade)")
	public Path detector;
	@Setting("Haar cascade: step between detection scales (> 1)")
	public double scale_factor = HaarCascadeDetector.DEFAULT_SCALE_FACTOR;
	@Setting("Haar cascade: raw detections needed to keep a face")
	public int min_neighbors = HaarCascadeDetector.DEFAULT_MIN_NEIGHBORS;
	@Setting("Smallest face side in pixels")
	public int min_face = HaarCascadeDetector.DEFAULT_MIN_FACE_SIZE;
	@Setting("Larger images are shrunk to this longer side for face detection (0 = never); smaller is faster but misses small faces")
	public int detection_size = HaarCascadeDetector.DEFAULT_MAX_DETECTION_SIDE;
	@Setting("Widen each face crop by this fraction of the face size on every side (0.1 = 10%)")
	public double margin = 0;
	@Setting("Classify only the largest face of each image")
	public boolean largest = false;
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

	/**
	 * Checks values and presence of the keys a run needs.
	 *
	 * @param needModel  whether {@code model} must be set (false when the caller passes a loaded model)
	 * @param needInput  whether {@code input} must be set and exist (false for in-memory images)
	 * @param needOutput whether {@code output} must be set (false: no report files are written)
	 * @throws IllegalArgumentException naming the key and the problem
	 */
	public void validate(final boolean needModel, final boolean needInput, final boolean needOutput) {
		if (needModel && model == null) throw new IllegalArgumentException(
			"No model given: set model= to a .zip, a model folder or a Keras .h5");
		if (needInput) {
			if (input == null) throw new IllegalArgumentException("No input given: set input= to an image or video file or a folder");
			if (!Files.exists(input)) throw new IllegalArgumentException("Input not found: " + input);
		}
		if (needOutput && output == null) throw new IllegalArgumentException("No output folder given: set output=");
		if (output != null && Files.exists(output) && !Files.isDirectory(output)) throw new IllegalArgumentException(
			"Output is a file, not a folder: " + output);
		if (faces == null) throw new IllegalArgumentException("faces must be detect or whole");
		if (!(scale_factor > 1)) throw new IllegalArgumentException("scale_factor must be greater than 1, got " + scale_factor);
		if (min_neighbors < 0) throw new IllegalArgumentException("min_neighbors must be 0 or more, got " + min_neighbors);
		if (min_face < 0) throw new IllegalArgumentException("min_face must be 0 or more, got " + min_face);
		if (detection_size < 0) throw new IllegalArgumentException("detection_size must be 0 or more, got " + detection_size);
		if (!(margin > -0.45 && margin <= 2)) throw new IllegalArgumentException("margin must be between -0.45 and 2, got " + margin);
		if (batch_size < 1 || batch_size > 1024) throw new IllegalArgumentException("batch_size must be 1 to 1024, got " + batch_size);
		if (max_pixels < 1) throw new IllegalArgumentException("max_pixels must be positive, got " + max_pixels);
		videoSelection(); // checks every, start, end
		if (max_frames < 0) throw new IllegalArgumentException("max_frames must be 0 or more, got " + max_frames);
		if (!(duration >= 0) || Double.isInfinite(duration)) throw new IllegalArgumentException("duration must be >= 0 seconds, got " + duration);
		if (smoothing < 0) throw new IllegalArgumentException("smoothing must be 0 or more, got " + smoothing);
	}
}
