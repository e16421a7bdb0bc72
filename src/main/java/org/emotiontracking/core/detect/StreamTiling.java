package org.emotiontracking.core.detect;

import java.util.List;

import org.emotiontracking.core.data.RgbImage;

/**
 * {@code tiles=auto} for a stream of frames (a video file in Classify, Live from a camera or a
 * video): tiles cost about 7x a whole-frame pass, and the still-image rule (always tile images of
 * {@link BlazeFaceDetector#AUTO_TILE_SIDE} px or more) would make every HD frame that costly, while
 * the faces of one stream change slowly. So each frame gets the whole-frame pass, and its tiles
 * are looked at too only
 * <ul>
 * <li>at a check: the first frame, then the first frame {@value #CHECK_SECONDS} s of stream time or
 * more after the last tiled frame;</li>
 * <li>while tiling is on: the last tiled frame's tiles found faces its whole-frame pass missed
 * (small faces in the scene); each tiled frame decides again, so tiling goes off at the first frame
 * whose tiles find nothing more;</li>
 * <li>when the whole-frame pass found no face (as for a photo), except within
 * {@value #CHECK_SECONDS} s after a tiled frame that found no face at all (an empty scene costs
 * one tiled frame per {@value #CHECK_SECONDS} s, not seven passes per frame).</li>
 * </ul>
 * So a stream of faces the whole-frame pass finds costs one pass per frame plus one tiled frame
 * every {@value #CHECK_SECONDS} s, and small faces are found from the first check on (at most
 * {@value #CHECK_SECONDS} s after they appear). For any other detector or tile mode it simply calls
 * {@link FaceDetector#detect}.
 * <p>
 * One per stream, called with the frames in order from one thread (the detection thread); the
 * detector itself may be shared.
 */
public final class StreamTiling {

	/** Stream seconds between checks of whether the tiles find faces the whole-frame pass misses. */
	public static final double CHECK_SECONDS = 2;

	private final FaceDetector detector;
	private final BlazeFaceDetector blazeFace;
	private boolean tiling;
	private double lastTiled = Double.NaN;
	private boolean lastTiledWasEmpty;
	private long frames;
	private long tiledFrames;

	private StreamTiling(final FaceDetector detector) {
		this.detector = detector;
		this.blazeFace = detector instanceof BlazeFaceDetector && ((BlazeFaceDetector) detector)
			.tiles() == TileMode.AUTO ? (BlazeFaceDetector) detector : null;
	}

	/** The stream rule for this detector (a BlazeFace detector with {@code tiles=auto}; others are called as they are).
	 * */
	public static StreamTiling of(final FaceDetector detector) {
		return new StreamTiling(detector);
	}

	/**
	 * The faces of the next frame of the stream.
	 *
	 * @param time the frame's time in the stream (seconds; a video's presentation time, a camera's time since the first
	 * frame)
	 */
	public List<FaceBox> detect(final RgbImage frame, final double time) {
		frames++;
		if (blazeFace == null) return detector.detect(frame);
		final boolean due = Double.isNaN(lastTiled) || !(time < lastTiled + CHECK_SECONDS) || time < lastTiled;
		final boolean quiet = lastTiledWasEmpty && time < lastTiled + CHECK_SECONDS;
		final BlazeFaceDetector.Passes p = blazeFace.detect(frame, whole -> tiling || due || whole == 0 && !quiet);
		if (p.tiled) {
			tiledFrames++;
			lastTiled = time;
			tiling = p.tilesFoundMore();
			lastTiledWasEmpty = p.faces.isEmpty();
		}
		return p.faces;
	}

	/** Whether the frames now are tiled (the last tiled frame's tiles found faces its whole-frame pass missed). */
	public boolean tiling() { return tiling; }

	/** Frames seen so far. */
	public long frames() { return frames; }

	/** Frames whose tiles were looked at so far. */
	public long tiledFrames() { return tiledFrames; }
}
