package org.emotiontracking.core.detect;

import java.nio.file.Path;
import java.util.Locale;

/** Opens the right {@link FaceDetector} for a model file. */
public final class FaceDetectors {

	private FaceDetectors() {}

	/**
	 * By extension: {@code .xml} opens a {@link HaarCascadeDetector}, {@code .onnx} a
	 * {@link YuNetDetector}, both with default parameters.
	 *
	 * @throws DetectorLoadException for other extensions, missing or invalid files
	 */
	public static FaceDetector open(final Path modelFile) throws DetectorLoadException {
		final String name = String.valueOf(modelFile.getFileName()).toLowerCase(Locale.ROOT);
		if (name.endsWith(".xml")) return new HaarCascadeDetector(modelFile);
		if (name.endsWith(".onnx")) return new YuNetDetector(modelFile);
		throw new DetectorLoadException("Unknown face-detector model type: " + modelFile +
			" (expected an OpenCV Haar cascade .xml or a YuNet .onnx file)");
	}

	/** The notebook's detector: a Haar cascade on the {@link DefaultCascade default cascade}. */
	public static FaceDetector openDefault() throws DetectorLoadException {
		return HaarCascadeDetector.openDefault();
	}
}
