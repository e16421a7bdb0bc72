package org.emotiontracking.core.live;

import java.nio.file.Path;
import java.util.Arrays;

import org.emotiontracking.core.detect.FaceDetectionSettings;
import org.emotiontracking.core.model.EmotionModelSettings;
import org.emotiontracking.core.util.Required;
import org.emotiontracking.core.util.Setting;

/**
 * The keys of Live Emotion Tracking (CLI, macros and the Fiji window share them); the model, engine and
 * video keys are those of {@link AnalysisSettings} (shared with Classify) and
 * {@link EmotionModelSettings}, the face-detection keys those of {@link FaceDetectionSettings}, shared
 * with Classify and Grad-CAM.
 */
public final class LiveSettings extends AnalysisSettings {

	@Setting(value = "Camera index (0 = the first camera); used when no source is given", range = "[0, )")
	public int camera = 0;
	@Setting(
		"Video file to read instead of a camera (mp4, mov, mkv, webm, avi; H.264, HEVC, VP8/VP9, MPEG-4, MJPEG, AV1, "
		+ "through FFmpeg)")
	public Path source;
	@Setting("Folder for emotion_timeline.csv, the charts, face_summary.csv and annotated.mp4 (empty: save nothing)")
	public Path output;
	@Setting("Show the live window (Fiji); the command line always runs without one")
	public boolean show = true;
	@Setting(value = "Forget a face's id after it is missing for this many processed frames", range = "[0, )")
	public int max_missed = FaceTracker.DEFAULT_MAX_MISSED;
	@Setting("Write every processed frame with its overlay to annotated.mp4 (H.264 through OpenH264, else MPEG-4)")
	public boolean record = false;
	@Setting("Play a video source at its own frame rate, dropping frames like a camera when processing is slower")
	public boolean realtime = false;
	@Setting(value =
		"Haar and YuNet: detect faces on a copy of the frame shrunk to this width (0 = full size; then "
		+ "detection_size applies); boxes map back to the frame", range = "[0, )")
	public int detect_width = 320;
	@Setting("Replace existing output files")
	public boolean overwrite = false;

	/** Live's defaults: as {@link AnalysisSettings}, smoothing over 5 frames. */
	public LiveSettings() {
		smoothing = 5;
	}

	/**
	 * Checks every key against its limits and the keys that go together (record=true needs output=;
	 * a video source's end after its start). Not whether a model is given: a window may pass a loaded
	 * one.
	 *
	 * @param required {@link Required#OUTPUT}: output= is set
	 * @throws IllegalArgumentException naming the key and the allowed values
	 */
	@Override
	public void validate(final Required... required) {
		super.validate(required);
		if (source != null) videoSelection(); // end after start
		if (record && output == null) throw new IllegalArgumentException("record=true needs an output= folder");
		if (Arrays.asList(required).contains(Required.OUTPUT) && output == null) throw new IllegalArgumentException(
			"No output folder given: set output=");
	}

	/** What the frames come from, for messages: "video x.avi" or "camera 0". */
	public String sourceDescription() {
		return source != null ? "video " + source : "camera " + camera;
	}
}
