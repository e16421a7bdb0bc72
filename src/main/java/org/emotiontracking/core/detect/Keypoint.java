package org.emotiontracking.core.detect;

/**
 * The facial keypoints a detector may give, in the order of the keypoint columns of every table
 * ({@code <name>_x, <name>_y}). "Right" and "left" are the subject's: the right eye is on the left of
 * an upright frontal photo. BlazeFace gives the first six, YuNet the two eyes, the nose tip and the
 * two mouth corners, a Haar cascade none.
 */
public enum Keypoint {
	RIGHT_EYE("right_eye"), LEFT_EYE("left_eye"), NOSE_TIP("nose_tip"), MOUTH_CENTER("mouth_center"),
		RIGHT_EAR("right_ear"),
	LEFT_EAR("left_ear"), MOUTH_RIGHT("mouth_right"), MOUTH_LEFT("mouth_left");

	private final String id;

	Keypoint(final String id) {
		this.id = id;
	}

	/** The name in column headers, e.g. "right_eye" (columns right_eye_x, right_eye_y). */
	public String id() {
		return id;
	}

	@Override
	public String toString() {
		return id;
	}
}
