package org.emotiontracking.core.live;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.emotiontracking.core.data.OpenCv;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.videoio.VideoWriter;
import org.opencv.videoio.Videoio;

/**
 * {@code annotated.avi}: the processed frames with their overlay, as Motion-JPEG (OpenCV's
 * built-in writer). From a recorded source every processed frame is written once. From a live
 * source (camera), a frame is repeated where frames were dropped, so the video plays in real time
 * at the camera's rate (at most {@value #MAX_REPEAT_SECONDS} s of repeats per frame).
 */
final class AnnotatedVideo implements Closeable {

	static final double DEFAULT_FPS = 30;
	static final double MAX_REPEAT_SECONDS = 2;

	private final Path file;
	private final double fps;
	private final boolean realTime;
	private final Size size;
	private final VideoWriter writer;
	private final Mat bgr = new Mat();
	private long written;
	private boolean closed;

	/**
	 * @param fps frame rate of the video (0: {@value #DEFAULT_FPS})
	 * @param realTime repeat frames to keep real time (live sources)
	 */
	AnnotatedVideo(final Path file, final int width, final int height, final double fps, final boolean realTime) throws IOException {
		OpenCv.ensureLoaded();
		this.file = file;
		this.fps = fps > 0 ? fps : DEFAULT_FPS;
		this.realTime = realTime;
		this.size = new Size(width, height);
		writer = new VideoWriter(file.toAbsolutePath().toString(), Videoio.CAP_OPENCV_MJPEG, VideoWriter.fourcc('M', 'J', 'P', 'G'), this.fps, size, true);
		if (!writer.isOpened()) {
			writer.release();
			bgr.release();
			throw new IOException("OpenCV cannot write the MJPEG video " + file.toAbsolutePath());
		}
	}

	/**
	 * Writes one frame (an RGB Mat) taken at {@code time} seconds after the first.
	 */
	void write(final Mat rgb, final double time) throws IOException {
		if (closed) throw new IOException("The annotated video is closed");
		Imgproc.cvtColor(rgb, bgr, Imgproc.COLOR_RGB2BGR);
		if (bgr.cols() != (int) size.width || bgr.rows() != (int) size.height) Imgproc.resize(bgr, bgr, size, 0, 0, Imgproc.INTER_AREA);
		long copies = 1;
		if (realTime) {
			final long due = (long) Math.floor(time * fps + 1e-6) + 1; // frames the video should hold after this one
			copies = Math.max(1, Math.min(due - written, Math.round(MAX_REPEAT_SECONDS * fps)));
		}
		for (long i = 0; i < copies; i++) writer.write(bgr);
		written += copies;
	}

	/** Frames written so far. */
	long frames() { return written; }

	Path file() { return file; }

	@Override
	public void close() {
		if (closed) return;
		closed = true;
		writer.release();
		bgr.release();
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%s (%d frames at %.3g fps)", file, written, fps);
	}
}
