package org.emotiontracking.core.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.emotiontracking.core.data.RgbImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * H.264 pictures that no other picture refers to are left out of the decoder when {@code every=}
 * will not pick them: the frames picked keep the index, time and pixels of a full decode, and the
 * frames left out are exactly the non-reference ones not picked, as Debian's ffprobe (which skips
 * the non-reference frames itself with {@code -skip_frame noref}) counts them.
 */
class SkippedFramesTest {

	private static final int FRAMES = 60;

	@TempDir
	static Path tmp;
	private static List<RgbImage> frames;

	@BeforeAll
	static void frames() throws Exception {
		FFmpegTestVideos.assumeFFmpegTools();
		FFmpegTestVideos.assumeEncoder("libx264");
		frames = FFmpegTestVideos.frames(FRAMES);
	}

	/** The frames picked by a full decode, filtering every Nth frame at or after start itself. */
	private static List<Frame> filtered(final Path file, final int every, final double start) throws Exception {
		final List<Frame> out = new ArrayList<>();
		try (VideoReader r = VideoReader.open(file).select(new VideoSelection(1, start, 0))) {
			int k = 0;
			for (Frame f = r.next(); f != null; f = r.next()) if (k++ % every == 0) out.add(f);
			assertEquals(0, r.framesLeftOut());
		}
		return out;
	}

	/** ffprobe's presentation times of the reference frames (those it decodes with -skip_frame noref). */
	private static Set<Long> referenceFrameTimes(final Path file) throws Exception {
		final String out = new String(FFmpegTestVideos.run(Arrays.asList("ffprobe", "-v", "error", "-skip_frame", "noref",
			"-select_streams", "v:0", "-show_entries", "frame=pts", "-of", "csv=p=0", file.toString()), null),
			StandardCharsets.UTF_8);
		final Set<Long> pts = new HashSet<>();
		for (final String line : out.split("\\R")) if (!line.trim().isEmpty()) pts.add(Long.parseLong(line.trim()
			.replace(",", "")));
		return pts;
	}

	private static long[] allFrameTimes(final Path file) throws Exception {
		final String out = new String(FFmpegTestVideos.run(Arrays.asList("ffprobe", "-v", "error", "-select_streams", "v:0",
			"-show_entries", "frame=pts", "-of", "csv=p=0", file.toString()), null), StandardCharsets.UTF_8);
		return Arrays.stream(out.split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).mapToLong(s -> Long
			.parseLong(s.replace(",", ""))).toArray();
	}

	@ParameterizedTest(name = "{0} every={1} start={2}")
	@CsvSource({
		"b-pyramid.mp4, 5, 0, bframes=3:b-pyramid=normal",
		"b-pyramid.mkv, 3, 0.5, bframes=3:b-pyramid=normal",
		"b-frames.mp4, 4, 0, bframes=2:b-pyramid=none",
		"annex-b.ts, 5, 0, bframes=3:b-pyramid=normal",
		"no-b-frames.mp4, 5, 0, bframes=0",
	})
	void framesPickedAreThoseOfAFullDecode(final String name, final int every, final double start, final String x264)
		throws Exception
	{
		final Path file = FFmpegTestVideos.encode(tmp.resolve(name), frames, 25, "-c:v", "libx264", "-preset",
			"veryfast", "-pix_fmt", "yuv420p", "-x264-params", x264 + ":keyint=30:scenecut=0");
		final List<Frame> expected = filtered(file, every, start);
		final List<Frame> got = new ArrayList<>();
		final long leftOut;
		try (VideoReader r = VideoReader.open(file, 1).select(new VideoSelection(every, start, 0))) {
			for (Frame f = r.next(); f != null; f = r.next()) got.add(f);
			leftOut = r.framesLeftOut();
			assertEquals(0, r.framesMisplaced());
			assertEquals(FRAMES, r.framesDecoded(), "every frame counted: " + r.endMessage());
			assertFalse(r.truncated(), r.endMessage());
			assertTrue(r.endMessage().startsWith("end of video " + name), r.endMessage());
		}
		assertEquals(expected.size(), got.size());
		try (VideoReader r = VideoReader.open(file).select(new VideoSelection(every, start, 0)).decodeAll()) {
			for (int j = 0; j < expected.size(); j++) assertEquals(expected.get(j).index(), r.next().index());
			assertEquals(null, r.next());
			assertEquals(0, r.framesLeftOut(), "decodeAll decodes every frame");
		}
		for (int j = 0; j < got.size(); j++) {
			assertEquals(expected.get(j).index(), got.get(j).index(), "index of pick " + j);
			assertEquals(expected.get(j).time(), got.get(j).time(), 1e-9, "time of pick " + j);
			assertArrayEquals(expected.get(j).image().pixels(), got.get(j).image().pixels(), "pixels of frame "
				+ got.get(j).index());
		}
		// independently: the non-reference frames (ffprobe) at or after start that the selection does not pick
		final Set<Long> reference = referenceFrameTimes(file);
		final long[] all = allFrameTimes(file);
		final Set<Long> picked = new HashSet<>();
		for (final Frame f : got) picked.add(all[(int) f.index() - 1]);
		final double[] t = FFmpegTestVideos.probeTimes(file);
		long expectLeftOut = 0;
		for (int i = 0; i < all.length; i++) if (t[i] >= start - 1e-9 && !reference.contains(all[i]) && !picked
			.contains(all[i])) expectLeftOut++;
		assertEquals(expectLeftOut, leftOut, "non-reference frames not picked (ffprobe: " + (all.length - reference
			.size()) + " non-reference frames)");
		if (!x264.startsWith("bframes=0")) assertTrue(leftOut > 0, "this file has non-reference frames");
	}
}
