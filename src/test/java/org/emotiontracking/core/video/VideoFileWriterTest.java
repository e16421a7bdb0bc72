package org.emotiontracking.core.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

	@Test
	void theVideoIsWrittenBesideTheTargetAndMovedIntoPlaceWhenFinished() throws Exception {
		FFmpegTestVideos.assumeFFmpegTools();
		final List<RgbImage> frames = FFmpegTestVideos.frames(5);
		final Path file = tmp.resolve("annotated.mp4");
		final VideoFileWriter w = new VideoFileWriter(file, FFmpegTestVideos.WIDTH, FFmpegTestVideos.HEIGHT, 25);
		for (int i = 0; i < 5; i++) w.write(frames.get(i).pixels(), i * 0.04);
		// while writing (and if the run is killed now): nothing under the final name, a temporary file beside it
		assertFalse(Files.exists(file), "no half video under the final name");
		assertEquals(tmp, w.temporaryFile().getParent());
		assertTrue(Files.size(w.temporaryFile()) > 0);
		w.close();
		assertEquals(5, FFmpegTestVideos.probeTimes(file).length);
		assertEquals(List.of("annotated.mp4"), names(), "the temporary file was moved");
	}

	@Test
	void anExistingVideoIsKeptUnlessOverwriteAndUntilTheNewOneIsFinished() throws Exception {
		FFmpegTestVideos.assumeFFmpegTools();
		final Path file = tmp.resolve("annotated.mp4");
		final byte[] old = "the user's own video".getBytes(StandardCharsets.UTF_8);
		Files.write(file, old);
		final FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class, () -> new VideoFileWriter(file,
			FFmpegTestVideos.WIDTH, FFmpegTestVideos.HEIGHT, 25));
		assertTrue(e.getMessage().contains("annotated.mp4"), e.getMessage());
		assertArrayEquals(old, Files.readAllBytes(file));
		assertEquals(List.of("annotated.mp4"), names(), "no temporary file left");

		final List<RgbImage> frames = FFmpegTestVideos.frames(3);
		// a run that stops on an error discards its video: the old file stays
		final VideoFileWriter failed = new VideoFileWriter(file, FFmpegTestVideos.WIDTH, FFmpegTestVideos.HEIGHT, 25, true);
		failed.write(frames.get(0).pixels(), 0);
		failed.discard();
		assertArrayEquals(old, Files.readAllBytes(file));
		assertEquals(List.of("annotated.mp4"), names());

		try (VideoFileWriter w = new VideoFileWriter(file, FFmpegTestVideos.WIDTH, FFmpegTestVideos.HEIGHT, 25, true)) {
			for (int i = 0; i < 3; i++) w.write(frames.get(i).pixels(), i * 0.04);
			assertArrayEquals(old, Files.readAllBytes(file), "replaced only when the new video is finished");
		}
		assertEquals(3, FFmpegTestVideos.probeTimes(file).length);
		assertEquals(List.of("annotated.mp4"), names());
	}

	private List<String> names() throws Exception {
		try (Stream<Path> s = Files.list(tmp)) {
			return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}
}
