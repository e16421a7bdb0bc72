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
 * <li>at a check: the first frame, then the first frame that is both {@value #CHECK_SECONDS} s of
 * stream time or more and {@value #CHECK_FRAMES} analysed frames or more after the last tiled frame
 * (so the checks cost the same share of the work whatever {@code every=} skips: a check per 2 s
 * at 30 analysed frames/s, a check per 10 s at {@code every=5});</li>
 * <li>while tiling is on: the last tiled frame's tiles found faces its whole-frame pass missed
 * (small faces in the scene); each tiled frame decides again, so tiling goes off at the first frame
 * whose tiles find nothing more;</li>
 * <li>when the whole-frame pass found no face (as for a photo), except before the next check after a
 * tiled frame that found no face at all (an empty scene costs one tiled frame per check, not seven
 * passes per frame).</li>
 * </ul>
 * So a stream of faces the whole-frame pass finds costs one pass per frame plus one tiled frame
 * per check (about 2.3 ms per frame at 720p, 15 % of a pass), and small faces are found from the
 * first check on (at most {@value #CHECK_SECONDS} s or {@value #CHECK_FRAMES} analysed frames after
 * they appear, whichever is later). For any other detector or tile mode it simply calls
 * {@link FaceDetector#detect}.
 * <p>
 * One per stream, called with the frames in order from one thread (the detection thread); the
 * detector itself may be shared.
 */
public final class StreamTiling {

	/** Stream seconds between checks of whether the tiles find faces the whole-frame pass misses. */
	public static final double CHECK_SECONDS = 2;

	/** Analysed frames between checks, at the least (2 s at 30 frames/s). */
	public static final int CHECK_FRAMES = 60;

	private final FaceDetector detector;
	private final BlazeFaceDetector blazeFace;
	private boolean tiling;
	private double lastTiled = Double.NaN;
	private boolean lastTiledWasEmpty;
	private long sinceTiled;
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
		sinceTiled++;
		final boolean due = checkDue(time);
		final boolean quiet = lastTiledWasEmpty && !due;
		final BlazeFaceDetector.Passes p = blazeFace.detect(frame, whole -> tiling || due || whole == 0 && !quiet);
		if (p.tiled) {
			tiledFrames++;
			lastTiled = time;
			sinceTiled = 0;
			tiling = p.tilesFoundMore();
			lastTiledWasEmpty = p.faces.isEmpty();
		}
		return p.faces;
	}

	/**
	 * Whether a check is due: the first frame, time going back, or enough stream time and analysed
	 * frames since the last tiled frame.
	 */
	private boolean checkDue(final double time) {
		if (Double.isNaN(lastTiled) || time < lastTiled) return true;
		return time >= lastTiled + CHECK_SECONDS && sinceTiled >= CHECK_FRAMES;
	}

	/** Whether the frames now are tiled (the last tiled frame's tiles found faces its whole-frame pass missed). */
	public boolean tiling() { return tiling; }

	/** Frames seen so far. */
	public long frames() { return frames; }

	/** Frames whose tiles were looked at so far. */
	public long tiledFrames() { return tiledFrames; }
}
