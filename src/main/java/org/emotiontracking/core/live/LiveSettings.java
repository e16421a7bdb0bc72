package org.emotiontracking.core.live;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.emotiontracking.core.detect.HaarCascadeDetector;
import org.emotiontracking.core.util.Setting;

/** The keys of Live Emotion Tracking (CLI, macros and the Fiji window share them). */
public final class LiveSettings {

	@Setting("Model archive (.zip or folder) or Keras .h5 file")
	public Path model;
	@Setting("Camera index (0 = the first camera); used when no source is given")
	public int camera = 0;
	@Setting("Video file to read instead of a camera (mp4, mov, mkv, webm, avi; H.264, HEVC, VP8/VP9, MPEG-4, MJPEG, AV1, through FFmpeg)")
	public Path source;
	@Setting("Video source: analyse every Nth frame (1 = all)")
	public int every = 1;
	@Setting("Video source: start at this time in seconds")
	public double start = 0;
	@Setting("Video source: stop at this time in seconds (0 = the end)")
	public double end = 0;
	@Setting("Folder for emotion_timeline.csv, the charts and annotated.avi (empty: save nothing)")
	public Path output;
	@Setting("Show the live window (Fiji); the command line always runs without one")
	public boolean show = true;
	@Setting("Stop after this many processed frames (0 = no limit)")
	public long max_frames = 0;
	@Setting("Stop after this many seconds (camera: wall-clock time; video: video time; 0 = no limit)")
	public double duration = 0;
	@Setting("Average each face's probabilities over its last N frames so labels do not flicker (0 = off)")
	public int smoothing = 5;
	@Setting("Forget a face's id after it is missing for this many processed frames")
	public int max_missed = FaceTracker.DEFAULT_MAX_MISSED;
	@Setting("Write every processed frame with its overlay to annotated.avi (MJPEG)")
	public boolean record = false;
	@Setting("Play a video source at its own frame rate, dropping frames like a camera when processing is slower")
	public boolean realtime = false;
	@Setting("Face detector model: empty = OpenCV's frontal-face Haar cascade; or a Haar .xml or YuNet .onnx file")
	public Path detector;
	@Setting("Haar cascade scale step between detection sizes (> 1)")
	public double scale_factor = HaarCascadeDetector.DEFAULT_SCALE_FACTOR;
	@Setting("Haar cascade neighbouring detections needed to keep a face")
	public int min_neighbors = HaarCascadeDetector.DEFAULT_MIN_NEIGHBORS;
	@Setting("Smallest face side in frame pixels")
	public int min_face = HaarCascadeDetector.DEFAULT_MIN_FACE_SIZE;
	@Setting("Detect faces on a copy of the frame shrunk to this width (0 = full size); boxes map back to the frame")
	public int detect_width = 320;
	@Setting("Widen each face crop by this fraction of the face size on every side before classifying (0 = the box)")
	public double margin = 0;
	@Setting("Class order of a Keras .h5 model, comma-separated (default: the notebook's)")
	public List<String> classes = new ArrayList<>();
	@Setting("Replace existing output files")
	public boolean overwrite = false;

	/**
	 * Checks the values that do not need files (not whether a model is given: a window may pass a
	 * loaded one).
	 *
	 * @throws IllegalArgumentException naming the key and the allowed values
	 */
	public LiveSettings validate() {
		if (camera < 0) throw new IllegalArgumentException("camera must be >= 0: " + camera);
		if (max_frames < 0) throw new IllegalArgumentException("max_frames must be >= 0: " + max_frames);
		if (!(duration >= 0) || Double.isInfinite(duration)) throw new IllegalArgumentException("duration must be >= 0 seconds: " + duration);
		if (smoothing < 0) throw new IllegalArgumentException("smoothing must be >= 0: " + smoothing);
		if (max_missed < 0) throw new IllegalArgumentException("max_missed must be >= 0: " + max_missed);
		if (!(scale_factor > 1)) throw new IllegalArgumentException("scale_factor must be > 1: " + scale_factor);
		if (min_neighbors < 0) throw new IllegalArgumentException("min_neighbors must be >= 0: " + min_neighbors);
		if (min_face < 0) throw new IllegalArgumentException("min_face must be >= 0: " + min_face);
		if (!(margin > -0.45 && margin <= 2)) throw new IllegalArgumentException("margin must be between -0.45 and 2: " + margin);
		if (detect_width < 0) throw new IllegalArgumentException("detect_width must be >= 0: " + detect_width);
		if (source != null) videoSelection(); // checks every, start, end
		if (record && output == null) throw new IllegalArgumentException("record=true needs an output= folder");
		return this;
	}

	/** The frames of a video source to analyse (every, start, end). */
	public org.emotiontracking.core.video.VideoSelection videoSelection() {
		return new org.emotiontracking.core.video.VideoSelection(every, start, end);
	}

	/** What the frames come from, for messages: "video x.avi" or "camera 0". */
	public String sourceDescription() {
		return source != null ? "video " + source : "camera " + camera;
	}
}
