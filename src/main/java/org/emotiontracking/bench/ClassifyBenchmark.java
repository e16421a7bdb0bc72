package org.emotiontracking.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.emotiontracking.core.classify.ClassificationSink;
import org.emotiontracking.core.classify.ClassificationSummary;
import org.emotiontracking.core.classify.ClassifySettings;
import org.emotiontracking.core.classify.ClassifyTask;
import org.emotiontracking.core.classify.FaceMode;
import org.emotiontracking.core.data.ImageDecoder;
import org.emotiontracking.core.data.OpenCv;
import org.emotiontracking.core.data.Resize;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.data.SyntheticFaces;
import org.emotiontracking.core.detect.FaceDetectionSettings;
import org.emotiontracking.core.model.EmotionClassifier;
import org.emotiontracking.core.model.ImageBatch;
import org.emotiontracking.core.util.FileTrees;
import org.emotiontracking.core.util.ProgressListener;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Classify Emotions end to end (files -> decode -> faces -> model -> CSV), on generated data:
 * <ol>
 * <li>synthetic 224x224 faces (PNG, in class folders), faces=whole;</li>
 * <li>640x480 JPEG photos of real faces ({@link BenchPhotos}), faces=detect with the default detector
 * (BlazeFace), with the Haar cascade (the notebook's parameters, and faster ones) and with the other
 * align= value, in the same run;</li>
 * <li>memory: many tiny files, faces=whole at 96 px, resident memory at 1/4, 1/2 and all of them.</li>
 * </ol>
 * Random weights (speed does not depend on them). Model loading is not timed.
 */
public final class ClassifyBenchmark {

	private static final Path SAMPLES = Paths.get("/usr/share/doc/opencv-doc/examples/data");

	private ClassifyBenchmark() {}

	/**
	 * @param alpha  MobileNetV2 width multiplier of the models
	 * @param images synthetic 224 px faces for the speed run (0: skip)
	 * @param photos 640x480 photos for the detection run (0: skip)
	 * @param files  tiny files for the memory run (0: skip)
	 */
	public static List<String> run(final double alpha, final int images, final int photos, final int files,
		final ProgressListener log) throws IOException
	{
		final List<String> lines = new ArrayList<>();
		final Path dir = Files.createTempDirectory("emotion-classify-bench");
		try {
			final Path model224 = model(dir, alpha, 224);
			if (images > 0) {
				final Path data = dir.resolve("faces");
				final int perClass = (images + 6) / 7;
				log.status("Writing " + perClass * 7 + " synthetic 224 px faces");
				new SyntheticFaces(224, 1).writeDataset(data, perClass, false, ProgressListener.SILENT);
				final ClassifySettings s = settings(data, dir.resolve("out-faces"), FaceMode.WHOLE);
				s.recursive = true;
				BenchLines.add(lines, log, run(model224, s, "whole 224 px faces (PNG, class folders)", alpha, null));
			}
			if (photos > 0) {
				final Path data = Files.createDirectories(dir.resolve("photos"));
				log.status("Writing " + photos + " 640x480 photos");
				writePhotos(data, photos);
				BenchLines.add(lines, log, "classify   photos: " + BenchPhotos.description()
					+ " at 640x480, repeated; CPU " + DetectBenchmark.cpuName());
				BenchLines.add(lines, log, run(model224, settings(data, dir.resolve("out-photos"), FaceMode.DETECT),
					"detect in 640x480 photos (default BlazeFace)", alpha, null));
				final ClassifySettings haar = settings(data, dir.resolve("out-photos-haar"), FaceMode.DETECT);
				haar.detector = FaceDetectionSettings.HAAR;
				BenchLines.add(lines, log, run(model224, haar, "same, detector=haar", alpha, null));
				final ClassifySettings aligned = settings(data, dir.resolve("out-photos-align"), FaceMode.DETECT);
				aligned.align = !aligned.align;
				BenchLines.add(lines, log, run(model224, aligned, "same, BlazeFace, align=" + aligned.align, alpha,
					null));
				final Path single = Files.createDirectories(dir.resolve("single"));
				final List<byte[]> one = new ArrayList<>();
				for (final RgbImage p : BenchPhotos.loadSingleFaces()) one.add(jpeg(p));
				for (int i = 0; i < photos; i++) Files.write(
					single.resolve(String.format(Locale.ROOT, "photo_%05d.jpg", i)), one.get(i % one.size()));
				BenchLines.add(lines, log, run(model224, settings(single, dir.resolve("out-single"), FaceMode.DETECT),
					"one-face photos only (default BlazeFace)", alpha, null));
				final ClassifySettings singleHaar = settings(single, dir.resolve("out-single-haar"), FaceMode.DETECT);
				singleHaar.detector = FaceDetectionSettings.HAAR;
				BenchLines.add(lines, log, run(model224, singleHaar, "one-face photos only, detector=haar", alpha,
					null));
				final ClassifySettings fast = settings(data, dir.resolve("out-photos-fast"), FaceMode.DETECT);
				fast.detector = FaceDetectionSettings.HAAR;
				fast.scale_factor = 1.2;
				fast.detection_size = 480;
				BenchLines.add(lines, log, run(model224, fast, "same, haar scale_factor=1.2 detection_size=480", alpha,
					null));
			}
			if (files > 0) {
				final Path data = Files.createDirectories(dir.resolve("tiny"));
				log.status("Writing " + files + " tiny files");
				writeTiny(data, files);
				final long[] rss = new long[3];
				final long[] at = { files / 4, files / 2, files };
				final ClassificationSink probe = (row, box, index) -> {
					for (int i = 0; i < 3; i++) if (index + 1 == at[i]) rss[i] = MemoryProbe.residentMiB();
				};
				final ClassifySettings s = settings(data, dir.resolve("out-tiny"), FaceMode.WHOLE);
				s.recursive = true;
				BenchLines.add(lines, log, run(model(dir, alpha, 96), s, "memory: tiny 24 px files (JPEG)", alpha,
					probe));
				BenchLines.add(lines, log, String.format(Locale.ROOT,
					"  resident memory after %d / %d / %d files: %d / %d / %d MiB (peak %d MiB)", at[0], at[1], at[2],
					rss[0], rss[1], rss[2], MemoryProbe.peakResidentMiB()));
			}
		}
		finally {
			FileTrees.deleteQuietly(dir);
		}
		return lines;
	}

	private static ClassifySettings settings(final Path input, final Path output, final FaceMode faces) {
		final ClassifySettings s = new ClassifySettings();
		s.input = input;
		s.output = output;
		s.faces = faces;
		return s;
	}

	private static String run(final Path model, final ClassifySettings s, final String what, final double alpha,
		final ClassificationSink sink) throws IOException
	{
		s.model = model;
		try (EmotionClassifier c = EmotionClassifier.load(model)) {
			final int size = c.inputSize();
			final List<RgbImage> warm = new ArrayList<>();
			for (int i = 0; i < s.batch_size; i++) warm.add(RgbImage.blank(size, size));
			c.predictPrepared(ImageBatch.pack(warm, size), warm.size()); // first run optimises the graph
			final String load = ProcessStats.loadAverage();
			final long cpu0 = ProcessStats.cpuNanos();
			final long start = System.nanoTime();
			final ClassificationSummary r = ClassifyTask.run(c, s, null, sink, ProgressListener.SILENT);
			final double withReports = (System.nanoTime() - start) / 1e9;
			final double cpuPerImage = (ProcessStats.cpuNanos() - cpu0) / 1e9 / Math.max(1, r.images());
			final int cores = Runtime.getRuntime().availableProcessors();
			return String.format(Locale.ROOT,
				"classify   %-38s alpha %.2f %3d px: %6d images, %6d faces in %6.1f s = %6.1f images/s (%.1f with "
				+ "reports); " + "CPU %.1f ms/image = %.0f images/s on %d idle cores; load %s -> %s", what, alpha, size,
				r.images(), r.faces(), r.seconds(), r.imagesPerSecond(), r.images() / withReports, cpuPerImage * 1000,
				cores / cpuPerImage, cores, load, ProcessStats.loadAverage());
		}
	}

	private static Path model(final Path dir, final double alpha, final int size) throws IOException {
		return InferenceBenchmark.randomArchive(dir.resolve("model-" + size + ".zip"), alpha, size);
	}

	/** The {@link BenchPhotos} at 640x480 in turn, as JPEG copies. */
	static void writePhotos(final Path dir, final int n) throws IOException {
		final List<byte[]> encoded = new ArrayList<>();
		for (final RgbImage p : BenchPhotos.load()) encoded.add(jpeg(p));
		for (int i = 0; i < n; i++) Files.write(dir.resolve(String.format(Locale.ROOT, "photo_%05d.jpg", i)),
			encoded.get(i % encoded.size()));
	}

	/** Centres the image on a gray 640x480 canvas (shrunk first if larger). */
	private static RgbImage pad(final RgbImage in, final int w, final int h) {
		final RgbImage im = in.width() > w || in.height() > h ? Resize.fitWithin(in, Math.min(w, h)) : in;
		final RgbImage out = RgbImage.blank(w, h);
		Arrays.fill(out.pixels(), (byte) 128);
		final int x0 = (w - im.width()) / 2, y0 = (h - im.height()) / 2;
		for (int y = 0; y < im.height(); y++)
			System.arraycopy(im.pixels(), y * im.width() * 3, out.pixels(), ((y0 + y) * w + x0) * 3, im.width() * 3);
		return out;
	}

	private static void writeTiny(final Path dir, final int n) throws IOException {
		final Random r = new Random(5);
		final List<byte[]> variants = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			final byte[] px = new byte[24 * 24 * 3];
			r.nextBytes(px);
			variants.add(jpeg(new RgbImage(24, 24, px)));
		}
		for (int i = 0; i < n; i++) {
			final Path sub = Files.createDirectories(dir.resolve(String.format(Locale.ROOT, "%03d", i / 1000)));
			Files.write(sub.resolve(String.format(Locale.ROOT, "t%06d.jpg", i)), variants.get(i % variants.size()));
		}
	}

	private static byte[] jpeg(final RgbImage image) {
		OpenCv.ensureLoaded();
		final Mat rgb = OpenCv.toMat(image);
		final Mat bgr = new Mat();
		final MatOfByte buf = new MatOfByte();
		try {
			Imgproc.cvtColor(rgb, bgr, Imgproc.COLOR_RGB2BGR);
			Imgcodecs.imencode(".jpg", bgr, buf, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 90));
			return buf.toArray();
		}
		finally {
			rgb.release();
			bgr.release();
			buf.release();
		}
	}

}
