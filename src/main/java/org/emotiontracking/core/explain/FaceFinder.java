package org.emotiontracking.core.explain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.detect.DefaultCascade;
import org.emotiontracking.core.detect.DetectorLoadException;
import org.emotiontracking.core.detect.FaceBox;
import org.emotiontracking.core.detect.FaceDetector;
import org.emotiontracking.core.detect.FaceDetectors;
import org.emotiontracking.core.detect.Faces;
import org.emotiontracking.core.detect.HaarCascadeDetector;

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
		if (!(margin > -0.5 && margin <= 2)) throw new IllegalArgumentException("margin must be between -0.5 and 2, got " +
			margin);
		return new FaceFinder(detector, margin, largest);
	}

	/** From the keys faces, detector, scale_factor, min_neighbors, min_face, margin and largest. */
	public static FaceFinder fromSettings(final GradCamSettings s) throws DetectorLoadException {
		final String mode = s.faces == null ? "detect" : s.faces.trim().toLowerCase(Locale.ROOT);
		if (mode.equals("whole")) return whole();
		if (!mode.equals("detect")) throw new IllegalArgumentException("Unknown faces='" + s.faces +
			"'. Valid values: detect, whole");
		if (!(s.margin > -0.5 && s.margin <= 2)) throw new IllegalArgumentException(
			"margin must be between -0.5 and 2, got " + s.margin);
		final Path file = s.detector;
		final FaceDetector d;
		if (file == null || String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT).endsWith(".xml"))
			d = new HaarCascadeDetector(file == null ? DefaultCascade.locate() : file, s.scale_factor, s.min_neighbors,
				s.min_face, HaarCascadeDetector.DEFAULT_MAX_DETECTION_SIDE, HaarCascadeDetector.DEFAULT_EQUALIZE_HISTOGRAM);
		else d = FaceDetectors.open(file);
		return detecting(d, s.margin, s.largest);
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
