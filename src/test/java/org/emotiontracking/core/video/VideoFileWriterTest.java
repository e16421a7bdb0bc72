package org.emotiontracking.core.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.emotiontracking.core.data.RgbImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** annotated.mp4's writer, checked with Debian's ffprobe and ffmpeg. */
class VideoFileWriterTest {

	@TempDir
	Path tmp;

	@Test
	void writesH264Mp4WithEachFramesTime() throws Exception {
		FFmpegTestVideos.assumeFFmpegTools();
		final List<RgbImage> frames = FFmpegTestVideos.frames(12);
		final Path file = tmp.resolve("annotated.mp4");
		final double[] times = new double[12];
		try (VideoFileWriter w = new VideoFileWriter(file, FFmpegTestVideos.WIDTH, FFmpegTestVideos.HEIGHT, 25)) {
			assertTrue(VideoFileWriter.ENCODERS.contains(w.encoder()));
			for (int i = 0; i < 12; i++) {
				times[i] = i < 6 ? i * 0.04 : 0.2 + (i - 5) * 0.1; // 25 fps, then 10 fps (a camera that slowed down)
				w.write(frames.get(i).pixels(), times[i]);
			}
			assertEquals(12, w.frames());
		}
		final String codec = FFmpegTestVideos.probeStream(file, "codec_name");
		assertTrue(codec.equals("h264") || codec.equals("mpeg4"), codec);
		final double[] probed = FFmpegTestVideos.probeTimes(file);
		assertEquals(12, probed.length);
		for (int i = 0; i < 12; i++) assertEquals(times[i], probed[i], 0.0015, "frame " + (i + 1));
		final RgbImage first = FFmpegTestVideos.ffmpegFirstFrame(file, FFmpegTestVideos.WIDTH, FFmpegTestVideos.HEIGHT);
		long sum = 0;
		for (int i = 0; i < first.pixels().length; i++) sum += Math.abs((first.pixels()[i] & 0xff) - (frames.get(0).pixels()[i] & 0xff));
		assertTrue(sum / (double) first.pixels().length < 10, "the first frame as Debian's ffmpeg decodes it");
	}

	@Test
	void oddSizesBecomeEven() throws Exception {
		FFmpegTestVideos.assumeFFmpegTools();
		final Path file = tmp.resolve("odd.mp4");
		try (VideoFileWriter w = new VideoFileWriter(file, 101, 75, 30)) {
			for (int i = 0; i < 3; i++) w.write(new byte[101 * 75 * 3], i / 30.0);
		}
		assertEquals("100,74", FFmpegTestVideos.probeStream(file, "width,height"));
	}
}
