package org.emotiontracking.core.live;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.emotiontracking.core.data.OpenCv;
import org.emotiontracking.core.data.RgbImage;
import org.opencv.videoio.VideoCapture;
import org.opencv.videoio.Videoio;

/**
 * A video file read with OpenCV's built-in Motion-JPEG reader (.avi; this OpenCV build has no
 * FFMPEG, so no mp4). Every frame is delivered, as fast as the reader asks ({@link #isLive()} is
 * false); a frame's {@link Frame#time() time} is its position in the video. A frame that cannot
 * be decoded ends the source (truncated file).
 */
public final class VideoFileSource implements FrameSource {

	/** How to convert other videos into files this source reads. */
	public static final String CONVERT_HINT = "this OpenCV build (no FFMPEG) reads only Motion-JPEG .avi files; convert the video, " +
		"e.g. ffmpeg -i input.mp4 -c:v mjpeg -q:v 3 -an output.avi, or open it in Fiji as an image stack";

	private final Path file;
	private final CaptureReader reader;
	private final int width;
	private final int height;
	private final double fps;
	private final long frameCount;
	private RgbImage first;
	private long count;
	private String endMessage;

	private VideoFileSource(final Path file, final CaptureReader reader, final RgbImage first) {
		this.file = file;
		this.reader = reader;
		this.first = first;
		this.width = first.width();
		this.height = first.height();
		final double f = reader.capture().get(Videoio.CAP_PROP_FPS);
		this.fps = f > 0 && f <= 1000 ? f : 0;
		final double n = reader.capture().get(Videoio.CAP_PROP_FRAME_COUNT);
		this.frameCount = n > 0 ? (long) n : -1;
	}

	/**
	 * Opens a video file and decodes its first frame.
	 *
	 * @throws FrameSourceException if the file is missing, unreadable, not a video OpenCV can read
	 *                              or has no frames; the message says what to do
	 */
	public static VideoFileSource open(final Path file) throws FrameSourceException {
		if (!Files.exists(file)) throw new FrameSourceException("Video file not found: " + file.toAbsolutePath());
		if (!Files.isRegularFile(file)) throw new FrameSourceException("Not a video file: " + file.toAbsolutePath());
		if (!Files.isReadable(file)) throw new FrameSourceException("Video file is not readable: " + file.toAbsolutePath());
		OpenCv.ensureLoaded();
		// OpenCV's own MJPEG reader first (quiet); then whatever else this OpenCV build has
		VideoCapture cap = null;
		for (final int api : new int[] { Videoio.CAP_OPENCV_MJPEG, Videoio.CAP_ANY }) {
			final VideoCapture c = new VideoCapture();
			boolean opened;
			try {
				opened = c.open(file.toAbsolutePath().toString(), api) && c.isOpened();
			}
			catch (final RuntimeException e) {
				opened = false;
			}
			if (opened) {
				cap = c;
				break;
			}
			c.release();
		}
		if (cap == null) {
			throw new FrameSourceException("Cannot read video " + file.toAbsolutePath() + ": " + CONVERT_HINT + ".");
		}
		final CaptureReader reader = new CaptureReader(cap);
		final RgbImage first;
		try {
			first = reader.read();
		}
		catch (final RuntimeException e) {
			reader.release();
			throw new FrameSourceException("Cannot decode video " + file.toAbsolutePath() + ": " + e.getMessage(), e);
		}
		if (first == null) {
			reader.release();
			throw new FrameSourceException("Video " + file.toAbsolutePath() + " has no frame OpenCV can decode (" + CONVERT_HINT + ").");
		}
		return new VideoFileSource(file, reader, first);
	}

	@Override
	public Frame next() {
		RgbImage image = first;
		first = null;
		if (image == null) {
			try {
				image = reader.read();
			}
			catch (final RuntimeException e) {
				endMessage = "video " + file.getFileName() + " could not be decoded after frame " + count + ": " + e.getMessage();
				return null;
			}
		}
		if (image == null) {
			endMessage = frameCount > 0 && count < frameCount ? "video " + file.getFileName() + " ended after " + count + " of " +
				frameCount + " frames (truncated?)" : "end of video " + file.getFileName() + " (" + count + " frames)";
			return null;
		}
		final long index = ++count;
		return Frame.recorded(image, index, fps);
	}

	public Path file() { return file; }

	@Override
	public int width() { return width; }

	@Override
	public int height() { return height; }

	@Override
	public double fps() { return fps; }

	@Override
	public boolean isLive() { return false; }

	@Override
	public long frameCount() { return frameCount; }

	@Override
	public String description() {
		return String.format(Locale.ROOT, "video %s (%dx%d%s%s)", file.getFileName(), width, height,
			FrameSource.rateText(fps), frameCount > 0 ? ", " + frameCount + " frames" : "");
	}

	@Override
	public String endMessage() {
		return endMessage != null ? endMessage : "video " + file.getFileName() + " closed";
	}

	@Override
	public void close() {
		reader.release();
	}
}
