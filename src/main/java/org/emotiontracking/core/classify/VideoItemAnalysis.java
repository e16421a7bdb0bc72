package org.emotiontracking.core.classify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.emotiontracking.core.detect.FaceBox;
import org.emotiontracking.core.detect.FaceDetector;
import org.emotiontracking.core.live.FaceSummary;
import org.emotiontracking.core.live.FrameSourceException;
import org.emotiontracking.core.live.LiveOutputs;
import org.emotiontracking.core.live.LiveSession;
import org.emotiontracking.core.live.LiveSettings;
import org.emotiontracking.core.live.LiveSummary;
import org.emotiontracking.core.live.StopReason;
import org.emotiontracking.core.live.TrackedFace;
import org.emotiontracking.core.live.VideoFileSource;
import org.emotiontracking.core.model.EmotionClassifier;
import org.emotiontracking.core.report.PredictionRow;
import org.emotiontracking.core.util.ProgressListener;
import org.emotiontracking.core.video.Frame;

/**
 * A video among Classify's inputs, analysed frame by frame by the same pipeline as Live Webcam
 * ({@link LiveSession} over a {@link VideoFileSource}: detect, crop, classify, track, write), in
 * batch mode: every selected frame, none dropped, decoding and detection on their own threads.
 * Each face of each analysed frame becomes a row of the log (frame, time_s, the tracker's face id
 * in {@code face}, box, prediction), and each analysed frame without a face one row saying so
 * ({@link PredictionRow#NO_FACE}, with its frame and time_s), as an image without a face; beside the log, {@code
 * videos/<name>/} gets the video's
 * {@value LiveOutputs#TIMELINE_CSV}, {@value LiveOutputs#TIMELINE_PNG} (emotions over time),
 * {@value LiveOutputs#DISTRIBUTION_PNG} and {@value FaceSummary#FILE} (per face id: frames seen,
 * share of time per emotion). Memory is flat: frames are streamed, rows go to the sinks as they come.
 */
final class VideoItemAnalysis implements EmotionClassification.VideoAnalyser {

	/** The folder of the per-video outputs inside Classify's output folder. */
	static final String FOLDER = "videos";

	private final EmotionClassifier classifier;
	private final FaceDetector detector;
	private final ClassifySettings settings;

	VideoItemAnalysis(final EmotionClassifier classifier, final FaceDetector detector,
		final ClassifySettings settings) {
		this.classifier = classifier;
		this.detector = detector;
		this.settings = settings;
	}

	/** The folder of a video's outputs: {@code <output>/videos/<relative path, '.' of the extension as '_'>}. */
	static Path folderOf(final Path output, final String itemName) {
		final int dot = itemName.lastIndexOf('.');
		final String name = dot > 0 && dot > itemName.lastIndexOf('/') ? itemName.substring(0, dot) + "_"
			+ itemName.substring(dot + 1) : itemName;
		Path p = output.resolve(FOLDER);
		for (final String part : name.split("/")) p = p.resolve(part);
		return p;
	}

	@Override
	public Result analyse(final ClassificationItem item, final long index, final ClassificationSink sink,
		final List<String> classNames, final ProgressListener progress) throws IOException
	{
		final VideoFileSource source;
		try {
			source = VideoFileSource.open(item.videoFile(), settings.videoSelection());
		}
		catch (final FrameSourceException e) {
			return Result.failed(e.getMessage());
		}
		final LiveSettings live = new LiveSettings();
		live.copyDetection(settings); // margin, align, largest (the detector itself is the one Classify opened)
		live.source = item.videoFile();
		live.output = settings.output == null ? null : folderOf(settings.output, item.name());
		live.overwrite = settings.overwrite;
		live.smoothing = settings.smoothing;
		live.max_frames = settings.max_frames;
		live.duration = settings.duration;
		live.show = false;
		live.detect_width = 0; // the detector of the settings shrinks by detection_size itself
		final long[] counts = new long[3]; // rows, frames with a face, frames
		final LiveSummary summary;
		final LiveSession session;
		try {
			session = LiveSession.open(live, source, classifier, detector);
		}
		catch (final IOException | RuntimeException e) {
			source.close();
			return Result.failed("Cannot analyse video " + item.name() + ": " + e.getMessage());
		}
		try (LiveSession s = session) {
			s.addFaceSink((frame, faces) -> {
				counts[2]++;
				if (!faces.isEmpty()) counts[1]++;
				// a row per analysed frame, as for an image without a face
				else sink.accept(noFaceRow(item, frame), null, index);
				for (final TrackedFace f : faces) {
					sink.accept(row(item, frame, f, classNames), f.box(), index);
					counts[0]++;
				}
			});
			summary = s.run(new ProgressListener() {
				@Override
				public void status(final String message) {
					progress.status(item.name() + ": " + message);
				}

				@Override
				public void log(final String message) {
					// the session's own lines; the summary below says what matters
				}

				@Override
				public boolean isCancelled() { return progress.isCancelled(); }
			});
		}
		catch (final IOException e) {
			return Result.failed("Video " + item.name() + " failed after " + counts[2] + " frames: " + e.getMessage());
		}
		String note = null;
		if (source.truncated() || summary.reason() == StopReason.SOURCE_FAILED) note = summary.message();
		else if (source.damage() != null) note = "video " + item.name() + " " + source.damage();
		if (note != null) progress.log("Video " + item.name() + ": " + note);
		progress.log(String.format(Locale.ROOT, "Video %s: %d frames analysed, %d with faces, %d face ids, %d rows%s",
			item.name(), counts[2], counts[1], summary.facesSeen(), counts[0], live.output == null ? "" : "; "
			+ live.output));
		return new Result(counts[2], counts[0], note, summary.reason() == StopReason.STOPPED);
	}

	private static PredictionRow noFaceRow(final ClassificationItem item, final Frame frame) {
		return PredictionRow.builder(item.name()).timestamp(frame.timestamp()).trueLabel(item.trueLabel())
			.frame(frame.index()).time(frame.time()).error(PredictionRow.NO_FACE).build();
	}

	private static PredictionRow row(final ClassificationItem item, final Frame frame, final TrackedFace f,
		final List<String> classNames) {
		final FaceBox b = f.box();
		final float[] p = f.probabilities();
		final double[] probabilities = new double[p.length];
		for (int c = 0; c < p.length; c++) probabilities[c] = p[c];
		return PredictionRow.builder(item.name()).timestamp(frame.timestamp()).trueLabel(item.trueLabel())
			.frame(frame.index()).time(frame.time()).face(f.id()).box(b.x(), b.y(), b.width(), b.height())
			.prediction(classNames, probabilities).build();
	}
}
