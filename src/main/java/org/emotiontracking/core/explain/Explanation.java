package org.emotiontracking.core.explain;

import java.util.Locale;

/** Grad-CAM of one face crop: the explained class, the model's probabilities and the map on the layer grid. */
public final class Explanation {

	private final int classIndex;
	private final String className;
	private final float[] probabilities;
	private final Heatmap heatmap;
	private final GridGeometry geometry;

	Explanation(final int classIndex, final String className, final float[] probabilities, final Heatmap heatmap,
		final GridGeometry geometry)
	{
		this.classIndex = classIndex;
		this.className = className;
		this.probabilities = probabilities;
		this.heatmap = heatmap;
		this.geometry = geometry;
	}

	/** The class the map explains (the predicted one unless a target was given). */
	public int classIndex() { return classIndex; }

	public String className() { return className; }

	/** The model's probability of {@link #className()}. */
	public float probability() { return probabilities[classIndex]; }

	/** All class probabilities, in the model's class order (a copy). */
	public float[] probabilities() { return probabilities.clone(); }

	/** The class with the highest probability. */
	public int predictedIndex() {
		int best = 0;
		for (int i = 1; i < probabilities.length; i++) if (probabilities[i] > probabilities[best]) best = i;
		return best;
	}

	/** The map on the layer's grid (e.g. 7x7 for Conv_1 at 224 px), values 0..1. */
	public Heatmap heatmap() { return heatmap; }

	/** Where the grid cells sit on the model input (for {@link Heatmap#resize(int, int, GridGeometry)}). */
	public GridGeometry geometry() { return geometry; }

	/** The map resized bilinearly to a face box of {@code w x h} pixels as the notebook did (cv2.resize), 0..1. */
	public Heatmap heatmap(final int w, final int h) {
		return heatmap.resize(w, h);
	}

	/** "happy 87.3%", the label drawn beside the face. */
	public String label() {
		return String.format(Locale.ROOT, "%s %.1f%%", className, 100.0 * probability());
	}

	@Override
	public String toString() { return label() + " " + heatmap.width() + "x" + heatmap.height(); }
}
