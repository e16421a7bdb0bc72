package org.emotiontracking.core.live;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.emotiontracking.core.data.OpenCv;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.detect.FaceBox;
import org.emotiontracking.core.detect.FaceCropper;
import org.emotiontracking.core.detect.Faces;
import org.emotiontracking.core.detect.FaceDetector;
import org.emotiontracking.core.detect.StreamTiling;
import org.emotiontracking.core.model.EmotionClassifier;
import org.emotiontracking.core.util.ProgressListener;
import org.emotiontracking.core.video.Frame;
import org.opencv.core.Mat;

/**
 * The work done on every frame, the same for a camera and for a video in a batch: find the faces
 * ({@link #detect}, on the detection thread; BlazeFace's {@code tiles=auto} follows the stream rule of
 * {@link StreamTiling}), then ({@link #process}, on the processing thread)
 * keep the largest if asked, crop them ({@link FaceCropper}: margin, eye alignment), classify them in one batch, track
 * them ({@link FaceTracker}: ids, smoothing), draw
 * the overlay when someone needs it ({@link FrameAnnotator}), and hand the frame to the outputs
 * (timeline CSV, annotated video), to extra row sinks (e.g. Classify's log) and to listeners (the
 * display). Statistics are bounded ({@link FrameStats}).
 */
final class FramePipeline {

	private final EmotionClassifier classifier;
	private final StreamTiling detector;
	private final FaceTracker tracker;
	private final FaceCropper cropper;
	private final boolean largest;
	private final FrameAnnotator annotator = new FrameAnnotator();
	private final FrameStats stats;
	private final List<LiveListener> listeners;
	private final List<FaceSink> sinks = new ArrayList<>();
	private boolean listenerFailed;

	/**
	 * @param cropper the face crops (margin, eye alignment) of the shared detection settings
	 * @param largest keep only the largest face of each frame
	 * @param listeners the display listeners (may change while running)
	 */
	FramePipeline(final EmotionClassifier classifier, final FaceDetector detector, final FaceTracker tracker,
		final FaceCropper cropper, final boolean largest, final List<LiveListener> listeners)
	{
		this.classifier = classifier;
		this.detector = StreamTiling.of(detector);
		this.tracker = tracker;
		this.cropper = cropper;
		this.largest = largest;
		this.listeners = listeners;
		this.stats = new FrameStats(classifier.classNames().size());
	}

	/** Adds a sink for the faces of each frame; call before processing. */
	void addSink(final FaceSink sink) {
		sinks.add(sink);
	}

	/** The faces in a frame (detection thread; frames in stream order). */
	List<FaceBox> detect(final Frame frame) {
		return detector.detect(frame.image(), frame.time());
	}

	/** The stream's tiling so far (frames tiled). */
	StreamTiling tiling() { return detector; }

	FrameStats stats() { return stats; }

	FaceTracker tracker() { return tracker; }

	/**
	 * Classifies, tracks, draws and writes one frame.
	 *
	 * @param outputs the files (null: none)
	 * @param dropped frames dropped so far (for listeners)
	 * @return the frame's faces with their ids
	 */
	List<TrackedFace> process(final Frame frame, final List<FaceBox> found, final LiveOutputs outputs,
		final long dropped, final ProgressListener log) throws IOException
	{
		final RgbImage image = frame.image();
		final List<FaceBox> boxes = largest ? Faces.largestOnly(found) : found;
		final float[][] probabilities;
		if (boxes.isEmpty()) probabilities = new float[0][];
		else {
			final List<RgbImage> crops = new ArrayList<>(boxes.size());
			for (final FaceBox b : boxes) crops.add(cropper.crop(image, b).image());
			probabilities = classifier.predict(crops);
		}
		final List<TrackedFace> faces = tracker.update(boxes, probabilities, frame.time());
		stats.frameProcessed(frame, faces);

		final boolean record = outputs != null && outputs.recording();
		final boolean display = !listeners.isEmpty();
		Mat annotated = null;
		RgbImage annotatedImage = null;
		try {
			if (record || display) {
				annotated = OpenCv.toMat(image);
				annotator.draw(annotated, faces, stats.fps());
				if (display) annotatedImage = OpenCv.toRgbImage(annotated);
			}
			final double latencyMillis = (System.nanoTime() - frame.nanoTime()) / 1e6;
			stats.latency.add(latencyMillis);
			if (outputs != null) {
				outputs.writeRows(frame, faces);
				if (record) outputs.record(annotated, frame.time() - stats.firstTime);
			}
			for (final FaceSink s : sinks) s.accept(frame, faces);
			if (display) notifyListeners(new LiveFrame(frame, annotatedImage, faces, stats.fps(), latencyMillis,
				stats.processed, dropped), log);
		}
		finally {
			if (annotated != null) annotated.release();
		}
		return faces;
	}

	private void notifyListeners(final LiveFrame event, final ProgressListener log) {
		for (final LiveListener l : listeners) {
			try {
				l.frame(event);
			}
			catch (final RuntimeException e) {
				if (!listenerFailed) log.log("Live display failed (the session goes on): " + e);
				listenerFailed = true;
			}
		}
	}
}
