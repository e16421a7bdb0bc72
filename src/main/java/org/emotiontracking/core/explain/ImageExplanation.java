package org.emotiontracking.core.explain;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.detect.FaceBox;

/** Grad-CAM of every face of one image, and the image-sized pictures made from it. */
public final class ImageExplanation {

	private final int width;
	private final int height;
	private final List<FaceExplanation> faces;

	public ImageExplanation(final int width, final int height, final List<FaceExplanation> faces) {
		this.width = width;
		this.height = height;
		this.faces = Collections.unmodifiableList(new ArrayList<>(faces));
	}

	public int width() { return width; }

	public int height() { return height; }

	/** The explained faces, in the order their boxes were given. */
	public List<FaceExplanation> faces() { return faces; }

	public List<FaceBox> boxes() {
		final List<FaceBox> out = new ArrayList<>(faces.size());
		for (final FaceExplanation f : faces) out.add(f.box());
		return out;
	}

	/**
	 * The image-sized map, row by row: each face's map resized bilinearly to its box and placed there
	 * (the larger value where boxes overlap), 0 outside faces. Values 0..1.
	 */
	public float[] heatmap() {
		return Heatmaps.place(faces, width, height);
	}

	/** The image with the JET heatmap blended into each face box ({@link Heatmaps#blend}); outside boxes unchanged. */
	public RgbImage blend(final RgbImage image, final double alpha) {
		check(image);
		return Heatmaps.blend(image, heatmap(), boxes(), alpha);
	}

	/** {@link #blend} with each box outlined and labelled with its class and probability. */
	public BufferedImage overlay(final RgbImage image, final double alpha) {
		final BufferedImage out = Heatmaps.toBufferedImage(blend(image, alpha));
		OverlayPainter.paint(out, faces);
		return out;
	}

	private void check(final RgbImage image) {
		if (image.width() != width || image.height() != height) throw new IllegalArgumentException("The image is " +
			image.width() + "x" + image.height() + " but was explained at " + width + "x" + height);
	}
}
