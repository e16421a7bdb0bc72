package org.emotiontracking.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
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
import org.emotiontracking.core.detect.BlazeFaceDetector;
import org.emotiontracking.core.detect.BlazeFaceModel;
import org.emotiontracking.core.detect.FaceBox;
import org.emotiontracking.core.detect.FaceCropper;
import org.emotiontracking.core.detect.FaceDetectionSettings;
import org.emotiontracking.core.detect.FaceDetector;
import org.emotiontracking.core.detect.FaceDetectors;
import org.emotiontracking.core.detect.TileMode;
import org.emotiontracking.core.model.EmotionClassifier;
import org.emotiontracking.core.model.InferenceEngine;
import org.emotiontracking.core.model.ModelArchive;
import org.emotiontracking.core.model.ModelMetadata;
import org.emotiontracking.core.report.PredictionColumn;
import org.emotiontracking.core.report.PredictionLog;
import org.emotiontracking.core.report.PredictionRow;
import org.emotiontracking.core.util.FileTrees;
import org.emotiontracking.core.util.ProgressListener;
import org.emotiontracking.core.video.FFmpeg;
import org.emotiontracking.core.video.Frame;
import org.emotiontracking.core.video.VideoReader;
import org.emotiontracking.core.video.VideoSelection;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Video files through FFmpeg: decode-only speed of H.264 at 720p and 1080p (our reader with and
 * without the RGB conversion, beside Debian's {@code ffmpeg -f null} on the same file in the same
 * run), where the time of a 720p frame goes (each stage alone), Classify end to end on a 720p video
 * with one real face (decode, detect, classify, track, log) with every=1 and every=5: the defaults
 * (built-in model, BlazeFace) beside Haar and beside a MobileNetV2 model, and resident memory after 10, 30 and 60
 * minutes of video (a
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
	public static List<String> run(final double alpha, final double clipSeconds, final int longMinutes,
		final String longSize, final int longEvery, final int rounds, final ProgressListener log) throws IOException
	{
		if (!Files.isRegularFile(LiveBenchmark.SAMPLE)) throw new IOException("The video benchmark needs "
			+ LiveBenchmark.SAMPLE + " (Debian package opencv-doc)");
		if (!toolRuns()) throw new IOException(
			"The video benchmark makes its videos and its baseline with Debian's ffmpeg: apt-get install ffmpeg");
		final List<String> lines = new ArrayList<>();
		final Path dir = Files.createTempDirectory("emotion-video-bench");
		try {
			final String machine = String.format(Locale.ROOT,
				"video: CPU %s, %d cores, load average %s at the start; FFmpeg (bytedeco) %s, "
				+ "Debian's ffmpeg as the baseline", DetectBenchmark.cpuName(), Runtime.getRuntime()
				.availableProcessors(), ProcessStats.loadAverage(), FFmpeg.version());
			log.log(machine);
			lines.add(machine);
			final Path c720 = clipSeconds > 0 ? clip(dir, 1280, 720, clipSeconds, log) : null;
			double ffmpeg720 = Double.NaN;
			if (c720 != null) for (final Path c : Arrays.asList(c720, clip(dir, 1920, 1080, clipSeconds, log))) {
				final double[] baseline = new double[1];
				lines.addAll(decode(c, baseline, log));
				if (c == c720) ffmpeg720 = baseline[0];
			}
			if (c720 != null) {
				try (EmotionClassifier builtin = EmotionClassifier.load(null)) {
					lines.add(stages(c720, builtin, alpha, dir, log));
					classify(builtin, c720, dir.resolve("warm-up-builtin"), 1, null, 1, null);
					final double[] defaults = new double[2];
					for (final String detector : new String[] { "blazeface", "haar" })
						lines.add(endToEnd(builtin, c720, dir, "built-in model (the default)", detector, ffmpeg720,
							rounds, detector.equals("blazeface") ? defaults : new double[2], log));
					final double[] fixed = classify(builtin, c720, dir.resolve("fixed"), 1, null, 1, null);
					final double f = 1 / fixed[0], wall1 = clipSeconds / defaults[0], wall5 = clipSeconds / defaults[1];
					final String line = String.format(Locale.ROOT,
						"fixed cost per video (the defaults, max_frames=1: open, first frame, "
						+ "charts and summaries at the end): %.2f s wall, %.2f s CPU; it is part of each figure above "
						+ "(clip of %.0f s); without it "
						+ "the defaults' every=5 is %.2fx faster than every=1 in video time", f, fixed[3] / 1000,
						clipSeconds, wall5 > f ? (wall1 - f) / (wall5 - f) : Double.NaN);
					log.log(line);
					lines.add(line);
				}
				try (EmotionClassifier oneThread = EmotionClassifier.load(null, null, InferenceEngine.DEFAULT,
					1))
				{
					classify(oneThread, c720, dir.resolve("warm-up-1"), 1, null, 1, null);
					final double[] one = classify(oneThread, c720, dir.resolve("e1-threads1"), 1, "blazeface", 0, null);
					final String line = String.format(Locale.ROOT,
						"end to end 720p H.264, one face, built-in model with inference_threads=1 "
						+ "(the other core left to decoding and detection), detector blazeface: every=1 %.1f frames/s "
						+ "(%.2fx video time, CPU %.1f ms " + "per frame)", one[0], one[1], one[3]);
					log.log(line);
					lines.add(line);
				}
			}

			try (EmotionClassifier c = EmotionClassifier.load(mobileNet(dir.resolve("model.zip"), alpha))) {
				if (c720 != null) classify(c, c720, dir.resolve("warm-up"), 1, null, 1, null); // engine kernels, JIT
				for (final String detector : c720 == null ? new String[0] : new String[] { "blazeface", "haar" })
					lines.add(endToEnd(c, c720, dir, String.format(Locale.ROOT, "MobileNetV2 alpha %.2f 224 px", alpha),
						detector, ffmpeg720, rounds, new double[2], log));
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
		final Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
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
	private static Path clip(final Path dir, final int w, final int h, final double seconds,
		final ProgressListener log) throws IOException {
		OpenCv.ensureLoaded();
		final RgbImage photo = new ImageDecoder().decode(LiveBenchmark.SAMPLE);
		final RgbImage crop = Resize.crop(photo, 226 - 30, 94 - 30, 38 + 60, 38 + 60);
		final double scale = h / 240.0;
		final RgbImage face = Resize.resize(crop, (int) Math.round(crop.width() * scale),
			(int) Math.round(crop.height() * scale), Resize.Interpolation.LINEAR);
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
		run(Arrays.asList("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-loop", "1", "-framerate", "30", "-i",
			bgFile.toString(), "-loop", "1", "-framerate", "30", "-i", faceFile.toString(), "-filter_complex",
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

	/** A MobileNetV2 archive (224 px, the notebook's classes) with random weights: speed does not depend on them. */
	private static Path mobileNet(final Path zip, final double alpha) throws IOException {
		final ModelMetadata m = new ModelMetadata();
		m.alpha = alpha;
		m.input_size = 224;
		m.class_names = ModelMetadata.NOTEBOOK_CLASSES;
		ModelArchive.write(zip, m, InferenceBenchmark.randomWeights(m));
		return zip;
	}

	/** Classify end to end with every=1 and every=5: one line; videoTimes gets {every=1, every=5} video seconds per
	 * wall second. */
	private static String endToEnd(final EmotionClassifier c, final Path clip, final Path dir, final String model,
		final String detector, final double ffmpegDecode, final int rounds, final double[] videoTimes,
		final ProgressListener log) throws IOException
	{
		final String tag = (model.startsWith("built-in") ? "builtin-" : "mnv2-") + detector;
		final int n = Math.max(1, rounds);
		final double[][] ones = new double[n][], fives = new double[n][];
		for (int r = 0; r < n; r++) { // alternating, so a slow spell of the machine falls on both
			ones[r] = classify(c, clip, dir.resolve("e1-" + tag + "-" + r), 1, detector, 0, null);
			fives[r] = classify(c, clip, dir.resolve("e5-" + tag + "-" + r), 5, detector, 0, null);
		}
		final double[] one = Median.ofEach(ones), five = Median.ofEach(fives);
		final double[] ratios = new double[n];
		for (int r = 0; r < n; r++) ratios[r] = fives[r][1] / ones[r][1];
		Arrays.sort(ratios);
		videoTimes[0] = one[1];
		videoTimes[1] = five[1];
		final int cores = Runtime.getRuntime().availableProcessors();
		final String line = String.format(Locale.ROOT,
			"end to end 720p H.264, one face, %s, detector %s%s: every=1 %.1f frames/s "
			+ "(%.2fx video time, %.2f faces/frame, CPU %.1f ms per frame: at most %.0f frames/s on %d idle cores); "
			+ "every=5 %.1f analysed "
			+ "frames/s = %.2fx video time, %.2fx faster than every=1 in video time (medians of %d alternating rounds; "
			+ "the rounds' ratios %.2fx to %.2fx; same run: Debian's ffmpeg decodes this clip at %.0f frames/s)", model,
			detector, detector.equals("haar") ? " (detection_size 320)" : " (tiles=auto, stream rule)", one[0], one[1],
			one[2], one[3], cores * 1000 / one[3], cores, five[0], five[1], five[1] / one[1], n, ratios[0],
			ratios[n - 1], ffmpegDecode);
		log.log(line);
		return line;
	}

	/**
	 * Where the time of a 720p frame goes: each stage of the per-frame work alone, one after the
	 * other on the same frames (decoding on FFmpeg's own threads; OpenCV and ONNX Runtime on all
	 * cores): wall ms and process CPU ms (all threads) per frame or face.
	 */
	private static String stages(final Path clip, final EmotionClassifier builtin, final double alpha, final Path dir,
		final ProgressListener log) throws IOException
	{
		log.status("Profiling the stages of a 720p frame");
		final int n = 60;
		final List<Frame> frames = new ArrayList<>();
		final Clock clock = new Clock();
		final double[] decode;
		try (VideoReader r = VideoReader.open(clip)) {
			Frame f = r.next(); // opening the codec and its threads does not count
			if (f == null) throw new IOException("No frame in " + clip);
			frames.add(f);
			clock.start();
			while (frames.size() < n && (f = r.next()) != null) frames.add(f);
			decode = clock.stop(frames.size() - 1);
		}
		clock.start();
		for (final Frame f : frames) OpenCv.toMat(f.image()).release();
		final double[] toMat = clock.stop(frames.size());
		final List<FaceBox> faces = new ArrayList<>();
		final double[] whole, tiled, haar;
		final int minFace = new FaceDetectionSettings().min_face;
		try (BlazeFaceDetector off = BlazeFaceDetector.open(BlazeFaceModel.FULL_RANGE,
			BlazeFaceDetector.DEFAULT_MIN_CONFIDENCE,
			TileMode.OFF, minFace); BlazeFaceDetector on = BlazeFaceDetector.open(BlazeFaceModel.FULL_RANGE,
				BlazeFaceDetector.DEFAULT_MIN_CONFIDENCE, TileMode.ON, minFace))
		{
			off.detect(frames.get(0).image());
			clock.start();
			for (final Frame f : frames) {
				final List<FaceBox> b = off.detect(f.image());
				if (!b.isEmpty()) faces.add(b.get(0));
			}
			whole = clock.stop(frames.size());
			final int k = Math.min(10, frames.size());
			clock.start();
			for (int i = 0; i < k; i++) on.detect(frames.get(i).image());
			tiled = clock.stop(k);
		}
		final FaceDetectionSettings hs = new FaceDetectionSettings();
		hs.detector = FaceDetectionSettings.HAAR;
		hs.detection_size = 320;
		try (FaceDetector h = FaceDetectors.open(hs)) {
			h.detect(frames.get(0).image());
			clock.start();
			for (final Frame f : frames) h.detect(f.image());
			haar = clock.stop(frames.size());
		}
		if (faces.isEmpty()) return "where time goes: BlazeFace found no face in the 720p clip";
		final FaceCropper cropper = new FaceCropper(0, true);
		final List<RgbImage> crops = new ArrayList<>();
		cropper.crop(frames.get(0).image(), faces.get(0));
		clock.start();
		for (int i = 0; i < faces.size(); i++) crops.add(cropper.crop(frames.get(i).image(), faces.get(i)).image());
		final double[] crop = clock.stop(faces.size());
		final double[] classifyBuiltin = perFace(builtin, crops, clock);
		final double[] classifyMobileNet;
		try (EmotionClassifier c = EmotionClassifier.load(mobileNet(dir.resolve("stages-model.zip"), alpha))) {
			classifyMobileNet = perFace(c, crops, clock);
		}
		final List<String> classes = builtin.classNames();
		final double[] p = new double[classes.size()];
		Arrays.fill(p, 1.0 / p.length);
		double[] row = null;
		try (PredictionLog csv = new PredictionLog(dir.resolve("stages.csv"), classes,
			EnumSet.of(PredictionColumn.FRAME,
			PredictionColumn.TIME, PredictionColumn.FACE, PredictionColumn.X, PredictionColumn.Y,
			PredictionColumn.WIDTH, PredictionColumn.HEIGHT), false))
		{
			for (int round = 0; round < 2; round++) { // the first round warms up (JIT)
				clock.start();
				for (int j = 0; j < 500; j++) {
					final int i = j % faces.size();
					final FaceBox b = faces.get(i);
					csv.append(PredictionRow.builder("720p.mp4").timestamp(Instant.now()).frame(frames.get(i).index())
						.time(frames
						.get(i).time()).face(1).box(b.x(), b.y(), b.width(), b.height()).prediction(classes, p)
						.keypoints(b.keypoints()).build());
				}
				row = clock.stop(500);
			}
		}
		final double defaultCpu = decode[1] + toMat[1] + whole[1] + crop[1] + classifyBuiltin[1] + 2 * row[1];
		final String line = String.format(Locale.ROOT,
			"where time goes per 720p frame (wall ms, and in brackets process CPU ms over "
			+ "all threads; each stage alone over %d frames, one face): decode to RGB %s, copy to OpenCV %s, BlazeFace "
			+ "whole frame %s "
			+ "(tiled %s: the still-image rule at 720p; the stream rule tiles one frame per 2 s), Haar (detection_size "
			+ "320) %s, crop+align %s, "
			+ "classify built-in %s / MobileNetV2 alpha %.2f 224 px %s (batch 1), log row %s; the defaults' stages sum "
			+ "to %.1f CPU ms per " + "frame: at most %.0f frames/s on %d idle cores", frames.size(),
			Clock.format(decode), Clock.format(toMat), Clock.format(whole), Clock.format(tiled), Clock.format(haar),
			Clock.format(crop), Clock.format(classifyBuiltin), alpha, Clock.format(classifyMobileNet),
			Clock.format(row), defaultCpu, Runtime.getRuntime().availableProcessors() * 1000 / defaultCpu,
			Runtime.getRuntime().availableProcessors());
		log.log(line);
		return line;
	}

	/** Wall and process CPU time (all threads) of a stage. */
	private static final class Clock {

		private long wall0, cpu0;

		void start() {
			cpu0 = ProcessStats.cpuNanos();
			wall0 = System.nanoTime();
		}

		/** {wall ms, CPU ms} per unit since {@link #start()}. */
		double[] stop(final int units) {
			final long wall = System.nanoTime() - wall0, cpu = ProcessStats.cpuNanos() - cpu0;
			return new double[] { wall / 1e6 / Math.max(1, units), cpu / 1e6 / Math.max(1, units) };
		}

		static String format(final double[] t) {
			return t[0] < 1 ? String.format(Locale.ROOT, "%.2f (%.2f)", t[0], t[1])
				: String.format(Locale.ROOT, "%.1f (%.1f)", t[0], t[1]);
		}
	}

	private static double[] perFace(final EmotionClassifier c, final List<RgbImage> crops, final Clock clock) {
		for (int i = 0; i < 5; i++) c.predict(crops.subList(0, 1));
		clock.start();
		for (final RgbImage crop : crops) c.predict(Collections.singletonList(crop));
		return clock.stop(crops.size());
	}

	/** Decode-only frames per second: ours with RGB, ours without converting, Debian's ffmpeg -f null (into
	 * baseline[0]). */
	private static List<String> decode(final Path clip, final double[] baselineOut,
		final ProgressListener log) throws IOException {
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
			try (VideoReader r = VideoReader.open(clip).select(new VideoSelection(Integer.MAX_VALUE, 0, 0))
				.decodeAll())
			{
				while (r.next() != null) {
					// only the first frame is converted
				}
				decoded = r.framesDecoded();
			}
			without = decoded / ((System.nanoTime() - t0) / 1e9);
		}
		long leftOut;
		try (VideoReader r = VideoReader.open(clip, 1).select(new VideoSelection(5, 0, 0))) {
			while (r.next() != null) {
				// every=5: the non-reference pictures not picked are not decoded
			}
			leftOut = r.framesLeftOut();
		}
		final double seconds = run(Arrays.asList("ffmpeg", "-hide_banner", "-loglevel", "error", "-i", clip.toString(),
			"-f", "null", "-"), 1200);
		final double baseline = frames / seconds;
		baselineOut[0] = baseline;
		final String name = clip.getFileName().toString().replace(".mp4", "");
		final String line = String.format(Locale.ROOT,
			"decode %s H.264 (%d frames): ours %.0f frames/s to RGB, %.0f frames/s decode only (every frame); "
			+ "Debian's ffmpeg -f null %.0f frames/s (whole process, same run); with every=5, %d of the %d frames "
			+ "(%.0f%%) are non-reference pictures not picked, and not decoded", name, frames, withRgb, without,
			baseline, leftOut, frames, 100.0 * leftOut / Math.max(1, frames));
		log.log(line);
		out.add(line);
		return out;
	}

	/**
	 * Classify on one video: {analysed frames/s, video seconds per wall second, faces per analysed frame, process CPU
	 * ms per
	 * analysed frame}.
	 */
	private static double[] classify(final EmotionClassifier c, final Path video, final Path out, final int every,
		final String detector, final long maxFrames, final ClassificationSink sink) throws IOException
	{
		final ClassifySettings s = new ClassifySettings();
		s.input = video;
		s.output = out;
		s.every = every;
		s.max_frames = maxFrames;
		if (detector != null) s.detector = detector;
		if ("haar".equals(detector)) s.detection_size = 320;
		final long cpu0 = ProcessStats.cpuNanos();
		final long t0 = System.nanoTime();
		final ClassificationSummary summary = ClassifyTask.run(c, s, null, sink, ProgressListener.SILENT);
		final double wall = (System.nanoTime() - t0) / 1e9;
		final double cpu = (ProcessStats.cpuNanos() - cpu0) / 1e6;
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
		return new double[] { analysed / wall, videoSeconds / wall, summary.faces() / (double) Math.max(1, analysed),
			cpu / Math.max(1, analysed) };
	}

	/** Resident memory while Classify goes through a long video (a repeated clip), at 10, 30 and 60 minutes of video.
	 * */
	private static String memory(final EmotionClassifier c, final Path dir, final int minutes, final String size,
		final int every, final ProgressListener log) throws IOException
	{
		final String[] wh = size.split("x");
		final Path small = clip(dir, Integer.parseInt(wh[0]), Integer.parseInt(wh[1]), 10, log);
		final Path longVideo = dir.resolve("long.mp4");
		log.status("Making " + minutes + " minutes of video");
		run(Arrays.asList("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-stream_loop",
			Integer.toString(minutes * 6 - 1), "-i", small.toString(), "-c", "copy", longVideo.toString()), 1200);
		final List<String> marks = new ArrayList<>();
		final double[] next = { 60 };
		final long start = System.nanoTime();
		final ClassificationSink probe = (row, box, index) -> {
			final Double t = row.time();
			if (t != null && t >= next[0]) {
				marks.add(String.format(Locale.ROOT, "%.0f min %d MiB", t / 60, MemoryProbe.residentMiB()));
				log.status("Long video: " + marks.get(marks.size() - 1));
				next[0] = nextMark(t);
			}
		};
		final long rssBefore = MemoryProbe.residentMiB();
		final ClassifySettings s = new ClassifySettings();
		s.input = longVideo;
		s.output = dir.resolve("long-out");
		s.every = every;
		final ClassificationSummary summary = ClassifyTask.run(c, s, null, probe, ProgressListener.SILENT);
		marks.add(String.format(Locale.ROOT, "at the end (%d min, charts written) %d MiB", minutes,
			MemoryProbe.residentMiB()));
		final double wall = (System.nanoTime() - start) / 1e9;
		final String line = String.format(Locale.ROOT,
			"memory over %d min of %s H.264 (every=%d, %d rows, %.0f s): resident %d MiB before, %s; " + "peak %d MiB",
			minutes, size, every, summary.faces(), wall, rssBefore, String.join(", ", marks),
			MemoryProbe.peakResidentMiB());
		log.log(line);
		return line;
	}

	/** The next video time (s) at which the long-video run logs its memory: 10, 30 and 60 min. */
	private static double nextMark(final double t) {
		if (t < 600) return 600;
		if (t < 1800) return 1800;
		if (t < 3600) return 3600;
		return Double.MAX_VALUE;
	}
}
