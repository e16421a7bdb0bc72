package org.emotiontracking.core.explain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.detect.DetectorLoadException;
import org.emotiontracking.core.detect.FaceBox;
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
	private final double margin;
	private final boolean largest;

	private FaceFinder(final FaceDetector detector, final double margin, final boolean largest) {
		this.detector = detector;
		this.margin = margin;
		this.largest = largest;
	}

	/** Every image is one face. */
	public static FaceFinder whole() {
		return new FaceFinder(null, 0, false);
	}

	/** Faces from {@code detector} (closed with this finder). */
	public static FaceFinder detecting(final FaceDetector detector, final double margin, final boolean largest) {
		if (!(margin >= FaceDetectionSettings.MIN_MARGIN && margin <= FaceDetectionSettings.MAX_MARGIN))
			throw new IllegalArgumentException("margin must be between " + FaceDetectionSettings.MIN_MARGIN + " and " +
				FaceDetectionSettings.MAX_MARGIN + ", got " + margin);
		return new FaceFinder(detector, margin, largest);
	}

	/** From the key faces and the detection keys ({@link FaceDetectors#open(FaceDetectionSettings)}). */
	public static FaceFinder fromSettings(final GradCamSettings s) throws DetectorLoadException {
		final String mode = s.faces == null ? "detect" : s.faces.trim().toLowerCase(Locale.ROOT);
		if (mode.equals("whole")) return whole();
		if (!mode.equals("detect")) throw new IllegalArgumentException("Unknown faces='" + s.faces +
			"'. Valid values: detect, whole");
		s.validateDetection();
		return detecting(FaceDetectors.open(s), s.margin, s.largest);
	}

	public boolean wholeImage() { return detector == null; }

	/** What finds faces, for logs. */
	public String description() {
		return detector == null ? "whole images" : detector.description();
	}

	/** The regions to classify, in reading order (empty if no face was found). */
	public List<FaceBox> find(final RgbImage image) {
		if (detector == null) return Collections.singletonList(new FaceBox(0, 0, image.width(), image.height(), 1));
		List<FaceBox> found = detector.detect(image);
		if (largest) found = Faces.largestOnly(found);
		final List<FaceBox> out = new ArrayList<>(found.size());
		for (final FaceBox b : found) out.add(b.widen(margin, image.width(), image.height()));
		return Faces.sorted(out);
	}

	@Override
	public void close() {
		if (detector != null) detector.close();
	}
}
