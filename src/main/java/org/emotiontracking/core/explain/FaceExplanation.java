package org.emotiontracking.core.explain;

import java.awt.image.BufferedImage;

import org.emotiontracking.core.detect.FaceBox;
import org.emotiontracking.core.detect.FaceCrop;

/**
 * One explained face of an image: the region the model saw, in image pixels, and its explanation.
 * For an eye-level (rotated) crop the map goes back onto the image through the same rotation.
 */
public final class FaceExplanation {

	private final FaceBox box;
	private final Explanation explanation;
	private final FaceCrop crop;

	/** An explanation of the unrotated crop {@code box}. */
	public FaceExplanation(final FaceBox box, final Explanation explanation) {
		this.box = box;
		this.explanation = explanation;
		this.crop = null;
	}

	/** An explanation of a crop (rotated or not); its box is the crop's {@link FaceCrop#region() region}. */
	public FaceExplanation(final FaceCrop crop, final Explanation explanation) {
		this.box = crop.region();
		this.explanation = explanation;
		this.crop = crop.rotated() ? crop : null;
	}

	/**
	 * The image region the face's map covers: the detected face grown by the margin, clamped to the
	 * image; for a rotated crop the bounding box of the turned crop.
	 */
	public FaceBox box() { return box; }

	/** The crop when it was rotated to make the eyes level, else null. */
	public FaceCrop rotatedCrop() { return crop; }

	public Explanation explanation() { return explanation; }

	public String className() { return explanation.className(); }

	public float probability() { return explanation.probability(); }

	/** "happy 87.3%". */
	public String label() { return explanation.label(); }

	/** The map on the layer grid. */
	public Heatmap grid() { return explanation.heatmap(); }

	/**
	 * The map on the box, 0..1: resized (bilinear, as cv2.resize) to the box size, or for a rotated crop
	 * resized to the crop and turned back onto the image (0 outside the crop).
	 */
	public Heatmap boxHeatmap() {
		if (crop == null) return explanation.heatmap(box.width(), box.height());
		final Heatmap onCrop = explanation.heatmap(crop.image().width(), crop.image().height());
		return new Heatmap(box.width(), box.height(), crop.toRegion(onCrop.values()));
	}

	/**
	 * The box-sized JET heatmap as a translucent ARGB image (every pixel has alpha {@code opacity}), for
	 * drawing over the image at ({@link FaceBox#x()}, {@link FaceBox#y()}), e.g. as an ImageJ ImageRoi.
	 */
	public BufferedImage overlayImage(final double opacity) {
		return Heatmaps.translucentJet(boxHeatmap(), opacity);
	}
}
