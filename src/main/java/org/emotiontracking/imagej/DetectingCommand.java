package org.emotiontracking.imagej;

import org.emotiontracking.core.detect.BlazeFaceDetector;
import org.emotiontracking.core.detect.FaceDetectionSettings;
import org.emotiontracking.core.detect.HaarCascadeDetector;
import org.scijava.plugin.Parameter;

/**
 * Base of the commands that find faces (Classify Emotions, Grad-CAM Overlay, Live Webcam): one
 * {@code @Parameter} field per key of {@link FaceDetectionSettings}, declared once here, so that every
 * such command offers the same detection keys with the same defaults and limits.
 *
 * @param <S> the command's settings class, which extends {@link FaceDetectionSettings}
 */
public abstract class DetectingCommand<S extends FaceDetectionSettings> extends EmotionCommand<S> {

	/** blazeface, blazeface-short, haar, or the path of a .xml / .onnx / .tflite detector file. */
	@Parameter(required = false)
	private String detector = FaceDetectionSettings.BLAZEFACE;
	@Parameter(min = "0", max = "1", stepSize = "0.05")
	private double min_confidence = BlazeFaceDetector.DEFAULT_MIN_CONFIDENCE;
	@Parameter(choices = { "auto", "on", "off" })
	private String tiles = "auto";
	@Parameter(min = "1.01")
	private double scale_factor = HaarCascadeDetector.DEFAULT_SCALE_FACTOR;
	@Parameter(min = "0")
	private int min_neighbors = HaarCascadeDetector.DEFAULT_MIN_NEIGHBORS;
	@Parameter(min = "0")
	private int min_face = HaarCascadeDetector.DEFAULT_MIN_FACE_SIZE;
	@Parameter(min = "0")
	private int detection_size = HaarCascadeDetector.DEFAULT_MAX_DETECTION_SIDE;
	@Parameter(min = "-0.45", max = "2", stepSize = "0.05")
	private double margin = 0;
	@Parameter
	private boolean largest = false;
	@Parameter
	private boolean align = new FaceDetectionSettings().align;
}
