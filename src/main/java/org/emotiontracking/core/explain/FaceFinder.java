package org.emotiontracking.core.explain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.emotiontracking.core.classify.FaceMode;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.detect.DetectorLoadException;
import org.emotiontracking.core.detect.FaceBox;
import org.emotiontracking.core.detect.FaceCrop;
import org.emotiontracking.core.detect.FaceCropper;
import org.emotiontracking.core.detect.FaceDetector;
import org.emotiontracking.core.detect.FaceDetectors;
import org.emotiontracking.core.detect.FaceDetectionSettings;
import org.emotiontracking.core.detect.Faces;

/**
 * The regions of an image given to the model: detected faces (optionally only the largest, grown by
 * a margin, clamped to the image) or the whole image. Thread-safe; closes its detector.
 */
public final class FaceFinder implements AutoCloseable {

	private final FaceDetector detector;
	private final FaceCropper cropper;
	private final boolean largest;

	private FaceFinder(final FaceDetector detector, final FaceCropper cropper, final boolean largest) {
		this.detector = detector;
		this.cropper = cropper;
		this.largest = largest;
	}

	/** Every image is one face. */
	public static FaceFinder whole() {
		return new FaceFinder(null, new FaceCropper(0, false), false);
	}

	/** Faces from {@code detector} (closed with this finder). */
	public static FaceFinder detecting(final FaceDetector detector, final double margin, final boolean largest) {
		return new FaceFinder(detector, new FaceCropper(margin, false), largest);
	}

	/** Faces from {@code detector} (closed with this finder), cut out by {@code cropper}. */
	public static FaceFinder detecting(final FaceDetector detector, final FaceCropper cropper, final boolean largest) {
		return new FaceFinder(detector, cropper, largest);
	}

	/**
	 * From the key faces and the detection keys ({@link FaceDetectors#open(FaceDetectionSettings)});
	 * the settings are the caller's to validate.
	 */
	public static FaceFinder fromSettings(final GradCamSettings s) throws DetectorLoadException {
		if (s.faces == FaceMode.WHOLE) return whole();
		return detecting(FaceDetectors.open(s), FaceCropper.of(s), s.largest);
	}

	public boolean wholeImage() { return detector == null; }

	/** What finds faces, for logs. */
	public String description() {
		return detector == null ? "whole images" : detector.description();
	}

	/** The regions to classify, in reading order (empty if no face was found). */
	public List<FaceBox> find(final RgbImage image) {
		final List<FaceBox> out = new ArrayList<>();
		for (final FaceCrop c : crops(image)) out.add(c.region());
		return out;
	}

	/**
	 * The face crops to explain (grown by the margin; eye-level with align=true), in the reading order
	 * of the detected faces (empty if no face was found); the whole image with faces=whole.
	 */
	public List<FaceCrop> crops(final RgbImage image) {
		if (detector == null) return Collections.singletonList(FaceCropper.whole(image));
		List<FaceBox> found = Faces.sorted(detector.detect(image));
		if (largest) found = Faces.largestOnly(found);
		final List<FaceCrop> out = new ArrayList<>(found.size());
		for (final FaceBox b : found) out.add(cropper.crop(image, b));
		return out;
	}

	@Override
	public void close() {
		if (detector != null) detector.close();
	}
}
