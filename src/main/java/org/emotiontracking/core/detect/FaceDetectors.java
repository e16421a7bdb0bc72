package org.emotiontracking.core.detect;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens a {@link FaceDetector}: the one factory behind every command ({@link #open(FaceDetectionSettings)}).
 */
public final class FaceDetectors {

	private FaceDetectors() {}

	/**
	 * The detector the settings name ({@code detector=}: blazeface, blazeface-short, haar, or a
	 * .xml / .onnx / .tflite file) with their parameters, after {@link FaceDetectionSettings#validate}.
	 * Every detector drops faces smaller than {@code min_face}.
	 *
	 * @throws DetectorLoadException naming the file and what was expected, if it is missing or wrong
	 * @throws IllegalArgumentException for invalid settings
	 */
	public static FaceDetector open(final FaceDetectionSettings s) throws DetectorLoadException {
		s.validate();
		final String name = s.detector.trim().toLowerCase(Locale.ROOT);
		switch (name) {
			case FaceDetectionSettings.BLAZEFACE:
				return BlazeFaceDetector.open(BlazeFaceModel.FULL_RANGE, s.min_confidence, s.tiles, s.min_face);
			case FaceDetectionSettings.BLAZEFACE_SHORT:
				return BlazeFaceDetector.open(BlazeFaceModel.SHORT_RANGE, s.min_confidence, s.tiles, s.min_face);
			case FaceDetectionSettings.HAAR:
				return haar(DefaultCascade.locate(), s);
			default:
				return openFile(s.detectorFile(), s);
		}
	}

	private static FaceDetector openFile(final Path file, final FaceDetectionSettings s) throws DetectorLoadException {
		final String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
		if (name.endsWith(".xml")) return haar(file, s);
		if (name.endsWith(".onnx")) return new YuNetDetector(file, (float) s.min_confidence,
			YuNetDetector.DEFAULT_NMS_THRESHOLD, s.detection_size, s.min_face);
		if (name.endsWith(".tflite")) return BlazeFaceDetector.open(file, s.min_confidence, s.tiles, s.min_face);
		throw new DetectorLoadException("Unknown face detector: " + file
			+ " (expected blazeface, blazeface-short, haar, "
			+ "an OpenCV Haar cascade .xml, a YuNet .onnx or a BlazeFace .tflite file)");
	}

	private static FaceDetector haar(final Path cascade, final FaceDetectionSettings s) throws DetectorLoadException {
		return new HaarCascadeDetector(cascade, s.scale_factor, s.min_neighbors, s.min_face, s.detection_size,
			HaarCascadeDetector.DEFAULT_EQUALIZE_HISTOGRAM);
	}

	/**
	 * By extension, with default parameters: {@code .xml} a {@link HaarCascadeDetector}, {@code .onnx}
	 * a {@link YuNetDetector}, {@code .tflite} a {@link BlazeFaceDetector}.
	 *
	 * @throws DetectorLoadException for other extensions, missing or invalid files
	 */
	public static FaceDetector open(final Path modelFile) throws DetectorLoadException {
		final String name = String.valueOf(modelFile.getFileName()).toLowerCase(Locale.ROOT);
		if (name.endsWith(".xml")) return new HaarCascadeDetector(modelFile);
		if (name.endsWith(".onnx")) return new YuNetDetector(modelFile);
		if (name.endsWith(".tflite")) return BlazeFaceDetector.open(modelFile, BlazeFaceDetector.DEFAULT_MIN_CONFIDENCE,
			TileMode.AUTO, 0);
		throw new DetectorLoadException("Unknown face-detector model type: " + modelFile +
			" (expected an OpenCV Haar cascade .xml, a YuNet .onnx or a BlazeFace .tflite file)");
	}

	/** The default detector: MediaPipe's full-range BlazeFace with the default settings. */
	public static FaceDetector openDefault() throws DetectorLoadException {
		return open(new FaceDetectionSettings());
	}

	/** The notebook's detector: the {@link DefaultCascade default Haar cascade} with its settings. */
	public static FaceDetector openHaar() throws DetectorLoadException {
		return HaarCascadeDetector.openDefault();
	}
}
