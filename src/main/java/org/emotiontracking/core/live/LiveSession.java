package org.emotiontracking.core.live;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.emotiontracking.core.data.OpenCv;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.detect.FaceBox;
import org.emotiontracking.core.detect.FaceCropper;
import org.emotiontracking.core.detect.Faces;
import org.emotiontracking.core.detect.FaceDetectionSettings;
import org.emotiontracking.core.detect.FaceDetector;
import org.emotiontracking.core.detect.FaceDetectors;
import org.emotiontracking.core.model.EmotionClassifier;
import org.emotiontracking.core.util.ProgressListener;
import org.opencv.core.Mat;

/**
 * Live emotion tracking: frames from a camera, video or image sequence go through face detection
 * (on a shrunk copy), classification (one batch per frame), tracking ({@link FaceTracker}) and the
 * overlay ({@link FrameAnnotator}) to the listeners and the outputs ({@link LiveOutputs}).
 * <p>
 * Three threads form a pipeline joined by one-item hand-overs: a capture thread reads the source,
 * a detection thread finds the faces of the latest frame, and the thread calling {@link #run}
 * classifies, tracks, draws and writes, while the next frame is being detected. When processing
 * is slower than a camera, frames are dropped, never queued (at most three frames are in flight),
 * so memory stays flat however long the session runs: only CSV rows accumulate, on disk. From a
 * video or image sequence every frame is processed, in order. The session ends
 * at the end of the source, after {@code max_frames} frames or {@code duration} seconds, or when
 * {@link #stop()} is called (any thread, e.g. a window on q, Esc or close). The CSV and video are
 * closed on every path and the charts written; then listeners hear {@link LiveListener#finished}.
 * <p>
 * Typical use: {@code try (LiveSession s = LiveSession.open(settings)) { s.addListener(l); s.run(progress); }}
 */
public final class LiveSession implements AutoCloseable {

	/** How long {@link #run} waits for the capture thread to end before giving up on the source. */
	private static final long CAPTURE_JOIN_MILLIS = 15_000;
	private static final long STATUS_INTERVAL_NANOS = 500_000_000L;

	private final LiveSettings settings;
	private final FrameSource source;
	private final EmotionClassifier classifier;
	private final boolean ownsClassifier;
	private final FaceDetector detector;
	private final boolean ownsDetector;
	private final FaceTracker tracker;
	private final FaceCropper cropper;
	private final FrameAnnotator annotator = new FrameAnnotator();
	private final List<LiveListener> listeners = new CopyOnWriteArrayList<>();
	private final HandOver<Frame> captured = new HandOver<>();
	private final HandOver<Detected> detected = new HandOver<>();
	private final AtomicBoolean started = new AtomicBoolean();
	private volatile boolean stopRequested;
	private volatile boolean captureStop;
	private volatile boolean running;
	private volatile Throwable captureError;
	private volatile Throwable detectError;
	private volatile String endMessage;
	private volatile boolean sourceClosed;
	private boolean closed;
	private Thread captureThread;
	private Thread detectThread;
	private final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);

	private LiveSession(final LiveSettings settings, final FrameSource source, final EmotionClassifier classifier,
		final boolean ownsClassifier, final FaceDetector detector, final boolean ownsDetector)
	{
		this.settings = settings;
		this.source = source;
		this.classifier = classifier;
		this.ownsClassifier = ownsClassifier;
		this.detector = detector;
		this.ownsDetector = ownsDetector;
		this.tracker = new FaceTracker(classifier.classNames(), settings.smoothing, settings.max_missed);
		this.cropper = FaceCropper.of(settings);
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
		settings.validate();
		checkOutputs(settings);
		final FrameSource source = openSource(settings);
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
		final EmotionClassifier classifier = EmotionClassifier.load(settings.model, settings.classes.isEmpty() ? null
			: settings.classes, settings.engine, settings.inference_threads, settings.trust);
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
	public static LiveSession open(final LiveSettings settings, final FrameSource source, final EmotionClassifier classifier,
		final FaceDetector detector) throws IOException
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
		final Thread t = new Thread(() -> {
			try {
				result.complete(run(progress));
			}
			catch (final Throwable e) {
				result.completeExceptionally(e);
			}
		}, "emotion-live");
		t.setDaemon(true);
		t.start();
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
		final Loop loop = new Loop(log);
		StopReason reason = StopReason.ERROR;
		Throwable failure = null;
		LiveOutputs outputs = null;
		final List<Path> files = new ArrayList<>();
		try {
			log.log("Live emotion tracking: " + source.description() + "; model " + describeModel() + "; " +
				detector.description() + "; smoothing " + settings.smoothing + " frames");
			if (settings.output != null) outputs = LiveOutputs.open(settings.output, classifier.classNames(), settings.record,
				settings.overwrite, source.fps(), source.isLive());
			startThreads();
			reason = loop.run(outputs);
		}
		catch (final IOException | RuntimeException | Error e) {
			failure = e;
			reason = StopReason.ERROR;
		}
		finally {
			stopThreads(log);
			if (outputs != null) {
				try {
					files.addAll(outputs.finish(loop.counts, timeAxisLabel()));
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
		final String message = failure != null ? String.valueOf(failure.getMessage()) : reason == StopReason.SOURCE_FAILED ?
			"reading " + source.description() + " failed: " + captureError : reason == StopReason.END_OF_SOURCE ? endMessage : loop.stopMessage;
		final LiveSummary summary = new LiveSummary(reason, message, loop.processed, captured.dropped(), loop.observations,
			tracker.facesSeen(), loop.seconds(), loop.latency.mean(), loop.latency.quantile(0.95), classifier.classNames(), loop.counts,
			files, outputs == null ? 0 : outputs.videoFrames());
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

	private String describeModel() {
		return String.format(Locale.ROOT, "%s: %s%s, %d px, classes %s, on %s", classifier.description(), classifier
			.metadata().architecture, classifier.metadata().isMobileNetV2() ? String.format(Locale.ROOT, " alpha %.2f",
				classifier.metadata().alpha) : "", classifier.inputSize(), String.join(",", classifier.classNames()),
			classifier.engineDescription());
	}

	private String timeAxisLabel() {
		return source.isLive() || source.fps() > 0 ? "Time (s)" : "Frame";
	}

	/** The per-frame work and its bounded statistics. */
	private final class Loop {

		final ProgressListener log;
		final long[] counts = new long[classifier.classNames().size()];
		final LatencyStats latency = new LatencyStats();
		long processed;
		long observations;
		long firstNanos;
		long lastNanos;
		double firstTime = Double.NaN;
		double intervalAverage = Double.NaN;
		long lastStatus;
		String stopMessage = "";
		boolean listenerFailed;

		Loop(final ProgressListener log) {
			this.log = log;
		}

		double seconds() { return processed == 0 ? 0 : (lastNanos - firstNanos) / 1e9; }

		double fps() { return intervalAverage > 0 ? 1 / intervalAverage : Double.NaN; }

		StopReason run(final LiveOutputs outputs) throws IOException {
			while (true) {
				if (stopRequested || log.isCancelled()) {
					stopMessage = "stopped by the user";
					return StopReason.STOPPED;
				}
				if (durationReached(Double.NaN)) return StopReason.DURATION;
				final Detected next;
				try {
					next = detected.take(100);
				}
				catch (final InterruptedException e) {
					Thread.currentThread().interrupt();
					stopMessage = "interrupted";
					return StopReason.STOPPED;
				}
				if (next == null) {
					if (!detected.isDrained()) continue;
					final Throwable e = detectError;
					if (e instanceof RuntimeException) throw (RuntimeException) e;
					if (e instanceof Error) throw (Error) e;
					return captureError != null ? StopReason.SOURCE_FAILED : StopReason.END_OF_SOURCE;
				}
				final Frame frame = next.frame;
				if (Double.isNaN(firstTime)) firstTime = frame.time();
				if (durationReached(frame.time())) return StopReason.DURATION;
				process(frame, next.boxes, outputs);
				if (settings.max_frames > 0 && processed >= settings.max_frames) {
					stopMessage = settings.max_frames + " frames";
					return StopReason.MAX_FRAMES;
				}
				status(frame);
			}
		}

		/** Whether duration= has passed: by the frame's time, and for live sources also by the clock. */
		boolean durationReached(final double frameTime) {
			if (settings.duration <= 0 || processed == 0) return false;
			final boolean byFrame = !Double.isNaN(frameTime) && frameTime - firstTime >= settings.duration - 1e-9;
			final boolean byClock = source.isLive() && (System.nanoTime() - firstNanos) / 1e9 >= settings.duration;
			if (byFrame || byClock) stopMessage = String.format(Locale.ROOT, "%.3g s", settings.duration);
			return byFrame || byClock;
		}

		void process(final Frame frame, final List<FaceBox> found, final LiveOutputs outputs) throws IOException {
			final RgbImage image = frame.image();
			final List<FaceBox> boxes = settings.largest ? Faces.largestOnly(found) : found;
			final float[][] probabilities;
			if (boxes.isEmpty()) probabilities = new float[0][];
			else {
				final List<RgbImage> crops = new ArrayList<>(boxes.size());
				for (final FaceBox b : boxes) crops.add(cropper.crop(image, b).image());
				probabilities = classifier.predict(crops);
			}
			final List<TrackedFace> faces = tracker.update(boxes, probabilities);
			for (final TrackedFace f : faces) counts[f.emotionIndex()]++;
			observations += faces.size();

			final long now = System.nanoTime();
			if (processed == 0) firstNanos = now;
			else {
				final double dt = (now - lastNanos) / 1e9;
				intervalAverage = Double.isNaN(intervalAverage) ? dt : 0.9 * intervalAverage + 0.1 * dt;
			}
			lastNanos = now;
			processed++;

			final boolean record = outputs != null && outputs.recording();
			final boolean display = !listeners.isEmpty();
			Mat annotated = null;
			RgbImage annotatedImage = null;
			try {
				if (record || display) {
					annotated = OpenCv.toMat(image);
					annotator.draw(annotated, faces, fps());
					if (display) annotatedImage = OpenCv.toRgbImage(annotated);
				}
				final double latencyMillis = (System.nanoTime() - frame.nanoTime()) / 1e6;
				latency.add(latencyMillis);
				if (outputs != null) {
					outputs.writeRows(frame, faces);
					if (record) outputs.record(annotated, frame.time() - firstTime);
				}
				if (display) {
					final LiveFrame event = new LiveFrame(frame, annotatedImage, faces, fps(), latencyMillis, processed, captured.dropped());
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
			finally {
				if (annotated != null) annotated.release();
			}
		}

		void status(final Frame frame) {
			final long now = System.nanoTime();
			if (now - lastStatus < STATUS_INTERVAL_NANOS && processed > 1) return;
			lastStatus = now;
			log.status(String.format(Locale.ROOT, "Live: frame %d, %.1f fps, %d face%s tracked, latency %.0f ms%s", frame.index(), fps(),
				tracker.trackedFaces(), tracker.trackedFaces() == 1 ? "" : "s", latency.mean(),
				captured.dropped() > 0 ? ", " + captured.dropped() + " dropped" : ""));
			final long total = settings.max_frames > 0 ? settings.max_frames : source.frameCount();
			if (total > 0) log.progress(Math.min(1, (double) (settings.max_frames > 0 ? processed : frame.index()) / total));
		}
	}

	/** A frame with the faces found in it. */
	private static final class Detected {

		final Frame frame;
		final List<FaceBox> boxes;

		Detected(final Frame frame, final List<FaceBox> boxes) {
			this.frame = frame;
			this.boxes = boxes;
		}
	}

	private void startThreads() {
		captureThread = new Thread(() -> {
			try {
				while (!captureStop) {
					final Frame f = source.next();
					if (f == null) {
						endMessage = source.endMessage();
						break;
					}
					if (source.isLive()) {
						if (!captured.offer(f)) break;
					}
					else if (!captured.put(f)) break;
				}
			}
			catch (final InterruptedException | InterruptedIOException e) {
				// stopping
			}
			catch (final IOException | RuntimeException e) {
				if (!captureStop) captureError = e;
			}
			finally {
				captured.close();
			}
		}, "emotion-live-capture");
		detectThread = new Thread(() -> {
			try {
				while (!captureStop) {
					// Start on a frame only when the processing thread has taken the previous one: then the
					// frame is the freshest a camera has, and detection overlaps the previous frame's classification.
					if (!detected.awaitEmpty()) break;
					final Frame f = captured.take(100);
					if (f == null) {
						if (captured.isDrained()) break;
						continue;
					}
					if (!detected.put(new Detected(f, detector.detect(f.image())))) break;
				}
			}
			catch (final InterruptedException e) {
				// stopping
			}
			catch (final RuntimeException | Error e) {
				if (!captureStop) detectError = e;
			}
			finally {
				detected.close();
			}
		}, "emotion-live-detect");
		for (final Thread t : new Thread[] { captureThread, detectThread }) {
			t.setDaemon(true);
			t.start();
		}
	}

	/** Ends the capture and detection threads and closes the source (unless it hangs in a native read). */
	private void stopThreads(final ProgressListener log) {
		captureStop = true;
		captured.close();
		detected.close();
		final boolean detectEnded = join(detectThread);
		final boolean captureEnded = join(captureThread);
		if (!detectEnded) log.log("Face detection did not stop in time");
		if (!captureEnded) {
			log.log("The frame source did not stop reading; it is left open: " + source.description());
			return;
		}
		closeSource();
	}

	private static boolean join(final Thread t) {
		if (t == null) return true;
		try {
			t.join(2000);
			if (t.isAlive()) {
				t.interrupt();
				t.join(CAPTURE_JOIN_MILLIS);
			}
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		return !t.isAlive();
	}

	private synchronized void closeSource() {
		if (sourceClosed) return;
		sourceClosed = true;
		source.close();
	}

	/** Frames waiting between the threads now (at most one per hand-over). */
	int framesWaiting() { return captured.size() + detected.size(); }

	/** The most frames either hand-over ever held at once (test hook for bounded memory). */
	int maxFramesWaiting() { return Math.max(captured.maxOccupancy(), detected.maxOccupancy()); }

	/** Faces the tracker remembers now (test hook for bounded memory). */
	int trackedFaces() { return tracker.trackedFaces(); }

	/**
	 * Stops the session, waits for {@link #run} to end if it is running, and closes the source and,
	 * if the session opened them, the model and detector.
	 */
	@Override
	public void close() {
		stop();
		if (started.get() && !awaitEnd(CAPTURE_JOIN_MILLIS + 5000)) return; // still busy: leave it
		synchronized (this) {
			if (closed) return;
			closed = true;
		}
		if (captureThread == null || !captureThread.isAlive()) closeSource();
		if (ownsDetector && (detectThread == null || !detectThread.isAlive())) detector.close();
		if (ownsClassifier) classifier.close();
	}

	/**
	 * Waits until {@link #run} has ended (outputs closed, charts written), at most
	 * {@code timeoutMillis}; true if it has ended or never started.
	 */
	public boolean awaitEnd(final long timeoutMillis) {
		if (!started.get()) return true;
		try {
			return done.await(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public String toString() {
		return "LiveSession[" + source.description() + ", " + Collections.unmodifiableList(classifier.classNames()) + "]";
	}
}
