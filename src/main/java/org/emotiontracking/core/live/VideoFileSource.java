package org.emotiontracking.core.live;

import java.io.IOException;
import java.nio.file.Path;

import org.emotiontracking.core.video.Frame;
import org.emotiontracking.core.video.VideoFileException;
import org.emotiontracking.core.video.VideoInfo;
import org.emotiontracking.core.video.VideoReader;
import org.emotiontracking.core.video.VideoSelection;

/**
 * A video file read with FFmpeg ({@link VideoReader}: mp4, mov, mkv, webm, avi with H.264, HEVC,
 * VP8/VP9, MPEG-4, MJPEG, AV1). Every selected frame is delivered, as fast as the reader asks
 * ({@link #isLive()} is false). A frame's {@link Frame#index() index} is its number in the stream
 * and its {@link Frame#time() time} its presentation time; its timestamp is the recording's
 * creation time plus that time when the file records one, else the moment it was read. A read
 * error ends the source with the frames before it delivered ({@link #endMessage()} names the
 * file and the time).
 */
public final class VideoFileSource implements FrameSource {

	private final VideoReader reader;
	private final VideoInfo info;
	private Frame first;
	private String endMessage;

	private VideoFileSource(final VideoReader reader, final Frame first) {
		this.reader = reader;
		this.info = reader.info();
		this.first = first;
	}

	/** Opens a video file, all frames. */
	public static VideoFileSource open(final Path file) throws FrameSourceException {
		return open(file, VideoSelection.ALL);
	}

	/**
	 * Opens a video file and decodes its first selected frame.
	 *
	 * @throws FrameSourceException naming the file and the problem (missing, not a video, no
	 *           video stream, codec missing, no frame)
	 */
	public static VideoFileSource open(final Path file, final VideoSelection selection) throws FrameSourceException {
		VideoReader reader = null;
		try {
			// one decoder thread: detection and classification have the other cores (least CPU per frame)
			reader = VideoReader.open(file, 1).select(selection);
			final Frame first = reader.next();
			if (first == null) throw new FrameSourceException("Video " + file.toAbsolutePath()
				+ " has no frame to analyse (" + (reader
				.damage() != null && reader.framesDecoded() == 0 ? "its " + reader.info().codec()
					+ " stream cannot be decoded: " + reader.damage() + "; " : "") + reader.endMessage() + ")");
			return new VideoFileSource(reader, first);
		}
		catch (final FrameSourceException e) {
			if (reader != null) reader.close();
			throw e;
		}
		catch (final VideoFileException e) {
			throw new FrameSourceException(e.getMessage(), e);
		}
		catch (final IOException | RuntimeException e) {
			if (reader != null) reader.close();
			throw new FrameSourceException("Cannot read video " + file.toAbsolutePath() + ": " + e.getMessage(), e);
		}
	}

	@Override
	public Frame next() throws IOException {
		Frame f = first;
		first = null;
		if (f == null) f = reader.next();
		if (f == null) {
			endMessage = reader.endMessage();
			return null;
		}
		// its latency counts from now: the first frame was decoded when the source opened
		return new Frame(f.image(), f.index(), f.timestamp(), f.time(), System.nanoTime());
	}

	public Path file() { return reader.file(); }

	/** What the file holds (codec, size, rate, rotation). */
	public VideoInfo info() { return info; }

	/** The first damage the decoder met (time and frame), or null. */
	public String damage() { return reader.damage(); }

	/** Whether the video ended early on damage (truncated or unreadable past some point). */
	public boolean truncated() { return reader.truncated(); }

	@Override
	public int width() { return first != null ? first.image().width() : info.width(); }

	@Override
	public int height() { return first != null ? first.image().height() : info.height(); }

	@Override
	public double fps() { return info.fps(); }

	@Override
	public boolean isLive() { return false; }

	@Override
	public long frameCount() { return info.frameCount(); }

	@Override
	public String description() {
		final VideoSelection s = reader.selection();
		return info.description() + (s.isAll() ? "" : ", " + s);
	}

	@Override
	public String endMessage() {
		return endMessage != null ? endMessage : "video " + reader.file().getFileName() + " closed";
	}

	@Override
	public void close() {
		reader.close();
	}
}
