package org.emotiontracking.core.live;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.emotiontracking.core.data.OpenCv;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.video.Frame;
import org.opencv.videoio.VideoCapture;
import org.opencv.videoio.Videoio;

/**
 * A camera through OpenCV's {@link VideoCapture}: V4L2 on Linux (then any backend), the
 * platform's backend elsewhere. Frames arrive in real time ({@link #isLive()}). The source ends
 * when the camera stops delivering frames (unplugged): {@value #MAX_FAILED_READS} failed reads in
 * a row.
 */
public final class CameraSource implements FrameSource {

	/** Failed reads in a row after which the camera counts as gone. */
	public static final int MAX_FAILED_READS = 3;
	private static final int FIRST_FRAME_ATTEMPTS = 10;
	private static final Pattern VIDEO_DEVICE = Pattern.compile("video(\\d+)");

	private final CaptureReader reader;
	private final int index;
	private final String backend;
	private final int width;
	private final int height;
	private final double fps;
	private RgbImage first;
	private long count;
	private long startNanos;
	private String endMessage;

	private CameraSource(final CaptureReader reader, final int index, final String backend, final RgbImage first) {
		this.reader = reader;
		this.index = index;
		this.backend = backend;
		this.first = first;
		this.width = first.width();
		this.height = first.height();
		final double f = reader.capture().get(Videoio.CAP_PROP_FPS);
		this.fps = f > 0 && f <= 1000 ? f : 0;
	}

	/**
	 * Opens camera {@code index} (0 = the first) and reads a first frame to make sure it works.
	 *
	 * @throws FrameSourceException listing what was tried and the video devices present
	 */
	public static CameraSource open(final int index) throws FrameSourceException {
		if (index < 0) throw new IllegalArgumentException("Camera index must be >= 0: " + index);
		OpenCv.ensureLoaded();
		final List<String> tried = new ArrayList<>();
		for (final int api : backends()) {
			final String name = backendName(api);
			final VideoCapture cap = new VideoCapture();
			boolean opened;
			try {
				opened = cap.open(index, api) && cap.isOpened();
			}
			catch (final RuntimeException e) {
				opened = false;
			}
			if (!opened) {
				tried.add("camera " + index + " via " + name + ": cannot open");
				cap.release();
				continue;
			}
			final CaptureReader reader = new CaptureReader(cap);
			RgbImage image = null;
			for (int i = 0; i < FIRST_FRAME_ATTEMPTS && image == null; i++) image = reader.read();
			if (image == null) {
				tried.add("camera " + index + " via " + name + ": opened but delivered no frame");
				reader.release();
				continue;
			}
			return new CameraSource(reader, index, name, image);
		}
		throw new FrameSourceException(noCameraMessage(index, tried, videoDevices(Paths.get("/dev"))));
	}

	private static int[] backends() {
		final boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
		return linux ? new int[] { Videoio.CAP_V4L2, Videoio.CAP_ANY } : new int[] { Videoio.CAP_ANY };
	}

	private static String backendName(final int api) {
		return api == Videoio.CAP_V4L2 ? "V4L2" : "any OpenCV backend";
	}

	/** The message when no camera could be opened. */
	static String noCameraMessage(final int index, final List<String> tried, final List<String> devices) {
		final StringBuilder sb = new StringBuilder("No camera could be opened at index ").append(index)
			.append(". Tried:");
		for (final String t : tried) sb.append("\n  ").append(t);
		sb.append("\nVideo devices: ");
		if (devices == null) sb.append("not listed on this system");
		else if (devices.isEmpty()) sb.append(
			"none (no /dev/video* exists; is a camera connected, and does this machine, " +
			"container or VM have access to it?)");
		else sb.append(String.join(", ", devices));
		sb.append(
			"\nChoose another camera with camera=<index>, or read a video file with source=<file> (mp4, mov, mkv, "
			+ "webm, avi).");
		return sb.toString();
	}

	/**
	 * The video devices in {@code dev} ("/dev/video0 (camera=0)", with a hint if one is not
	 * readable), sorted by number; null if the folder does not exist (not Linux).
	 */
	static List<String> videoDevices(final Path dev) {
		if (!Files.isDirectory(dev)) return null;
		final List<int[]> numbers = new ArrayList<>();
		try (DirectoryStream<Path> ds = Files.newDirectoryStream(dev, "video*")) {
			for (final Path p : ds) {
				final Matcher m = VIDEO_DEVICE.matcher(p.getFileName().toString());
				if (m.matches()) numbers.add(new int[] { Integer.parseInt(m.group(1)) });
			}
		}
		catch (final IOException | NumberFormatException e) {
			return null;
		}
		numbers.sort((a, b) -> Integer.compare(a[0], b[0]));
		final List<String> out = new ArrayList<>();
		for (final int[] n : numbers) {
			final Path p = dev.resolve("video" + n[0]);
			out.add(p + " (camera=" + n[0] + (Files.isReadable(p) ? ")"
				: ", not readable: add your user to the 'video' group)"));
		}
		return out;
	}

	@Override
	public Frame next() {
		RgbImage image = first;
		first = null;
		for (int failures = 0; image == null && failures < MAX_FAILED_READS; failures++) image = reader.read();
		if (image == null) {
			endMessage = "camera " + index + " stopped delivering frames (unplugged?)";
			return null;
		}
		final long now = System.nanoTime();
		if (count == 0) startNanos = now;
		return new Frame(image, ++count, Instant.now(), (now - startNanos) / 1e9, now);
	}

	public int index() { return index; }

	@Override
	public int width() { return width; }

	@Override
	public int height() { return height; }

	@Override
	public double fps() { return fps; }

	@Override
	public boolean isLive() { return true; }

	@Override
	public String description() {
		return String.format(Locale.ROOT, "camera %d (%s, %dx%d%s)", index, backend, width, height,
			FrameSource.rateText(fps));
	}

	@Override
	public String endMessage() {
		return endMessage != null ? endMessage : "camera " + index + " closed";
	}

	@Override
	public void close() {
		reader.release();
	}
}
