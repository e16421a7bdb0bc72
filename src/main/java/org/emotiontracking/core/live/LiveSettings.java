package org.emotiontracking.core.live;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.emotiontracking.core.detect.FaceDetectionSettings;
import org.emotiontracking.core.model.InferenceEngine;
import org.emotiontracking.core.util.Setting;

/**
 * The keys of Live Emotion Tracking (CLI, macros and the Fiji window share them); the face-detection
 * keys are those of {@link FaceDetectionSettings}, shared with Classify and Grad-CAM.
 */
public final class LiveSettings extends FaceDetectionSettings {

	@Setting("Model: builtin (the FER2013 model that ships with the plugin; also when empty), a .zip from Train Emotion Model, its unpacked folder, or a Keras .h5")
	public Path model;
	@Setting("Open a model archive even if its graph holds ops this project's models never use (a model is code: only for files you trust)")
	public boolean trust = false;
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
	@Setting("Folder for emotion_timeline.csv, the charts, face_summary.csv and annotated.mp4 (empty: save nothing)")
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
	@Setting("Write every processed frame with its overlay to annotated.mp4 (H.264 through OpenH264, else MPEG-4)")
	public boolean record = false;
	@Setting("Play a video source at its own frame rate, dropping frames like a camera when processing is slower")
	public boolean realtime = false;
	@Setting("Haar and YuNet: detect faces on a copy of the frame shrunk to this width (0 = full size; then detection_size applies); boxes map back to the frame")
	public int detect_width = 320;
	@Setting("Class order of a Keras .h5 model, comma-separated (default: the notebook's)")
	public List<String> classes = new ArrayList<>();
	@Setting("Replace existing output files")
	public boolean overwrite = false;
	@Setting("Inference engine: onnxruntime (faster; models without an ONNX export run on TensorFlow) or tensorflow")
	public InferenceEngine engine = InferenceEngine.DEFAULT;
	@Setting("Threads of the inference engine (0 = all cores, or EMOTION_TRACKING_THREADS)")
	public int inference_threads = 0;

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
		if (engine == null) throw new IllegalArgumentException("engine must be onnxruntime or tensorflow");
		if (inference_threads < 0) throw new IllegalArgumentException("inference_threads must be >= 0: " + inference_threads);
		if (smoothing < 0) throw new IllegalArgumentException("smoothing must be >= 0: " + smoothing);
		if (max_missed < 0) throw new IllegalArgumentException("max_missed must be >= 0: " + max_missed);
		validateDetection();
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
