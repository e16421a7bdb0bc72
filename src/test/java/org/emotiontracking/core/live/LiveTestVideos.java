package org.emotiontracking.core.live;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.emotiontracking.core.data.ImageDecoder;
import org.emotiontracking.core.data.OpenCv;
import org.emotiontracking.core.data.Resize;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.data.TestImages;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.videoio.VideoWriter;
import org.opencv.videoio.Videoio;

/**
 * Test videos made of real photographs: face crops from OpenCV's sample photos pasted at moving
 * positions onto a smooth background, written as MJPEG .avi with OpenCV's VideoWriter.
 */
public final class LiveTestVideos {

	public static final int WIDTH = 640, HEIGHT = 480;
	/** Face crops are enlarged by this factor (so faces stay detectable at detect_width=320). */
	public static final double SCALE = 2;
	/** Margin around the face in the crop, in original photo pixels. */
	public static final int MARGIN = 30;

	private LiveTestVideos() {}

	/** messi5.jpg's face (x=226, y=94, 38 px) with margin, enlarged. */
	public static RgbImage messiFace() throws IOException {
		return crop("messi5.jpg", 226, 94, 38);
	}

	/** The face of the player on the left in basketball1.png (x=72, y=91, 39 px; gray), enlarged. */
	public static RgbImage basketballFace() throws IOException {
		return crop("basketball1.png", 72, 91, 39);
	}

	private static RgbImage crop(final String sample, final int x, final int y, final int w) throws IOException {
		final RgbImage photo = new ImageDecoder().decode(TestImages.sample(sample));
		final RgbImage c = Resize.crop(photo, x - MARGIN, y - MARGIN, w + 2 * MARGIN, w + 2 * MARGIN);
		return Resize.resize(c, (int) Math.round(c.width() * SCALE), (int) Math.round(c.height() * SCALE), Resize.Interpolation.LINEAR);
	}

	/** A smooth, face-free background. */
	public static RgbImage background(final int w, final int h) {
		final RgbImage img = RgbImage.blank(w, h);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				img.set(x, y, 70 + x * 90 / w, 90 + y * 60 / h, 120 - x * 40 / w);
		return img;
	}

	/** Where a face crop is in frame {@code i} (top-left corner). */
	public interface Path2D {
		int[] at(int i);
	}

	/** A face moving {@code dx} pixels per frame to the right from (x0, y0), bouncing off the edges. */
	public static Path2D moving(final RgbImage face, final int x0, final int y0, final int dx) {
		final int range = WIDTH - face.width();
		return i -> {
			int x = Math.floorMod(x0 + i * dx, 2 * range);
			if (x > range) x = 2 * range - x;
			return new int[] { x, y0 };
		};
	}

	/** n frames with the faces at their paths. */
	public static List<RgbImage> frames(final int n, final List<RgbImage> faces, final List<Path2D> paths) {
		final RgbImage bg = background(WIDTH, HEIGHT);
		final List<RgbImage> out = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			final RgbImage f = Resize.copy(bg);
			for (int k = 0; k < faces.size(); k++) {
				final int[] p = paths.get(k).at(i);
				paste(faces.get(k), f, p[0], p[1]);
			}
			out.add(f);
		}
		return out;
	}

	/** The face's box centre in frame i (the face is in the middle of its crop). */
	public static double[] faceCentre(final RgbImage face, final Path2D path, final int i) {
		final int[] p = path.at(i);
		return new double[] { p[0] + face.width() / 2.0, p[1] + face.height() / 2.0 };
	}

	public static void paste(final RgbImage src, final RgbImage dst, final int x0, final int y0) {
		for (int y = 0; y < src.height(); y++) {
			final int dy = y0 + y;
			if (dy < 0 || dy >= dst.height()) continue;
			final int from = Math.max(0, -x0), to = Math.min(src.width(), dst.width() - x0);
			if (to > from) System.arraycopy(src.pixels(), (y * src.width() + from) * 3, dst.pixels(), (dy * dst.width() + x0 + from) * 3,
				(to - from) * 3);
		}
	}

	/** Writes the frames as an MJPEG .avi. */
	public static Path writeAvi(final Path file, final List<RgbImage> frames, final double fps) throws IOException {
		OpenCv.ensureLoaded();
		final RgbImage first = frames.get(0);
		final VideoWriter w = new VideoWriter(file.toString(), Videoio.CAP_OPENCV_MJPEG, VideoWriter.fourcc('M', 'J', 'P', 'G'), fps,
			new Size(first.width(), first.height()), true);
		if (!w.isOpened()) throw new IOException("Cannot write " + file);
		final Mat bgr = new Mat();
		try {
			for (final RgbImage f : frames) {
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

	/**
	 * Frames a video file really holds, counted by decoding them all: with Debian's ffprobe when it
	 * is installed (independent of our FFmpeg build), else with our reader.
	 */
	public static int countFrames(final Path file) throws IOException {
		try {
			final Process p = new ProcessBuilder("ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
				"stream=nb_read_frames", "-of", "csv=p=0", file.toString()).redirectErrorStream(true).start();
			final String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
			if (p.waitFor() == 0) return Integer.parseInt(out.replace(",", ""));
		}
		catch (final IOException | InterruptedException | NumberFormatException e) {
			// no ffprobe: count with our reader
		}
		int n = 0;
		try (org.emotiontracking.core.video.VideoReader r = org.emotiontracking.core.video.VideoReader.open(file)) {
			while (r.next() != null) n++;
		}
		return n;
	}
}
