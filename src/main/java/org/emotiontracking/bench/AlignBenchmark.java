package org.emotiontracking.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.emotiontracking.core.data.ImageDecoder;
import org.emotiontracking.core.data.OpenCv;
import org.emotiontracking.core.data.Resize;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.detect.FaceBox;
import org.emotiontracking.core.detect.FaceCrop;
import org.emotiontracking.core.detect.FaceCropper;
import org.emotiontracking.core.detect.FaceDetector;
import org.emotiontracking.core.detect.FaceDetectors;
import org.emotiontracking.core.model.EmotionClassifier;
import org.emotiontracking.core.util.ProgressListener;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * What align= does to the model's input: each single-face photo of ../shared/faces is turned by
 * -30..30 degrees (head roll), its face found by the default detector and cropped with align=false and
 * align=true (margin 0.1); each crop (64x64 gray) is compared with the crop of the unturned photo made
 * the same way (normalised cross-correlation, 1 = identical). A classifier sees the same face the same
 * way when this stays near 1. Also the time of one crop.
 */
public final class AlignBenchmark {

	static final double[] TURNS = { -30, -20, -10, 0, 10, 20, 30 };
	static final List<String> PHOTOS = Arrays.asList("sergey.png", "angry.jpg", "disgusted.jpg", "fearful.jpg",
		"happy.jpg", "neutral.jpg", "sad.jpg", "surprised.jpg");

	private AlignBenchmark() {}

	public static List<String> run(final ProgressListener log) throws IOException {
		final Path shared = BenchPhotos.sharedFolder();
		if (shared == null) throw new IOException("what=align needs ../shared/faces (or EMOTION_TRACKING_SHARED)");
		final List<String> lines = new ArrayList<>();
		final ImageDecoder decoder = new ImageDecoder();
		final double[][] ncc = new double[2][TURNS.length];
		final int[] found = new int[TURNS.length];
		final long[] nanos = new long[2];
		long crops = 0;
		try (FaceDetector detector = FaceDetectors.openDefault()) {
			for (final String name : PHOTOS) {
				final RgbImage photo = decoder.decode(shared.resolve(name));
				final List<FaceBox> ref = detector.detect(photo);
				if (ref.size() != 1) continue;
				for (int a = 0; a < 2; a++) {
					final FaceCropper cropper = new FaceCropper(0.1, a == 1);
					final float[] reference = gray64(cropper.crop(photo, ref.get(0)).image());
					for (int t = 0; t < TURNS.length; t++) {
						final RgbImage turned = turned(photo, TURNS[t]);
						final List<FaceBox> faces = detector.detect(turned);
						if (faces.size() != 1) continue;
						if (a == 0) found[t]++;
						final long t0 = System.nanoTime();
						final FaceCrop c = cropper.crop(turned, faces.get(0));
						nanos[a] += System.nanoTime() - t0;
						if (a == 0) crops++;
						ncc[a][t] += ncc(reference, gray64(c.image()));
					}
				}
			}
		}
		final StringBuilder head = new StringBuilder("align      head roll (deg)            ");
		for (final double t : TURNS) head.append(String.format(Locale.ROOT, "%7.0f", t));
		lines.add(head.toString());
		for (int a = 0; a < 2; a++) {
			final StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
				"align      align=%-5s mean NCC to unturned", a == 1));
			for (int t = 0; t < TURNS.length; t++) sb.append(
				String.format(Locale.ROOT, "%7.3f", ncc[a][t] / Math.max(1, found[t])));
			sb.append(String.format(Locale.ROOT, "   (%.2f ms per crop)", nanos[a] / 1e6 / Math.max(1, crops)));
			lines.add(sb.toString());
		}
		lines.add("align      faces found per turn: " + Arrays.toString(found) + " of " + PHOTOS.size());
		lines.addAll(accuracy(shared, decoder, log));
		for (final String l : lines) log.log(l);
		return lines;
	}

	/**
	 * With the built-in model (if the build made it): how many of the 7 expression photos (the file
	 * name is the expression) get their expression, per turn, with align=false and align=true.
	 */
	private static List<String> accuracy(final Path shared, final ImageDecoder decoder, final ProgressListener log) {
		final List<String> lines = new ArrayList<>();
		final String[][] photos = { { "angry.jpg", "angry" }, { "disgusted.jpg", "disgust" }, { "fearful.jpg", "fear" },
			{ "happy.jpg",
			"happy" }, { "neutral.jpg", "neutral" }, { "sad.jpg", "sad" }, { "surprised.jpg", "surprise" } };
		try (EmotionClassifier model = EmotionClassifier.load(null);
			FaceDetector detector = FaceDetectors.openDefault())
		{
			final int[][] right = new int[2][TURNS.length];
			for (final String[] p : photos) {
				final RgbImage photo = decoder.decode(shared.resolve(p[0]));
				for (int t = 0; t < TURNS.length; t++) {
					final RgbImage turned = turned(photo, TURNS[t]);
					final List<FaceBox> faces = detector.detect(turned);
					if (faces.size() != 1) continue;
					for (int a = 0; a < 2; a++) {
						final float[] prob = model.predict(Collections.singletonList(new FaceCropper(0.1, a == 1)
							.crop(turned, faces.get(0)).image()))[0];
						if (model.classNames().get(EmotionClassifier.argMax(prob)).equals(p[1])) right[a][t]++;
					}
				}
			}
			for (int a = 0; a < 2; a++) {
				final StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
					"align      align=%-5s built-in model right of 7 ", a == 1));
				for (int t = 0; t < TURNS.length; t++) sb.append(String.format(Locale.ROOT, "%7d", right[a][t]));
				lines.add(sb.toString());
			}
		}
		catch (final IOException | RuntimeException e) {
			lines.add("align      (no accuracy figures: " + e.getMessage() + ")");
		}
		return lines;
	}

	static RgbImage turned(final RgbImage image, final double degrees) {
		if (degrees == 0) return image;
		final Mat src = OpenCv.toMat(image), dst = new Mat();
		final Mat m = Imgproc.getRotationMatrix2D(new Point((image.width() - 1) / 2.0, (image.height() - 1) / 2.0),
			degrees, 1);
		try {
			Imgproc.warpAffine(src, dst, m, new Size(image.width(), image.height()), Imgproc.INTER_LINEAR,
				Core.BORDER_REPLICATE);
			return OpenCv.toRgbImage(dst);
		}
		finally {
			src.release();
			dst.release();
			m.release();
		}
	}

	private static float[] gray64(final RgbImage crop) {
		final RgbImage small = Resize.resize(crop, 64, 64, Resize.Interpolation.AREA);
		final byte[] px = small.pixels();
		final float[] g = new float[64 * 64];
		for (int i = 0; i < g.length; i++) g[i] = 0.299f * (px[3 * i] & 0xff) + 0.587f * (px[3 * i + 1] & 0xff)
			+ 0.114f * (px[3 * i + 2] & 0xff);
		return g;
	}

	private static double ncc(final float[] a, final float[] b) {
		double ma = 0, mb = 0;
		for (int i = 0; i < a.length; i++) {
			ma += a[i];
			mb += b[i];
		}
		ma /= a.length;
		mb /= b.length;
		double ab = 0, aa = 0, bb = 0;
		for (int i = 0; i < a.length; i++) {
			ab += (a[i] - ma) * (b[i] - mb);
			aa += (a[i] - ma) * (a[i] - ma);
			bb += (b[i] - mb) * (b[i] - mb);
		}
		return ab / Math.sqrt(aa * bb + 1e-12);
	}
}
