package org.emotiontracking.core.video;

import static org.emotiontracking.core.video.FFmpegTestVideos.HEIGHT;
import static org.emotiontracking.core.video.FFmpegTestVideos.WIDTH;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.emotiontracking.core.data.RgbImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real files made by Debian's ffmpeg, read through bytedeco's FFmpeg, checked against ffprobe. */
class VideoReaderTest {

	private static final int FRAMES = 50;

	@TempDir
	static Path tmp;
	private static List<RgbImage> frames;

	@BeforeAll
	static void frames() throws Exception {
		FFmpegTestVideos.assumeFFmpegTools();
		frames = FFmpegTestVideos.frames(FRAMES);
	}

	private static List<Frame> readAll(final VideoReader r) throws Exception {
		final List<Frame> out = new ArrayList<>();
		for (Frame f = r.next(); f != null; f = r.next()) out.add(f);
		assertNull(r.next());
		return out;
	}

	private static double meanAbsDiff(final RgbImage a, final RgbImage b) {
		assertEquals(a.width(), b.width());
		assertEquals(a.height(), b.height());
		long sum = 0;
		for (int i = 0; i < a.pixels().length; i++) sum += Math.abs((a.pixels()[i] & 0xff) - (b.pixels()[i] & 0xff));
		return sum / (double) a.pixels().length;
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({
		"h264.mp4, libx264, h264, -preset veryfast -pix_fmt yuv420p",
		"hevc.mkv, libx265, hevc, -preset ultrafast -pix_fmt yuv420p -x265-params log-level=error",
		"vp8.webm, libvpx, vp8, -b:v 1M -deadline realtime -cpu-used 8",
		"vp9.webm, libvpx-vp9, vp9, -b:v 1M -deadline realtime -cpu-used 8",
		"mpeg4.mov, mpeg4, mpeg4, -q:v 3",
		"mjpeg.avi, mjpeg, mjpeg, -q:v 3 -pix_fmt yuvj420p",
		"av1.mkv, libsvtav1, av1, -preset 12 -pix_fmt yuv420p",
	})
	void readsEveryFrameAtFFprobesTimes(final String name, final String encoder, final String codec, final String options)
		throws Exception
	{
		FFmpegTestVideos.assumeEncoder(encoder);
		final List<String> opts = new ArrayList<>(Arrays.asList("-c:v", encoder));
		opts.addAll(Arrays.asList(options.split(" ")));
		final Path file = FFmpegTestVideos.encode(tmp.resolve(name), frames, 25, opts.toArray(new String[0]));
		if (codec.equals("av1")) assumeTrue(FFmpeg.videoDecoders().stream().anyMatch(d -> d.equals("libdav1d") || d.equals("libaom-av1")),
			"this FFmpeg build has no software AV1 decoder");
		final double[] expected = FFmpegTestVideos.probeTimes(file);
		assertEquals(FRAMES, expected.length, "ffprobe's frame count");
		try (VideoReader r = VideoReader.open(file)) {
			assertEquals(codec, r.info().codec());
			assertEquals(FFmpegTestVideos.probeStream(file, "codec_name"), r.info().codec());
			assertEquals(WIDTH, r.info().width());
			assertEquals(HEIGHT, r.info().height());
			assertEquals(25, r.info().fps(), 0.01);
			final List<Frame> got = readAll(r);
			assertEquals(FRAMES, got.size(), r.endMessage());
			for (int i = 0; i < FRAMES; i++) {
				assertEquals(i + 1, got.get(i).index());
				assertEquals(expected[i], got.get(i).time(), 1e-6, "time of frame " + (i + 1));
			}
			// the pixels are the frames encoded (lossy codecs: close, not equal)
			for (final int i : new int[] { 0, FRAMES / 2, FRAMES - 1 })
				assertTrue(meanAbsDiff(frames.get(i), got.get(i).image()) < 10, name + " frame " + i + " differs: " + meanAbsDiff(frames.get(i),
					got.get(i).image()));
			assertNull(r.damage());
			assertFalse(r.truncated(), r.endMessage());
			assertTrue(r.endMessage().startsWith("end of video " + name), r.endMessage());
		}
	}

	@Test
	void variableFrameRateTimesComeFromTheStream() throws Exception {
		FFmpegTestVideos.assumeEncoder("libx264");
		// 10 frames at 25 fps, then 10 fps, then a 0.6 s pause, then 50 fps
		final Path file = FFmpegTestVideos.encode(tmp.resolve("vfr.mp4"), frames.subList(0, 30), 25, "-vf",
			"settb=1/1000,setpts='if(lt(N,10),N/25,if(lt(N,20),0.4+(N-10)/10,1.9+(N-20)/50))/TB'", "-fps_mode", "vfr",
			"-enc_time_base", "1:1000", "-c:v", "libx264", "-preset",
			"veryfast", "-pix_fmt", "yuv420p", "-video_track_timescale", "1000");
		final double[] expected = FFmpegTestVideos.probeTimes(file);
		assertEquals(30, expected.length);
		assertEquals(0.6, expected[20] - expected[19], 0.011, "the pause is in the file");
		try (VideoReader r = VideoReader.open(file)) {
			final List<Frame> got = readAll(r);
			assertEquals(30, got.size());
			for (int i = 0; i < 30; i++) assertEquals(expected[i], got.get(i).time(), 1e-6, "frame " + (i + 1));
			assertEquals(0.04, got.get(1).time() - got.get(0).time(), 0.002);
			assertEquals(0.1, got.get(12).time() - got.get(11).time(), 0.002);
			assertEquals(0.02, got.get(25).time() - got.get(24).time(), 0.002);
		}
	}

	@Test
	void everyStartAndEndPickFramesWithTheirOwnIndexAndTime() throws Exception {
		final Path file = FFmpegTestVideos.h264Mp4(tmp, FRAMES);
		final double[] t = FFmpegTestVideos.probeTimes(file);
		final List<Integer> expected = new ArrayList<>();
		int k = 0;
		for (int i = 0; i < t.length; i++) if (t[i] >= 0.5 - 1e-9 && t[i] < 1.5 - 1e-9 && k++ % 3 == 0) expected.add(i);
		try (VideoReader r = VideoReader.open(file).select(new VideoSelection(3, 0.5, 1.5))) {
			final List<Frame> got = readAll(r);
			assertEquals(expected.size(), got.size());
			for (int j = 0; j < got.size(); j++) {
				final int i = expected.get(j);
				assertEquals(i + 1, got.get(j).index());
				assertEquals(t[i], got.get(j).time(), 1e-6);
				assertTrue(meanAbsDiff(frames.get(i), got.get(j).image()) < 10, "the frame of index " + (i + 1));
			}
			assertTrue(r.endMessage().contains("end= 1.500 s"), r.endMessage());
			assertFalse(r.truncated());
		}
		try (VideoReader r = VideoReader.open(file).select(new VideoSelection(5, 0, 0))) {
			final List<Frame> got = readAll(r);
			assertEquals(10, got.size());
			for (int j = 0; j < 10; j++) assertEquals(5 * j + 1, got.get(j).index());
		}
		assertThrows(IllegalArgumentException.class, () -> new VideoSelection(0, 0, 0));
		assertThrows(IllegalArgumentException.class, () -> new VideoSelection(1, 2, 1));
	}

	@Test
	void rotationMetadataIsApplied() throws Exception {
		final Path plain = FFmpegTestVideos.h264Mp4(tmp, 10);
		final Path rotated = tmp.resolve("phone.mp4");
		FFmpegTestVideos.run(Arrays.asList("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-i", plain.toString(), "-c", "copy",
			"-metadata:s:v:0", "rotate=90", rotated.toString()), null);
		final RgbImage reference = FFmpegTestVideos.ffmpegFirstFrame(rotated, HEIGHT, WIDTH); // Debian's ffmpeg turns it upright
		// ffprobe's rotation is counter-clockwise; players turn the frames back by it
		final int probed = (int) Math.round(Double.parseDouble(probeRotation(rotated)));
		assertEquals(90, Math.abs(probed));
		try (VideoReader r = VideoReader.open(rotated)) {
			assertEquals(Math.floorMod(-probed, 360), r.info().rotation());
			assertEquals(HEIGHT, r.info().width());
			assertEquals(WIDTH, r.info().height());
			final Frame f = r.next();
			assertEquals(HEIGHT, f.image().width());
			assertEquals(WIDTH, f.image().height());
			assertTrue(meanAbsDiff(reference, f.image()) < 4, "as Debian's ffmpeg shows it: " + meanAbsDiff(reference, f.image()));
		}
	}

	private static String probeRotation(final Path file) throws Exception {
		final String out = new String(FFmpegTestVideos.run(Arrays.asList("ffprobe", "-v", "error", "-select_streams", "v:0",
			"-show_entries", "stream_side_data=rotation", "-of", "default=nw=1:nk=1", file.toString()), null), StandardCharsets.UTF_8);
		return out.trim().split("\\R")[0];
	}

	@Test
	void truncatedVideoKeepsTheFramesBeforeTheDamage() throws Exception {
		FFmpegTestVideos.assumeEncoder("libx264");
		final Path whole = FFmpegTestVideos.encode(tmp.resolve("whole.mp4"), frames, 25, "-c:v", "libx264", "-preset", "veryfast",
			"-pix_fmt", "yuv420p", "-movflags", "+faststart");
		final double[] t = FFmpegTestVideos.probeTimes(whole);
		final Path cut = FFmpegTestVideos.truncate(whole, tmp.resolve("cut.mp4"), 0.6);
		try (VideoReader r = VideoReader.open(cut)) {
			final List<Frame> got = readAll(r);
			assertTrue(got.size() > 5 && got.size() < FRAMES, got.size() + " frames");
			for (int i = 0; i < got.size(); i++) assertEquals(t[i], got.get(i).time(), 1e-6);
			assertTrue(r.truncated(), r.endMessage());
			assertTrue(r.endMessage().contains("cut.mp4"), r.endMessage());
			assertTrue(r.endMessage().matches(".*\\d+\\.\\d{3} s.*"), "names the time: " + r.endMessage());
		}
		// without faststart the index (moov) is at the end: a cut file cannot be opened at all
		final Path moovLast = FFmpegTestVideos.h264Mp4(tmp, FRAMES);
		final Path cut2 = FFmpegTestVideos.truncate(moovLast, tmp.resolve("cut2.mp4"), 0.6);
		final VideoFileException e = assertThrows(VideoFileException.class, () -> VideoReader.open(cut2));
		assertTrue(e.getMessage().contains("cut2.mp4") && e.getMessage().contains("Not a video FFmpeg can read"), e.getMessage());
	}

	@Test
	void audioOnlyAndNonVideoFilesNameWhatWasFound() throws Exception {
		final Path audio = tmp.resolve("interview.mp4");
		FFmpegTestVideos.run(Arrays.asList("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
			"sine=frequency=440:duration=1", "-c:a", "aac", audio.toString()), null);
		final VideoFileException e = assertThrows(VideoFileException.class, () -> VideoReader.open(audio));
		assertTrue(e.getMessage().contains("No video stream") && e.getMessage().contains("audio (aac)") &&
			e.getMessage().contains("interview.mp4"), e.getMessage());

		final Path text = Files.write(tmp.resolve("notes.mkv"), "not a video at all\n".repeat(100).getBytes(StandardCharsets.UTF_8));
		final VideoFileException e2 = assertThrows(VideoFileException.class, () -> VideoReader.open(text));
		assertTrue(e2.getMessage().contains("notes.mkv") && e2.getMessage().contains("Not a video FFmpeg can read"), e2.getMessage());

		final VideoFileException e3 = assertThrows(VideoFileException.class, () -> VideoReader.open(tmp.resolve("none.mp4")));
		assertTrue(e3.getMessage().startsWith("Video file not found"), e3.getMessage());
	}

	@Test
	void aCodecTheBuildLacksAndAStreamThatCannotBeDecodedNameTheFileAndWhatWasFound() throws Exception {
		FFmpegTestVideos.assumeEncoder("mjpeg");
		// a lab camera's own codec: an MJPEG .avi whose FourCC is changed to one no FFmpeg knows
		final Path mjpeg = FFmpegTestVideos.encode(tmp.resolve("mjpeg.avi"), frames.subList(0, 5), 25, "-c:v", "mjpeg");
		final byte[] avi = Files.readAllBytes(mjpeg);
		int patched = 0;
		for (int i = 0; i + 4 <= Math.min(avi.length, 4096); i++) {
			if (avi[i] == 'M' && avi[i + 1] == 'J' && avi[i + 2] == 'P' && avi[i + 3] == 'G') {
				System.arraycopy("LAB9".getBytes(StandardCharsets.US_ASCII), 0, avi, i, 4);
				patched++;
			}
		}
		assertTrue(patched > 0, "the AVI header names MJPG");
		final Path lab = Files.write(tmp.resolve("lab camera.avi"), avi);
		assertEquals("LAB9", new String(FFmpegTestVideos.run(Arrays.asList("ffprobe", "-v", "error", "-select_streams", "v:0",
			"-show_entries", "stream=codec_tag_string", "-of", "csv=p=0", lab.toString()), null), StandardCharsets.UTF_8).trim());
		final VideoFileException e = assertThrows(VideoFileException.class, () -> VideoReader.open(lab));
		assertTrue(e.getMessage().contains("no decoder") && e.getMessage().contains("FourCC LAB9") && e.getMessage().contains(
			"avi container") && e.getMessage().contains("lab camera.avi"), e.getMessage());

		// an H.264 .mp4 whose index is intact but whose frames are noise: opens, and no frame can be decoded
		final Path good = FFmpegTestVideos.encode(tmp.resolve("good.mp4"), frames.subList(0, 10), 25, "-c:v", "libx264", "-preset",
			"veryfast", "-pix_fmt", "yuv420p", "-movflags", "+faststart");
		final byte[] mp4 = Files.readAllBytes(good);
		final int mdat = new String(mp4, StandardCharsets.ISO_8859_1).indexOf("mdat");
		assertTrue(mdat > 0);
		final java.util.Random noise = new java.util.Random(7);
		for (int i = mdat + 4; i < mp4.length; i++) mp4[i] = (byte) noise.nextInt(256);
		final Path broken = Files.write(tmp.resolve("noise.mp4"), mp4);
		final org.emotiontracking.core.live.FrameSourceException e2 = assertThrows(org.emotiontracking.core.live.FrameSourceException.class,
			() -> org.emotiontracking.core.live.VideoFileSource.open(broken));
		assertTrue(e2.getMessage().contains("noise.mp4") && e2.getMessage().contains("h264 stream cannot be decoded") && e2.getMessage()
			.contains("no frame to analyse"), e2.getMessage());
	}

	@Test
	void rotationsAreQuarterTurns() {
		assertEquals(0, VideoReader.normalizeRotation(0));
		assertEquals(90, VideoReader.normalizeRotation(90));
		assertEquals(270, VideoReader.normalizeRotation(-90));
		assertEquals(180, VideoReader.normalizeRotation(-180.0001));
		final RgbImage img = RgbImage.blank(3, 2);
		img.set(0, 0, 255, 0, 0); // top-left red
		final RgbImage cw = Rotation.rotate(img, 90);
		assertEquals(2, cw.width());
		assertEquals(3, cw.height());
		assertEquals(255, cw.get(1, 0, 0), "top-left goes to top-right when turned clockwise");
		assertEquals(255, Rotation.rotate(img, 180).get(2, 1, 0));
		assertEquals(255, Rotation.rotate(img, 270).get(0, 2, 0));
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

	/**
	 * H.264 pictures that no other picture refers to are left out of the decoder when {@code every=}
	 * will not pick them: the frames picked keep the index, time and pixels of a full decode, and the
	 * frames left out are exactly the non-reference ones not picked, as Debian's ffprobe (which skips
	 * the non-reference frames itself with {@code -skip_frame noref}) counts them.
	 */
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
		FFmpegTestVideos.assumeEncoder("libx264");
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
