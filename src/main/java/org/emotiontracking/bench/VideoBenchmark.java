package org.emotiontracking.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.emotiontracking.core.classify.ClassificationSink;
import org.emotiontracking.core.classify.ClassificationSummary;
import org.emotiontracking.core.classify.ClassifySettings;
import org.emotiontracking.core.classify.ClassifyTask;
import org.emotiontracking.core.data.ImageDecoder;
import org.emotiontracking.core.data.OpenCv;
import org.emotiontracking.core.data.Resize;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.model.EmotionClassifier;
import org.emotiontracking.core.model.ModelArchive;
import org.emotiontracking.core.model.ModelMetadata;
import org.emotiontracking.core.util.FileTrees;
import org.emotiontracking.core.util.ProgressListener;
import org.emotiontracking.core.video.FFmpeg;
import org.emotiontracking.core.video.VideoReader;
import org.emotiontracking.core.video.VideoSelection;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Video files through FFmpeg: decode-only speed of H.264 at 720p and 1080p (our reader with and
 * without the RGB conversion, beside Debian's {@code ffmpeg -f null} on the same file in the same
 * run), Classify end to end on a 720p video with one real face (decode, detect, classify, track,
 * log) with every=1 and every=5, and resident memory after 10, 30 and 60 minutes of video (a
 * short clip repeated with {@code -stream_loop}, at a size chosen to fit the time). The videos are
 * made with Debian's ffmpeg (libx264, veryfast): messi5.jpg's face moving over the blurred photo.
 */
public final class VideoBenchmark {

	private VideoBenchmark() {}

	/**
	 * @param clipSeconds length of the 720p and 1080p clips (0: skip the decode and end-to-end runs)
	 * @param longMinutes minutes of the long video (memory), 0 = skip
	 * @param longSize frame size of the long video, e.g. "320x240" or "1280x720"
	 * @param longEvery every= for the long video
	 */
	public static List<String> run(final double alpha, final double clipSeconds, final int longMinutes, final String longSize,
		final int longEvery, final ProgressListener log) throws IOException
	{
		if (!Files.isRegularFile(LiveBenchmark.SAMPLE)) throw new IOException("The video benchmark needs " + LiveBenchmark.SAMPLE +
			" (Debian package opencv-doc)");
		if (!toolRuns()) throw new IOException("The video benchmark makes its videos and its baseline with Debian's ffmpeg: apt-get install ffmpeg");
		final List<String> lines = new ArrayList<>();
		final Path dir = Files.createTempDirectory("emotion-video-bench");
		try {
			log.log("FFmpeg (bytedeco) " + FFmpeg.version() + "; Debian's ffmpeg as the baseline");
			final Path c720 = clipSeconds > 0 ? clip(dir, 1280, 720, clipSeconds, log) : null;
			if (c720 != null) for (final Path c : Arrays.asList(c720, clip(dir, 1920, 1080, clipSeconds, log))) lines.addAll(decode(c, log));

			final ModelMetadata m = new ModelMetadata();
			m.alpha = alpha;
			m.input_size = 224;
			m.class_names = ModelMetadata.NOTEBOOK_CLASSES;
			final Path zip = dir.resolve("model.zip");
			ModelArchive.write(zip, m, InferenceBenchmark.randomWeights(m));
			try (EmotionClassifier c = EmotionClassifier.load(zip)) {
				if (c720 != null) classify(c, c720, dir.resolve("warm-up"), 1, null, 1, null); // engine kernels, JIT
				for (final String detector : c720 == null ? new String[0] : new String[] { "blazeface", "haar" }) {
					final double[] one = classify(c, c720, dir.resolve("e1-" + detector), 1, detector, 0, null);
					final double[] five = classify(c, c720, dir.resolve("e5-" + detector), 5, detector, 0, null);
					final String line = String.format(Locale.ROOT, "end to end 720p H.264, one face, alpha %.2f 224 px, detector %s%s: " +
						"every=1 %.1f frames/s (%.2fx video time, %.2f faces/frame); every=5 %.1f analysed frames/s = %.2fx video time, %.2fx " +
						"faster than every=1 in video time", alpha, detector, detector.equals("haar") ? " (detection_size 320)" : "", one[0], one[1],
						one[2], five[0], five[1], five[1] / one[1]);
					log.log(line);
					lines.add(line);
				}
				if (longMinutes > 0) lines.add(memory(c, dir, longMinutes, longSize, longEvery, log));
			}
		}
		finally {
			FileTrees.deleteQuietly(dir);
		}
		return lines;
	}

	private static boolean toolRuns() {
		try {
			return run(Arrays.asList("ffmpeg", "-version"), 60) >= 0;
		}
		catch (final IOException e) {
			return false;
		}
	}

	/** Runs a command, discarding its output; returns its wall seconds. */
	private static double run(final List<String> cmd, final long timeoutSeconds) throws IOException {
		final long t0 = System.nanoTime();
		final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		try {
			if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				throw new IOException("Timed out: " + String.join(" ", cmd));
			}
		}
		catch (final InterruptedException e) {
			p.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted");
		}
		if (p.exitValue() != 0) throw new IOException("Failed: " + String.join(" ", cmd));
		return (System.nanoTime() - t0) / 1e9;
	}

	/** An H.264 clip: the face moving over the blurred photo at 30 fps. */
	private static Path clip(final Path dir, final int w, final int h, final double seconds, final ProgressListener log) throws IOException {
		OpenCv.ensureLoaded();
		final RgbImage photo = new ImageDecoder().decode(LiveBenchmark.SAMPLE);
		final RgbImage crop = Resize.crop(photo, 226 - 30, 94 - 30, 38 + 60, 38 + 60);
		final double scale = h / 240.0;
		final RgbImage face = Resize.resize(crop, (int) Math.round(crop.width() * scale), (int) Math.round(crop.height() * scale),
			Resize.Interpolation.LINEAR);
		final Mat bg = OpenCv.toMat(Resize.resize(photo, w, h, Resize.Interpolation.AREA));
		Imgproc.GaussianBlur(bg, bg, new Size(0, 0), 25);
		final Path bgFile = dir.resolve("bg" + h + ".png"), faceFile = dir.resolve("face" + h + ".png");
		write(bg, bgFile);
		bg.release();
		final Mat f = OpenCv.toMat(face);
		write(f, faceFile);
		f.release();
		final Path out = dir.resolve(h + "p.mp4");
		log.status("Making " + out.getFileName());
		run(Arrays.asList("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-loop", "1", "-framerate", "30", "-i", bgFile.toString(),
			"-loop", "1", "-framerate", "30", "-i", faceFile.toString(), "-filter_complex",
			"[0][1]overlay=x='(W-w)*(0.5+0.5*sin(t*1.3))':y='(H-h)*(0.5+0.5*sin(t*0.9+1))',format=yuv420p", "-t",
			Double.toString(seconds), "-r", "30", "-c:v", "libx264", "-preset", "veryfast", out.toString()), 1200);
		return out;
	}

	private static void write(final Mat rgb, final Path file) throws IOException {
		final Mat bgr = new Mat();
		Imgproc.cvtColor(rgb, bgr, Imgproc.COLOR_RGB2BGR);
		final boolean ok = Imgcodecs.imwrite(file.toString(), bgr);
		bgr.release();
		if (!ok) throw new IOException("Cannot write " + file);
	}

	/** Decode-only frames per second: ours with RGB, ours without converting, Debian's ffmpeg -f null. */
	private static List<String> decode(final Path clip, final ProgressListener log) throws IOException {
		final List<String> out = new ArrayList<>();
		long frames = 0;
		double withRgb = 0, without = 0;
		for (int pass = 0; pass < 2; pass++) { // first pass warms up (JIT, caches)
			long t0 = System.nanoTime();
			try (VideoReader r = VideoReader.open(clip)) {
				frames = 0;
				while (r.next() != null) frames++;
			}
			withRgb = frames / ((System.nanoTime() - t0) / 1e9);
			t0 = System.nanoTime();
			long decoded;
			try (VideoReader r = VideoReader.open(clip).select(new VideoSelection(Integer.MAX_VALUE, 0, 0))) {
				while (r.next() != null) {
					// only the first frame is converted
				}
				decoded = r.framesDecoded();
			}
			without = decoded / ((System.nanoTime() - t0) / 1e9);
		}
		final double seconds = run(Arrays.asList("ffmpeg", "-hide_banner", "-loglevel", "error", "-i", clip.toString(), "-f", "null", "-"),
			1200);
		final double baseline = frames / seconds;
		final String name = clip.getFileName().toString().replace(".mp4", "");
		final String line = String.format(Locale.ROOT, "decode %s H.264 (%d frames): ours %.0f frames/s to RGB, %.0f frames/s decode only; " +
			"Debian's ffmpeg -f null %.0f frames/s (whole process, same run)", name, frames, withRgb, without, baseline);
		log.log(line);
		out.add(line);
		return out;
	}

	/**
	 * Classify on one video: {analysed frames/s, video seconds per wall second, faces per analysed frame}.
	 */
	private static double[] classify(final EmotionClassifier c, final Path video, final Path out, final int every, final String detector,
		final long maxFrames, final ClassificationSink sink) throws IOException
	{
		final ClassifySettings s = new ClassifySettings();
		s.input = video;
		s.output = out;
		s.every = every;
		s.max_frames = maxFrames;
		if (detector != null) s.detector = detector;
		if ("haar".equals(detector)) s.detection_size = 320;
		final long t0 = System.nanoTime();
		final ClassificationSummary summary = ClassifyTask.run(c, s, null, sink, ProgressListener.SILENT);
		final double wall = (System.nanoTime() - t0) / 1e9;
		double videoSeconds;
		long analysed = 0;
		try (VideoReader r = VideoReader.open(video)) {
			videoSeconds = r.info().duration();
			final long total = r.info().frameCount();
			analysed = total > 0 ? (total + every - 1) / every : 0;
		}
		if (maxFrames > 0) {
			analysed = Math.min(analysed, maxFrames);
			videoSeconds = analysed * every / 30.0;
		}
		return new double[] { analysed / wall, videoSeconds / wall, summary.faces() / (double) Math.max(1, analysed) };
	}

	/** Resident memory while Classify goes through a long video (a repeated clip), at 10, 30 and 60 minutes of video. */
	private static String memory(final EmotionClassifier c, final Path dir, final int minutes, final String size, final int every,
		final ProgressListener log) throws IOException
	{
		final String[] wh = size.split("x");
		final Path small = clip(dir, Integer.parseInt(wh[0]), Integer.parseInt(wh[1]), 10, log);
		final Path longVideo = dir.resolve("long.mp4");
		log.status("Making " + minutes + " minutes of video");
		run(Arrays.asList("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-stream_loop", Integer.toString(minutes * 6 - 1), "-i",
			small.toString(), "-c", "copy", longVideo.toString()), 1200);
		final List<String> marks = new ArrayList<>();
		final double[] next = { 60 };
		final long start = System.nanoTime();
		final ClassificationSink probe = (row, box, index) -> {
			final Double t = row.time();
			if (t != null && t >= next[0]) {
				marks.add(String.format(Locale.ROOT, "%.0f min %d MiB", t / 60, MemoryProbe.residentMiB()));
				log.status("Long video: " + marks.get(marks.size() - 1));
				next[0] = t < 600 ? 600 : t < 1800 ? 1800 : t < 3600 ? 3600 : Double.MAX_VALUE;
			}
		};
		final long rssBefore = MemoryProbe.residentMiB();
		final ClassifySettings s = new ClassifySettings();
		s.input = longVideo;
		s.output = dir.resolve("long-out");
		s.every = every;
		final ClassificationSummary summary = ClassifyTask.run(c, s, null, probe, ProgressListener.SILENT);
		marks.add(String.format(Locale.ROOT, "at the end (%d min, charts written) %d MiB", minutes, MemoryProbe.residentMiB()));
		final double wall = (System.nanoTime() - start) / 1e9;
		final String line = String.format(Locale.ROOT, "memory over %d min of %s H.264 (every=%d, %d rows, %.0f s): resident %d MiB before, %s; " +
			"peak %d MiB", minutes, size, every, summary.faces(), wall, rssBefore, String.join(", ", marks), MemoryProbe.peakResidentMiB());
		log.log(line);
		return line;
	}
}
