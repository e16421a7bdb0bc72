package org.emotiontracking.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.emotiontracking.core.data.ImageDecoder;
import org.emotiontracking.core.data.OpenCv;
import org.emotiontracking.core.data.Resize;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.detect.FaceDetectionSettings;
import org.emotiontracking.core.live.FrameSource;
import org.emotiontracking.core.live.LiveSession;
import org.emotiontracking.core.live.LiveSettings;
import org.emotiontracking.core.live.LiveSummary;
import org.emotiontracking.core.live.PacedSource;
import org.emotiontracking.core.live.VideoFileSource;
import org.emotiontracking.core.model.EmotionClassifier;
import org.emotiontracking.core.util.FileTrees;
import org.emotiontracking.core.util.ProgressListener;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.videoio.VideoWriter;
import org.opencv.videoio.Videoio;

/**
 * The whole live loop on a generated 640x480 MJPEG video with one real face (from OpenCV's
 * messi5.jpg sample) moving across a blurred background: capture, detection on a 320 px copy,
 * classification (MobileNetV2 at the given alpha, 224 px, random weights), overlay, CSV log and
 * a display listener. Reports frames per second and the capture-to-overlay latency, as fast as
 * possible, with recording, and paced like a 30 fps camera.
 */
public final class LiveBenchmark {

	public static final int WIDTH = 640, HEIGHT = 480;
	public static final double VIDEO_FPS = 30;
	static final Path SAMPLE = Paths.get("/usr/share/doc/opencv-doc/examples/data/messi5.jpg");

	/** The detector= of the next session (null: the default). */
	private static String detector;

	private LiveBenchmark() {}

	public static List<String> run(final double alpha, final int frames,
		final ProgressListener log) throws IOException {
		if (!Files.isRegularFile(SAMPLE)) throw new IOException("The live benchmark needs OpenCV's sample photo "
			+ SAMPLE + " (Debian package opencv-doc)");
		final List<String> lines = new ArrayList<>();
		final Path dir = Files.createTempDirectory("emotion-live-bench");
		try {
			final Path video = writeVideo(dir.resolve("face.avi"), frames);
			final Path zip = InferenceBenchmark.randomArchive(dir.resolve("model.zip"), alpha, 224);
			try (EmotionClassifier c = EmotionClassifier.load(zip)) {
				session(c, video, dir.resolve("warm-up"), false, false, 30); // loads TensorFlow kernels, JIT
				lines.add(measure("as fast as possible", alpha, c, video, dir.resolve("fast"), false, false, log));
				detector = FaceDetectionSettings.HAAR;
				lines.add(measure("same, detector=haar", alpha, c, video, dir.resolve("fast-haar"), false, false, log));
				detector = null;
				lines.add(measure("with record=true", alpha, c, video, dir.resolve("record"), true, false, log));
				lines.add(measure("paced as a 30 fps camera", alpha, c, video, dir.resolve("paced"), false, true, log));
			}
		}
		finally {
			FileTrees.deleteQuietly(dir);
		}
		return lines;
	}

	private static LiveSummary session(final EmotionClassifier c, final Path video, final Path out,
		final boolean record, final boolean paced, final long maxFrames) throws IOException
	{
		final LiveSettings s = new LiveSettings();
		s.output = out;
		s.record = record;
		s.show = false;
		s.max_frames = maxFrames;
		if (detector != null) s.detector = detector;
		final FrameSource source = paced ? new PacedSource(VideoFileSource.open(video)) : VideoFileSource.open(video);
		try (LiveSession session = LiveSession.open(s, source, c, null)) {
			session.addListener(frame -> frame.annotated()); // a display that receives every annotated frame
			return session.run(null);
		}
	}

	private static String measure(final String what, final double alpha, final EmotionClassifier c, final Path video,
		final Path out, final boolean record, final boolean paced, final ProgressListener log) throws IOException
	{
		return timed(what, String.format(Locale.ROOT, "alpha %.2f 224 px", alpha), c, video, out, record, paced, log);
	}

	/** One live session on {@code video} with a loaded classifier (after a warm-up), described as {@code model}. */
	static String measure(final String what, final String model, final EmotionClassifier c, final Path video,
		final Path out, final boolean record, final boolean paced, final ProgressListener log) throws IOException
	{
		session(c, video, out.resolveSibling(out.getFileName() + "-warm-up"), false, false, 30);
		return timed(what, model, c, video, out, record, paced, log);
	}

	private static String timed(final String what, final String model, final EmotionClassifier c, final Path video,
		final Path out, final boolean record, final boolean paced, final ProgressListener log) throws IOException
	{
		final long cpu0 = ProcessStats.cpuNanos();
		final LiveSummary s = session(c, video, out, record, paced, 0);
		final double cpuPerFrame = (ProcessStats.cpuNanos() - cpu0) / 1e6 / Math.max(1, s.framesProcessed());
		final String line = String.format(Locale.ROOT,
			"live %dx%d MJPEG, %s, %-38s, %-24s: %5.1f frames/s, latency mean %5.1f ms, p95 %5.1f ms, "
			+ "CPU %4.1f ms/frame (%d frames, %d dropped, %.2f faces/frame)", WIDTH, HEIGHT, model, describe(c, video),
			what, s.fps(), s.latencyMeanMillis(), s.latencyP95Millis(), cpuPerFrame, s.framesProcessed(),
			s.framesDropped(), (double) s.faceObservations() / Math.max(1, s.framesProcessed()));
		log.log(line);
		return line;
	}

	private static String describe(final EmotionClassifier c, final Path video) {
		return detector == null ? "default detector (BlazeFace)" : "detector=" + detector + ", detect_width 320";
	}

	/** A 640x480 MJPEG video of messi5.jpg's face, enlarged twice, moving over a blurred background. */
	static Path writeVideo(final Path file, final int frames) throws IOException {
		OpenCv.ensureLoaded();
		final RgbImage photo = new ImageDecoder().decode(SAMPLE);
		final RgbImage crop = Resize.crop(photo, 226 - 30, 94 - 30, 38 + 60, 38 + 60);
		final RgbImage face = Resize.resize(crop, crop.width() * 2, crop.height() * 2, Resize.Interpolation.LINEAR);
		final Mat bg = OpenCv.toMat(Resize.resize(photo, WIDTH, HEIGHT, Resize.Interpolation.AREA));
		Imgproc.GaussianBlur(bg, bg, new Size(0, 0), 25);
		final RgbImage background = OpenCv.toRgbImage(bg);
		bg.release();
		final VideoWriter w = new VideoWriter(file.toString(), Videoio.CAP_OPENCV_MJPEG,
			VideoWriter.fourcc('M', 'J', 'P', 'G'), VIDEO_FPS, new Size(WIDTH, HEIGHT), true);
		if (!w.isOpened()) throw new IOException("Cannot write " + file);
		final Mat bgr = new Mat();
		try {
			for (int i = 0; i < frames; i++) {
				final RgbImage f = Resize.copy(background);
				final double t = i / VIDEO_FPS;
				final int x = (int) Math.round((WIDTH - face.width()) * (0.5 + 0.5 * Math.sin(t * 1.3)));
				final int y = (int) Math.round((HEIGHT - face.height()) * (0.5 + 0.5 * Math.sin(t * 0.9 + 1)));
				for (int r = 0; r < face.height(); r++)
					System.arraycopy(face.pixels(), r * face.width() * 3, f.pixels(), ((y + r) * WIDTH + x) * 3,
						face.width() * 3);
				final Mat rgb = OpenCv.toMat(f);
				Imgproc.cvtColor(rgb, bgr, Imgproc.COLOR_RGB2BGR);
				w.write(bgr);
				rgb.release();
			}
		}
		finally {
			w.release();
			bgr.release();
		}
		return file;
	}
}
