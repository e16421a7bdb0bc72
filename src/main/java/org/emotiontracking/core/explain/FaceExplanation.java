package org.emotiontracking.core.explain;

import java.awt.image.BufferedImage;

import org.emotiontracking.core.detect.FaceBox;

/** One explained face of an image: the region the model saw, in image pixels, and its explanation. */
public final class FaceExplanation {

	private final FaceBox box;
	private final Explanation explanation;

	public FaceExplanation(final FaceBox box, final Explanation explanation) {
		this.box = box;
		this.explanation = explanation;
	}

	/** The region given to the model (the detected face grown by the margin, clamped to the image). */
	public FaceBox box() { return box; }

	public Explanation explanation() { return explanation; }

	public String className() { return explanation.className(); }

	public float probability() { return explanation.probability(); }

	/** "happy 87.3%". */
	public String label() { return explanation.label(); }

	/** The map on the layer grid. */
	public Heatmap grid() { return explanation.heatmap(); }

	/** The map resized (bilinear, as cv2.resize) to the box size, 0..1. */
	public Heatmap boxHeatmap() { return explanation.heatmap(box.width(), box.height()); }

	/**
	 * The box-sized JET heatmap as a translucent ARGB image (every pixel has alpha {@code opacity}), for
	 * drawing over the image at ({@link FaceBox#x()}, {@link FaceBox#y()}), e.g. as an ImageJ ImageRoi.
	 */
	public BufferedImage overlayImage(final double opacity) {
		return Heatmaps.translucentJet(boxHeatmap(), opacity);
	}
}
