package org.emotiontracking.core.detect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

import org.emotiontracking.core.util.Required;
import org.emotiontracking.core.util.Setting;
import org.emotiontracking.core.util.Settings;

/**
 * The face-detection keys, declared once and shared by every command that finds faces (Classify
 * Emotions, Grad-CAM Overlay, Live): their settings classes extend this one, so the keys, defaults,
 * limits and help texts are the same everywhere. {@link #validate(Required...)} checks them and
 * {@link FaceDetectors#open(FaceDetectionSettings)} opens the detector they name.
 */
public class FaceDetectionSettings {

	/** detector= value of the full-range BlazeFace model (the default). */
	public static final String BLAZEFACE = "blazeface";
	/** detector= value of the short-range BlazeFace model. */
	public static final String BLAZEFACE_SHORT = "blazeface-short";
	/** detector= value of the notebook's Haar cascade. */
	public static final String HAAR = "haar";
	/** Smallest and largest margin: below -0.45 a crop would be less than a tenth of the face. */
	public static final double MIN_MARGIN = -0.45, MAX_MARGIN = 2;

	@Setting(
		"Face detector: blazeface (MediaPipe full range), blazeface-short (close-ups), haar (the notebook's "
		+ "cascade), or a file: a Haar cascade .xml, a YuNet .onnx or a BlazeFace .tflite")
	public String detector = BLAZEFACE;
	@Setting(value = "BlazeFace and YuNet: keep faces with at least this probability (0..1)", range = "[0, 1]")
	public double min_confidence = BlazeFaceDetector.DEFAULT_MIN_CONFIDENCE;
	@Setting(
		"BlazeFace: also look at overlapping tiles so small faces are found: auto (images: when the whole image has "
		+ "no face, and for images of 1000 px or more; video frames: a tiled check every 2 s and 60 analysed "
		+ "frames that keeps tiling while it finds more faces), on, off")
	public TileMode tiles = TileMode.AUTO;
	@Setting(value = "Haar cascade: step between detection scales (> 1)", range = "(1, )")
	public double scale_factor = HaarCascadeDetector.DEFAULT_SCALE_FACTOR;
	@Setting(value = "Haar cascade: raw detections needed to keep a face", range = "[0, )")
	public int min_neighbors = HaarCascadeDetector.DEFAULT_MIN_NEIGHBORS;
	@Setting(value = "Smallest face side in image pixels (smaller faces are ignored)", range = "[0, )")
	public int min_face = HaarCascadeDetector.DEFAULT_MIN_FACE_SIZE;
	@Setting(value =
		"Haar and YuNet: larger images are shrunk to this longer side for detection (0 = never); smaller is faster "
		+ "but misses small faces", range = "[0, )")
	public int detection_size = HaarCascadeDetector.DEFAULT_MAX_DETECTION_SIDE;
	@Setting(value = "Widen each face crop by this fraction of the face size on every side (0.1 = 10%; -0.45 to 2)",
		range = "[" + MIN_MARGIN + ", " + MAX_MARGIN + "]")
	public double margin = 0;
	@Setting("Only the largest face of each image (or frame)")
	public boolean largest = false;
	@Setting(
		"Rotate each face crop about its centre so the eyes are level before classifying and Grad-CAM (detectors "
		+ "with keypoints: BlazeFace, YuNet)")
	public boolean align = true;

	/**
	 * Checks every key against its {@link Setting} limits ({@link Settings#check}) and that a detector
	 * is named (not whether a detector file exists: {@link FaceDetectors#open} says that, naming the
	 * file). The settings classes that extend this one add their own checks and what
	 * {@code required} asks for.
	 *
	 * @param required what the caller needs set besides valid values (see the subclasses)
	 * @throws IllegalArgumentException naming the key and the allowed values
	 */
	public void validate(final Required... required) {
		Settings.check(this);
		if (detector == null || detector.trim().isEmpty()) throw new IllegalArgumentException(
			"detector must be blazeface, blazeface-short, haar or a detector file (.xml, .onnx, .tflite)");
	}

	/** @deprecated the same as {@link #validate(Required...)} with nothing required. */
	@Deprecated
	public void validateDetection() {
		validate();
	}

	/** The detection keys of {@code from} copied into this object; returns this. */
	public FaceDetectionSettings copyDetection(final FaceDetectionSettings from) {
		detector = from.detector;
		min_confidence = from.min_confidence;
		tiles = from.tiles;
		scale_factor = from.scale_factor;
		min_neighbors = from.min_neighbors;
		min_face = from.min_face;
		detection_size = from.detection_size;
		margin = from.margin;
		largest = from.largest;
		align = from.align;
		return this;
	}

	/** The detector file named by {@code detector}, or null for a built-in detector name. */
	public Path detectorFile() {
		final String d = detector == null ? "" : detector.trim();
		final String lower = d.toLowerCase(Locale.ROOT);
		if (lower.equals(BLAZEFACE) || lower.equals(BLAZEFACE_SHORT) || lower.equals(HAAR)) return null;
		return Paths.get(d);
	}

	/** Sets {@code detector} to a file (null: the default detector). */
	public FaceDetectionSettings detectorFile(final Path file) {
		detector = file == null ? BLAZEFACE : file.toString();
		return this;
	}

	/** Whether {@code detector} names an existing file or a built-in detector (for early checks). */
	public boolean detectorExists() {
		final Path f = detectorFile();
		return f == null || Files.isRegularFile(f);
	}
}
