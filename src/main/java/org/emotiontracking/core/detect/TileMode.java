package org.emotiontracking.core.detect;

import java.util.Locale;

/**
 * Whether BlazeFace also looks at overlapping tiles of the image, so that faces too small for the
 * model's input (under about 6% of the image side for the full-range model) are found: tiles of 0.6 x
 * the image's shorter side with 25% overlap, besides the whole image; about 7x the cost.
 */
public enum TileMode {
	/**
	 * Images (photos, stack slices classified one by one): tiles when the whole image gave no face
	 * (small faces only, e.g. people far from the camera), and always for images whose longer side is
	 * at least {@link BlazeFaceDetector#AUTO_TILE_SIDE} pixels (where 6% of the side is already a large
	 * face): so images with faces of a usual size cost one pass.
	 * <p>
	 * Frame streams (videos in Classify, Live from a camera or a video) follow
	 * {@link StreamTiling}'s rule instead, so that HD frames stay cheap: a frame is tiled at a check
	 * (the first frame, then every {@value StreamTiling#CHECK_SECONDS} s of stream time and
	 * {@value StreamTiling#CHECK_FRAMES} analysed frames, whichever is later), while the
	 * last tiled frame's tiles found faces its whole-frame pass missed, and when the whole-frame pass
	 * found nothing (at most once per check while such frames stay empty).
	 */
	AUTO,
	/** Always tiles. */
	ON,
	/** Never: the whole image only. */
	OFF;

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}
}
