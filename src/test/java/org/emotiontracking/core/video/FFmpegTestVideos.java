package org.emotiontracking.core.video;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.emotiontracking.core.data.ImageDecoder;
import org.emotiontracking.core.data.Resize;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.data.TestImages;

/**
 * Real video files for tests, made with Debian's {@code ffmpeg} (tests skip themselves when it is
 * missing), and {@code ffprobe} as the independent reference for frame times.
 * <p>
 * The frames show the face of opencv-doc's messi5.jpg (enlarged 1.5x, about 57 px) moving from
 * left to right over a smooth background, 320x240.
 */
public final class FFmpegTestVideos {

	public static final int WIDTH = 320, HEIGHT = 240;

	private FFmpegTestVideos() {}

	/** Skips the test unless Debian's ffmpeg and ffprobe run. */
	public static void assumeFFmpegTools() {
		assumeTrue(runs("ffmpeg") && runs("ffprobe"), "Debian's ffmpeg/ffprobe are not installed");
	}

	/** Skips the test unless Debian's ffmpeg has this encoder. */
	public static void assumeEncoder(final String name) throws IOException {
		assumeFFmpegTools();
		final String list = new String(run(Arrays.asList("ffmpeg", "-hide_banner", "-encoders"), null), StandardCharsets.UTF_8);
		assumeTrue(list.contains(" " + name + " "), "Debian's ffmpeg has no encoder " + name);
	}

	private static boolean runs(final String tool) {
		try {
			final Process p = new ProcessBuilder(tool, "-version").redirectErrorStream(true).start();
			p.getInputStream().readAllBytes();
			return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
		}
		catch (final IOException | InterruptedException e) {
			return false;
		}
	}

	/** The face crop (messi5.jpg, face at x=226 y=94 w=38 with a 30 px margin, enlarged 1.5x). */
	public static RgbImage face() throws IOException {
		final RgbImage photo = new ImageDecoder().decode(TestImages.sample("messi5.jpg"));
		final RgbImage c = Resize.crop(photo, 226 - 30, 94 - 30, 38 + 60, 38 + 60);
		return Resize.resize(c, (int) Math.round(c.width() * 1.5), (int) Math.round(c.height() * 1.5), Resize.Interpolation.LINEAR);
	}

	/** Where the face crop's top-left corner is in frame i (0-based) of n: left to right. */
	public static int[] facePosition(final RgbImage face, final int i, final int n) {
		final int range = WIDTH - face.width();
		return new int[] { n <= 1 ? 0 : i * range / (n - 1), (HEIGHT - face.height()) / 2 };
	}

	/** n frames with the face moving across. */
	public static List<RgbImage> frames(final int n) throws IOException {
		final RgbImage face = face();
		final List<RgbImage> out = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			final RgbImage f = background();
			final int[] p = facePosition(face, i, n);
			for (int y = 0; y < face.height(); y++)
				System.arraycopy(face.pixels(), y * face.width() * 3, f.pixels(), ((p[1] + y) * WIDTH + p[0]) * 3, face.width() * 3);
			out.add(f);
		}
		return out;
	}

	/** The smooth background of the frames, without the face. */
	public static RgbImage background() {
		final RgbImage f = RgbImage.blank(WIDTH, HEIGHT);
		for (int y = 0; y < HEIGHT; y++)
			for (int x = 0; x < WIDTH; x++)
				f.set(x, y, 70 + x * 90 / WIDTH, 90 + y * 60 / HEIGHT, 120 - x * 40 / WIDTH);
		return f;
	}

	/**
	 * Encodes the frames (piped as raw RGB at {@code fps}) with ffmpeg and the given output
	 * options, e.g. {@code "-c:v", "libx264"}.
	 */
	public static Path encode(final Path file, final List<RgbImage> frames, final double fps, final String... outputOptions)
		throws IOException
	{
		final List<String> cmd = new ArrayList<>(Arrays.asList("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "rawvideo",
			"-pix_fmt", "rgb24", "-s", frames.get(0).width() + "x" + frames.get(0).height(), "-r", Double.toString(fps), "-i", "-"));
		cmd.addAll(Arrays.asList(outputOptions));
		cmd.add(file.toString());
		final ByteArrayOutputStream raw = new ByteArrayOutputStream();
		for (final RgbImage f : frames) raw.write(f.pixels());
		run(cmd, raw.toByteArray());
		return file;
	}

	/** The videos of the issue: container/codec pairs, 50 frames at 25 fps each. */
	public static Path h264Mp4(final Path dir, final int n) throws IOException {
		return encode(dir.resolve("h264.mp4"), frames(n), 25, "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p");
	}

	/** Runs ffprobe and returns the presentation times (seconds from the file's start) of the video frames. */
	public static double[] probeTimes(final Path file) throws IOException {
		final double start = probeStart(file);
		final String out = new String(run(Arrays.asList("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
			"frame=best_effort_timestamp_time", "-of", "csv=p=0", file.toString()), null), StandardCharsets.UTF_8);
		final List<Double> t = new ArrayList<>();
		for (final String line : out.split("\\R")) {
			final String s = line.trim().replace(",", "");
			if (s.isEmpty() || s.equals("N/A")) continue;
			t.add(Double.parseDouble(s) - start);
		}
		final double[] a = new double[t.size()];
		for (int i = 0; i < a.length; i++) a[i] = t.get(i);
		return a;
	}

	/** ffprobe's start time of the file (format start_time), 0 if none. */
	public static double probeStart(final Path file) throws IOException {
		final String s = new String(run(Arrays.asList("ffprobe", "-v", "error", "-show_entries", "format=start_time", "-of", "csv=p=0",
			file.toString()), null), StandardCharsets.UTF_8).trim();
		return s.isEmpty() || s.equals("N/A") ? 0 : Double.parseDouble(s);
	}

	/** One ffprobe stream field of the first video stream, e.g. "codec_name". */
	public static String probeStream(final Path file, final String field) throws IOException {
		return new String(run(Arrays.asList("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=" + field, "-of",
			"csv=p=0", file.toString()), null), StandardCharsets.UTF_8).trim();
	}

	/** The first frame as Debian's ffmpeg decodes it (rotation applied, as its players do), RGB. */
	public static RgbImage ffmpegFirstFrame(final Path file, final int width, final int height) throws IOException {
		final byte[] px = run(Arrays.asList("ffmpeg", "-hide_banner", "-loglevel", "error", "-i", file.toString(), "-frames:v", "1", "-f",
			"rawvideo", "-pix_fmt", "rgb24", "-"), null);
		return new RgbImage(width, height, Arrays.copyOf(px, width * height * 3));
	}

	/** Runs a command, feeding {@code input}, and returns its standard output; fails on a non-zero exit. */
	public static byte[] run(final List<String> cmd, final byte[] input) throws IOException {
		final Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		final Thread feeder = new Thread(() -> {
			try (OutputStream o = p.getOutputStream()) {
				if (input != null) o.write(input);
			}
			catch (final IOException e) {
				// the process ended early: its exit code tells
			}
		});
		feeder.start();
		final byte[] out;
		try (InputStream in = p.getInputStream()) {
			out = in.readAllBytes();
		}
		try {
			feeder.join();
			if (!p.waitFor(120, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				throw new IOException("Timed out: " + cmd);
			}
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted: " + cmd);
		}
		if (p.exitValue() != 0) throw new IOException("Failed (" + p.exitValue() + "): " + String.join(" ", cmd));
		return out;
	}

	/** Cuts a file to a fraction of its length (a recording that stopped mid-write). */
	public static Path truncate(final Path from, final Path to, final double fraction) throws IOException {
		final byte[] all = Files.readAllBytes(from);
		Files.write(to, Arrays.copyOf(all, (int) (all.length * fraction)));
		return to;
	}
}
