package org.emotiontracking.core.live;

import org.emotiontracking.core.detect.FaceBox;

/**
 * A face in one frame, with the id it keeps across frames ({@link FaceTracker}) and its emotion
 * probabilities averaged over the last frames (smoothing). Immutable.
 */
public final class TrackedFace {

	private final int id;
	private final FaceBox box;
	private final float[] probabilities;
	private final float[] raw;
	private final int emotionIndex;
	private final String emotion;
	private final int framesTracked;

	TrackedFace(final int id, final FaceBox box, final float[] probabilities, final float[] raw,
		final String[] classNames, final int framesTracked)
	{
		this.id = id;
		this.box = box;
		this.probabilities = probabilities;
		this.raw = raw;
		int best = 0;
		for (int i = 1; i < probabilities.length; i++) if (probabilities[i] > probabilities[best]) best = i;
		this.emotionIndex = best;
		this.emotion = classNames[best];
		this.framesTracked = framesTracked;
	}

	/** The face's id: 1 for the first face seen, stable while the face is tracked. */
	public int id() { return id; }

	/** Where the face is in this frame (full-frame pixel coordinates). */
	public FaceBox box() { return box; }

	/** Smoothed class probabilities, in the model's class order (a copy). */
	public float[] probabilities() { return probabilities.clone(); }

	/** This frame's own class probabilities, before smoothing (a copy). */
	public float[] rawProbabilities() { return raw.clone(); }

	/** Index of the most probable class after smoothing. */
	public int emotionIndex() { return emotionIndex; }

	/** Name of the most probable class after smoothing. */
	public String emotion() { return emotion; }

	/** Smoothed probability of {@link #emotion()}, 0..1. */
	public float confidence() { return probabilities[emotionIndex]; }

	/** In how many frames this face has been seen so far, including this one. */
	public int framesTracked() { return framesTracked; }
}
