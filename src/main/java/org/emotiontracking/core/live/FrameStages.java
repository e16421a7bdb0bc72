package org.emotiontracking.core.live;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.function.Function;

import org.emotiontracking.core.detect.FaceBox;
import org.emotiontracking.core.util.DaemonThreads;
import org.emotiontracking.core.util.ProgressListener;
import org.emotiontracking.core.video.Frame;

/**
 * The two threads in front of the processing thread, and their lifecycle: a capture thread reads
 * the source and a detection thread finds the faces of the latest frame, joined by one-item
 * {@link HandOver}s, so detection overlaps the previous frame's classification and at most three
 * frames are in flight. From a live source (camera) frames are offered, replacing one not yet
 * taken (dropped, never queued); from a recording every frame is put, in order (batch never drops).
 * <p>
 * Use: {@link #start()}, then {@link #take} until it returns null and {@link #isDrained()}, then
 * {@link #stop}. {@link #stop} also ends the threads early; it closes the source unless a native
 * read hangs.
 */
final class FrameStages {

	/** How long {@link #stop} waits for the capture thread to end before giving up on the source. */
	static final long CAPTURE_JOIN_MILLIS = 15_000;

	private final FrameSource source;
	private final Function<Frame, List<FaceBox>> detector;
	private final HandOver<Frame> captured = new HandOver<>();
	private final HandOver<DetectedFrame> detected = new HandOver<>();
	private volatile boolean stopping;
	private volatile Throwable captureError;
	private volatile Throwable detectError;
	private volatile String endMessage;
	private boolean sourceClosed;
	private Thread captureThread;
	private Thread detectThread;

	/**
	 * @param source the frames (live sources drop frames when processing is slower)
	 * @param detector the faces of a frame (called on the detection thread, frames in order)
	 */
	FrameStages(final FrameSource source, final Function<Frame, List<FaceBox>> detector) {
		this.source = source;
		this.detector = detector;
	}

	/** A frame with the faces found in it. */
	static final class DetectedFrame {

		final Frame frame;
		final List<FaceBox> boxes;

		DetectedFrame(final Frame frame, final List<FaceBox> boxes) {
			this.frame = frame;
			this.boxes = boxes;
		}
	}

	void start() {
		captureThread = DaemonThreads.start("emotion-live-capture", this::capture);
		detectThread = DaemonThreads.start("emotion-live-detect", this::detect);
	}

	private void capture() {
		try {
			while (!stopping) {
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
			if (!stopping) captureError = e;
		}
		finally {
			captured.close();
		}
	}

	private void detect() {
		try {
			while (!stopping) {
				// Start on a frame only when the processing thread has taken the previous one: then the
				// frame is the freshest a camera has, and detection overlaps the previous frame's classification.
				if (!detected.awaitEmpty()) break;
				final Frame f = captured.take(100);
				if (f == null) {
					if (captured.isDrained()) break;
					continue;
				}
				if (!detected.put(new DetectedFrame(f, detector.apply(f)))) break;
			}
		}
		catch (final InterruptedException e) {
			// stopping
		}
		catch (final RuntimeException | Error e) {
			if (!stopping) detectError = e;
		}
		finally {
			detected.close();
		}
	}

	/**
	 * The next frame with its faces, waiting at most {@code timeoutMillis}; null if none came in
	 * time or the stages have ended ({@link #isDrained()}).
	 *
	 * @throws RuntimeException the detector's failure, once the stages have ended
	 */
	DetectedFrame take(final long timeoutMillis) throws InterruptedException {
		final DetectedFrame d = detected.take(timeoutMillis);
		if (d == null && detected.isDrained()) {
			final Throwable e = detectError;
			if (e instanceof RuntimeException) throw (RuntimeException) e;
			if (e instanceof Error) throw (Error) e;
		}
		return d;
	}

	/** Nothing more will come. */
	boolean isDrained() { return detected.isDrained(); }

	/** Why the source ended (null if it has not). */
	String endMessage() { return endMessage; }

	/** Reading the source failed (null if not). */
	Throwable captureError() { return captureError; }

	/** Frames the camera delivered that were replaced before they were detected. */
	long dropped() { return captured.dropped(); }

	/** Ends both threads and closes the source (unless a native read hangs: then it is left open). */
	void stop(final ProgressListener log) {
		stopping = true;
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

	/** Whether the detection thread still runs (then the detector must not be closed). */
	boolean detecting() { return detectThread != null && detectThread.isAlive(); }

	/** Closes the source if the capture thread is not (or no longer) reading it. */
	synchronized void closeSource() {
		if (sourceClosed || captureThread != null && captureThread.isAlive()) return;
		sourceClosed = true;
		source.close();
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

	/** Frames waiting between the threads now (at most one per hand-over). */
	int framesWaiting() { return captured.size() + detected.size(); }

	/** The most frames either hand-over ever held at once. */
	int maxFramesWaiting() { return Math.max(captured.maxOccupancy(), detected.maxOccupancy()); }
}
