package org.emotiontracking.core.live;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.emotiontracking.core.detect.FaceCropper;
import org.emotiontracking.core.detect.FaceDetectionSettings;
import org.emotiontracking.core.detect.FaceDetector;
import org.emotiontracking.core.detect.FaceDetectors;
import org.emotiontracking.core.model.EmotionClassifier;
import org.emotiontracking.core.util.DaemonThreads;
import org.emotiontracking.core.util.ProgressListener;
import org.emotiontracking.core.video.Frame;

/**
 * A live (or batch) emotion-tracking session: the wiring of a frame source, the model and the
 * detector into {@link FrameStages} (the capture and detection threads and their lifecycle),
 * {@link FramePipeline} (the per-frame work: crop, classify, track, annotate, write, notify),
 * {@link StopPolicy} (max_frames, duration, stop) and, at the end, the outputs' charts and a
 * {@link LiveSummary}.
 * <p>
 * When processing is slower than a camera, frames are dropped, never queued (at most three frames
 * are in flight), so memory stays flat however long the session runs: only CSV rows accumulate, on
 * disk. From a video or image sequence every frame is processed, in order (the batch mode:
 * Classify runs a session per video file). The session ends at the end of the source, after
 * {@code max_frames} frames or {@code duration} seconds, or when {@link #stop()} is called (any
 * thread, e.g. a window on q, Esc or close). The CSV and video are closed on every path and the
 * charts written; then listeners hear {@link LiveListener#finished}.
 * <p>
 * Typical use: {@code try (LiveSession s = LiveSession.open(settings)) { s.addListener(l); s.run(progress); }}
 */
public final class LiveSession implements AutoCloseable {

	private static final long STATUS_INTERVAL_NANOS = 500_000_000L;

	private final LiveSettings settings;
	private final FrameSource source;
	private final EmotionClassifier classifier;
	private final boolean ownsClassifier;
	private final FaceDetector detector;
	private final boolean ownsDetector;
	private final List<LiveListener> listeners = new CopyOnWriteArrayList<>();
	private final FramePipeline pipeline;
	private final FrameStages stages;
	private final StopPolicy policy;
	private final AtomicBoolean started = new AtomicBoolean();
	private volatile boolean stopRequested;
	private volatile boolean running;
	private boolean closed;
	private final CountDownLatch done = new CountDownLatch(1);

	private LiveSession(final LiveSettings settings, final FrameSource source, final EmotionClassifier classifier,
		final boolean ownsClassifier, final FaceDetector detector, final boolean ownsDetector)
	{
		this.settings = settings;
		this.source = source;
		this.classifier = classifier;
		this.ownsClassifier = ownsClassifier;
		this.detector = detector;
		this.ownsDetector = ownsDetector;
		this.pipeline = new FramePipeline(classifier, detector,
			new FaceTracker(classifier.classNames(), settings.smoothing, settings.max_missed), FaceCropper.of(settings),
			settings.largest, listeners);
		this.stages = new FrameStages(source, pipeline::detect);
		this.policy = new StopPolicy(settings.max_frames, settings.duration, source.isLive());
	}

	/**
	 * Opens everything the settings name: the source (camera=, or source= video; realtime=), the
	 * model and the face detector. Output files are checked first (no overwrite unless
	 * overwrite=true), so nothing slow happens before that error.
	 *
	 * @throws FrameSourceException if the camera or video cannot be opened (the message lists what was tried)
	 * @throws IOException if the model or detector cannot be loaded or outputs exist
	 * @throws IllegalArgumentException for invalid settings
	 */
	public static LiveSession open(final LiveSettings settings) throws IOException {
		return open(settings, (NoCamera) null);
	}

	/** Where the frames come from when no source= is given and no camera can be opened. */
	public interface NoCamera {

		/** Frames instead of the camera (e.g. the planes of an open image), or null: {@code e} stands. */
		FrameSource instead(FrameSourceException e) throws IOException;
	}

	/**
	 * As {@link #open(LiveSettings)}; when no source= is given and the camera cannot be opened, the
	 * frames come from {@code noCamera} (null: the camera's error).
	 */
	public static LiveSession open(final LiveSettings settings, final NoCamera noCamera) throws IOException {
		settings.validate();
		checkOutputs(settings);
		FrameSource found;
		try {
			found = openSource(settings);
		}
		catch (final FrameSourceException e) {
			found = settings.source == null && noCamera != null ? noCamera.instead(e) : null;
			if (found == null) throw e;
		}
		final FrameSource source = found;
		try {
			return open(settings, source);
		}
		catch (final IOException | RuntimeException | Error e) {
			source.close();
			throw e;
		}
	}

	/**
	 * A session on a given source (e.g. an ImageJ stack as an {@link ImageSequenceSource}), with
	 * the model and detector of the settings. The session owns the source: it closes it.
	 */
	public static LiveSession open(final LiveSettings settings, final FrameSource source) throws IOException {
		settings.validate();
		checkOutputs(settings);
		final EmotionClassifier classifier = settings.loadClassifier();
		try {
			final FaceDetector detector = openDetector(settings, source.width(), source.height());
			return new LiveSession(settings, source, classifier, true, detector, true);
		}
		catch (final IOException | RuntimeException | Error e) {
			classifier.close();
			throw e;
		}
	}

	/**
	 * A session with an already loaded classifier and, optionally, detector (null: from the
	 * settings). The session owns the source, not the classifier or a given detector: the caller
	 * closes those, so a window can reuse a loaded model.
	 */
	public static LiveSession open(final LiveSettings settings, final FrameSource source,
		final EmotionClassifier classifier, final FaceDetector detector) throws IOException
	{
		settings.validate();
		checkOutputs(settings);
		final FaceDetector d = detector != null ? detector : openDetector(settings, source.width(), source.height());
		return new LiveSession(settings, source, classifier, false, d, detector == null);
	}

	private static void checkOutputs(final LiveSettings settings) throws IOException {
		if (settings.output != null) LiveOutputs.checkCanWrite(settings.output, settings.record, settings.overwrite);
	}

	/** The source the settings name: source= video (paced with realtime=true) or camera=. */
	public static FrameSource openSource(final LiveSettings settings) throws FrameSourceException {
		if (settings.source == null) return CameraSource.open(settings.camera);
		final FrameSource video = VideoFileSource.open(settings.source, settings.videoSelection());
		return settings.realtime ? new PacedSource(video) : video;
	}

	/**
	 * The detector the settings name ({@link FaceDetectors#open(FaceDetectionSettings)}); a Haar
	 * cascade or YuNet works on frames shrunk to {@code detect_width} (boxes and {@code min_face} stay
	 * in frame pixels).
	 */
	public static FaceDetector openDetector(final LiveSettings settings, final int frameWidth, final int frameHeight)
		throws IOException
	{
		final FaceDetectionSettings d = new FaceDetectionSettings().copyDetection(settings);
		final int maxSide = detectionSide(settings.detect_width, frameWidth, frameHeight);
		if (maxSide > 0) d.detection_size = maxSide;
		return FaceDetectors.open(d);
	}

	/** The longer side of a frame shrunk to {@code detectWidth} (0: no shrinking). */
	static int detectionSide(final int detectWidth, final int width, final int height) {
		if (detectWidth <= 0 || detectWidth >= width) return 0;
		return (int) Math.round(detectWidth * (double) Math.max(width, height) / width);
	}

	/** Adds a listener (e.g. the display); may be called while running. */
	public void addListener(final LiveListener listener) {
		listeners.add(listener);
	}

	public void removeListener(final LiveListener listener) {
		listeners.remove(listener);
	}

	/**
	 * Adds a receiver of every processed frame's faces (e.g. Classify's log rows for a video);
	 * call before {@link #run}.
	 */
	public void addFaceSink(final FaceSink sink) {
		if (started.get()) throw new IllegalStateException("Add face sinks before the session runs");
		pipeline.addSink(sink);
	}

	/** Asks the session to end after the current frame; safe from any thread, returns at once. */
	public void stop() {
		stopRequested = true;
	}

	/** Whether {@link #stop()} was called. */
	public boolean isStopRequested() { return stopRequested; }

	/** Whether {@link #run} is in progress. */
	public boolean isRunning() { return running; }

	public FrameSource source() { return source; }

	public List<String> classNames() { return classifier.classNames(); }

	public LiveSettings settings() { return settings; }

	/** Runs {@link #run} on a new thread ("emotion-live"); the future completes with its summary or error. */
	public CompletableFuture<LiveSummary> start(final ProgressListener progress) {
		final CompletableFuture<LiveSummary> result = new CompletableFuture<>();
		DaemonThreads.start("emotion-live", () -> {
			try {
				result.complete(run(progress));
			}
			catch (final Throwable e) {
				result.completeExceptionally(e);
			}
		});
		return result;
	}

	/**
	 * Processes frames until the session ends (see the class comment), then closes the outputs and
	 * writes the charts. Runs once.
	 *
	 * @param progress status about twice a second, log lines, and {@link ProgressListener#isCancelled()} to stop
	 * @return what happened
	 * @throws IOException if writing the outputs failed (outputs are closed first)
	 */
	public LiveSummary run(final ProgressListener progress) throws IOException {
		if (!started.compareAndSet(false, true)) throw new IllegalStateException("A live session runs only once");
		final ProgressListener log = progress != null ? progress : ProgressListener.SILENT;
		running = true;
		StopReason reason = StopReason.ERROR;
		Throwable failure = null;
		LiveOutputs outputs = null;
		final List<Path> files = new ArrayList<>();
		try {
			log.log("Live emotion tracking: " + source.description() + "; model " + describeModel() + "; " +
				detector.description() + "; smoothing " + settings.smoothing + " frames");
			if (settings.output != null) outputs = LiveOutputs.open(settings.output, classifier.classNames(),
				settings.record, settings.overwrite, source.fps(), source.isLive());
			stages.start();
			reason = loop(outputs, log);
		}
		catch (final IOException | RuntimeException | Error e) {
			failure = e;
			reason = StopReason.ERROR;
		}
		finally {
			stages.stop(log);
			if (outputs != null) {
				try {
					files.addAll(outputs.finish(pipeline.stats().counts, timeAxisLabel()));
				}
				catch (final IOException | RuntimeException e) {
					try {
						outputs.close();
					}
					catch (final IOException ignored) {
						// already failing
					}
					if (failure == null) failure = e;
					else log.log("Could not finish the outputs: " + e.getMessage());
				}
			}
			running = false;
			done.countDown();
		}
		final LiveSummary summary = summary(reason, failure, files, outputs);
		for (final LiveListener l : listeners) {
			try {
				l.finished(summary);
			}
			catch (final RuntimeException e) {
				log.log("Live display failed: " + e);
			}
		}
		if (failure instanceof IOException) throw (IOException) failure;
		if (failure instanceof RuntimeException) throw (RuntimeException) failure;
		if (failure instanceof Error) throw (Error) failure;
		return summary;
	}

	/** Takes detected frames and processes them until the source ends or the stop policy says so. */
	private StopReason loop(final LiveOutputs outputs, final ProgressListener log) throws IOException {
		final FrameStats stats = pipeline.stats();
		long lastStatus = 0;
		while (true) {
			if (policy.stopped(stopRequested, log.isCancelled(), false)) return StopReason.STOPPED;
			if (policy.durationReached(stats, Double.NaN)) return StopReason.DURATION;
			final FrameStages.DetectedFrame next;
			try {
				next = stages.take(100);
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
				policy.stopped(false, false, true);
				return StopReason.STOPPED;
			}
			if (next == null) {
				if (!stages.isDrained()) continue;
				return stages.captureError() != null ? StopReason.SOURCE_FAILED : StopReason.END_OF_SOURCE;
			}
			if (policy.durationReached(stats, next.frame.time())) return StopReason.DURATION;
			pipeline.process(next.frame, next.boxes, outputs, stages.dropped(), log);
			if (policy.maxFramesReached(stats)) return StopReason.MAX_FRAMES;
			final long now = System.nanoTime();
			if (now - lastStatus >= STATUS_INTERVAL_NANOS || stats.processed == 1) {
				lastStatus = now;
				status(next.frame, log);
			}
		}
	}

	private void status(final Frame frame, final ProgressListener log) {
		final FrameStats stats = pipeline.stats();
		final int tracked = pipeline.tracker().trackedFaces();
		log.status(String.format(Locale.ROOT, "Live: frame %d, %.1f fps, %d face%s tracked, latency %.0f ms%s",
			frame.index(), stats.fps(), tracked, tracked == 1 ? "" : "s", stats.latency.mean(), stages.dropped() > 0
			? ", " + stages.dropped() + " dropped" : ""));
		final long total = settings.max_frames > 0 ? settings.max_frames : source.frameCount();
		if (total > 0) log.progress(Math.min(1, (double) (settings.max_frames > 0 ? stats.processed
			: frame.index()) / total));
	}

	private String stopMessage(final StopReason reason, final Throwable failure) {
		if (failure != null) return String.valueOf(failure.getMessage());
		if (reason == StopReason.SOURCE_FAILED) return "reading " + source.description() + " failed: "
			+ stages.captureError();
		if (reason == StopReason.END_OF_SOURCE) return stages.endMessage();
		return policy.message();
	}

	private LiveSummary summary(final StopReason reason, final Throwable failure, final List<Path> files,
		final LiveOutputs outputs) {
		final FrameStats stats = pipeline.stats();
		final String message = stopMessage(reason, failure);
		return new LiveSummary(reason, message, stats.processed, stages.dropped(), stats.observations,
			pipeline.tracker().facesSeen(), stats.seconds(), stats.latency.mean(), stats.latency.quantile(0.95),
			classifier.classNames(), stats.counts, files, outputs == null ? 0 : outputs.videoFrames());
	}

	private String describeModel() {
		return String.format(Locale.ROOT, "%s: %s%s, %d px, classes %s, on %s", classifier.description(), classifier
			.metadata().architecture, classifier.metadata().isMobileNetV2() ? String.format(Locale.ROOT, " alpha %.2f",
				classifier.metadata().alpha) : "", classifier.inputSize(), String.join(",", classifier.classNames()),
			classifier.engineDescription());
	}

	private String timeAxisLabel() {
		return source.isLive() || source.fps() > 0 || source instanceof VideoFileSource ? "Time (s)" : "Frame";
	}

	/** Frames waiting between the threads now (at most one per hand-over). */
	int framesWaiting() { return stages.framesWaiting(); }

	/** The most frames either hand-over ever held at once (test hook for bounded memory). */
	int maxFramesWaiting() { return stages.maxFramesWaiting(); }

	/** Frames whose BlazeFace tiles were looked at (test hook for the stream's tiles=auto rule). */
	long tiledFrames() { return pipeline.tiling().tiledFrames(); }

	/** Faces the tracker remembers now (test hook for bounded memory). */
	int trackedFaces() { return pipeline.tracker().trackedFaces(); }

	/**
	 * Stops the session, waits for {@link #run} to end if it is running, and closes the source and,
	 * if the session opened them, the model and detector.
	 */
	@Override
	public void close() {
		stop();
		if (started.get() && !awaitEnd(FrameStages.CAPTURE_JOIN_MILLIS + 5000)) return; // still busy: leave it
		synchronized (this) {
			if (closed) return;
			closed = true;
		}
		stages.closeSource();
		if (ownsDetector && !stages.detecting()) detector.close();
		if (ownsClassifier) classifier.close();
	}

	/**
	 * Waits until {@link #run} has ended (outputs closed, charts written), at most
	 * {@code timeoutMillis}; true if it has ended or never started.
	 */
	public boolean awaitEnd(final long timeoutMillis) {
		if (!started.get()) return true;
		try {
			return done.await(timeoutMillis, TimeUnit.MILLISECONDS);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public String toString() {
		return "LiveSession[" + source.description() + ", " + Collections.unmodifiableList(classifier.classNames())
			+ "]";
	}
}
