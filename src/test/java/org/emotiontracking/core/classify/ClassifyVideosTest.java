package org.emotiontracking.core.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.data.TestImages;
import org.emotiontracking.core.live.FaceSummary;
import org.emotiontracking.core.live.LiveOutputs;
import org.emotiontracking.core.video.FFmpegTestVideos;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Classify over a folder mixing images and real videos (made by Debian's ffmpeg): each video is
 * analysed frame by frame by Live's pipeline in batch mode, one row per face per analysed frame,
 * with frame numbers and times equal to ffprobe's, one face id for the one moving face; bad and
 * truncated videos give rows naming the file and the batch goes on.
 */
class ClassifyVideosTest {

	private static final int FRAMES = 25;

	@TempDir
	static Path tmp;
	private static Path input;
	private static List<RgbImage> frames;

	@BeforeAll
	static void videos() throws Exception {
		FFmpegTestVideos.assumeEncoder("libx264");
		frames = FFmpegTestVideos.frames(FRAMES);
		input = Files.createDirectories(tmp.resolve("input"));
		Files.copy(TestImages.sample("messi5.jpg"), input.resolve("a_photo.jpg"));
		FFmpegTestVideos.encode(input.resolve("b_h264.mp4"), frames, 25, "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p");
		FFmpegTestVideos.encode(input.resolve("c_vp8.webm"), frames, 25, "-c:v", "libvpx", "-b:v", "1M", "-deadline", "realtime");
		FFmpegTestVideos.encode(input.resolve("d_mpeg4.mov"), frames, 25, "-c:v", "mpeg4", "-q:v", "3");
		final Path whole = FFmpegTestVideos.encode(tmp.resolve("whole.mp4"), FFmpegTestVideos.frames(50), 25, "-c:v", "libx264",
			"-preset", "veryfast", "-pix_fmt", "yuv420p", "-movflags", "+faststart");
		FFmpegTestVideos.truncate(whole, input.resolve("e_cut.mp4"), 0.6);
		FFmpegTestVideos.run(Arrays.asList("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
			"sine=frequency=440:duration=1", "-c:a", "aac", input.resolve("f_audio.mp4").toString()), null);
		TestImages.write(TestImages.pattern(320, 240), input.resolve("g_pattern.png"));
	}

	private static ClassifySettings settings(final Path output) {
		final ClassifySettings s = new ClassifySettings();
		s.model = ClassifyFixtures.model();
		s.input = input;
		s.output = output;
		return s;
	}

	private static List<Map<String, String>> csv(final Path file) throws Exception {
		final List<List<String>> records = ClassifyFixtures.readCsv(file);
		final List<Map<String, String>> out = new ArrayList<>();
		for (final List<String> r : records.subList(1, records.size())) {
			final Map<String, String> m = new LinkedHashMap<>();
			for (int i = 0; i < r.size(); i++) m.put(records.get(0).get(i), r.get(i));
			out.add(m);
		}
		return out;
	}

	@Test
	void videosAmongImagesGiveOneRowPerFaceAndFrameWithFFprobesTimes() throws Exception {
		final Path out = tmp.resolve("out");
		final ClassificationSummary summary = ClassifyTask.run(settings(out), null);
		final List<Map<String, String>> rows = csv(out.resolve(ClassificationReports.LOG));
		assertTrue(rows.get(0).containsKey("frame") && rows.get(0).containsKey("time_s"), rows.get(0).keySet().toString());

		// one sorted work list: items in name order, each video's rows together
		final List<String> order = new ArrayList<>();
		for (final Map<String, String> r : rows) if (order.isEmpty() || !order.get(order.size() - 1).equals(r.get("image"))) order.add(r.get("image"));
		assertEquals(Arrays.asList("a_photo.jpg", "b_h264.mp4", "c_vp8.webm", "d_mpeg4.mov", "e_cut.mp4", "f_audio.mp4", "g_pattern.png"),
			order);

		for (final String video : new String[] { "b_h264.mp4", "c_vp8.webm", "d_mpeg4.mov" }) {
			final double[] t = FFmpegTestVideos.probeTimes(input.resolve(video));
			final List<Map<String, String>> v = new ArrayList<>();
			for (final Map<String, String> r : rows) if (r.get("image").equals(video)) v.add(r);
			assertEquals(FRAMES, v.size(), video + ": a row per analysed frame");
			int lastX = -1;
			for (int i = 0; i < FRAMES; i++) {
				final Map<String, String> r = v.get(i);
				assertEquals(Integer.toString(i + 1), r.get("frame"), video);
				assertEquals(t[i], Double.parseDouble(r.get("time_s")), 1e-6, video + " frame " + (i + 1));
				assertEquals("1", r.get("face"), video + ": one face id");
				assertTrue(r.get("error").isEmpty(), r.get("error"));
				final int x = Integer.parseInt(r.get("x"));
				final int[] p = FFmpegTestVideos.facePosition(FFmpegTestVideos.face(), i, FRAMES);
				assertTrue(Math.abs(x + Integer.parseInt(r.get("width")) / 2.0 - (p[0] + FFmpegTestVideos.face().width() / 2.0)) < 10,
					video + " frame " + (i + 1) + ": the box follows the face");
				assertTrue(x >= lastX - 2, "moving right");
				lastX = x;
			}
			// beside the log: the video's timeline, charts and per-face summary
			final Path folder = VideoItemAnalysis.folderOf(out, video);
			for (final String f : new String[] { LiveOutputs.TIMELINE_CSV, LiveOutputs.TIMELINE_PNG, LiveOutputs.DISTRIBUTION_PNG,
				FaceSummary.FILE }) assertTrue(Files.isRegularFile(folder.resolve(f)), folder.resolve(f).toString());
			final List<Map<String, String>> faces = csv(folder.resolve(FaceSummary.FILE));
			assertEquals(1, faces.size());
			assertEquals(Integer.toString(FRAMES), faces.get(0).get("frames"));
			final List<Map<String, String>> timeline = csv(folder.resolve(LiveOutputs.TIMELINE_CSV));
			assertEquals(FRAMES, timeline.size());
			assertEquals("1", timeline.get(FRAMES - 1).get("face_id"));
		}

		// the truncated video keeps its first frames, and a row names the file and the time
		final List<Map<String, String>> cut = new ArrayList<>();
		for (final Map<String, String> r : rows) if (r.get("image").equals("e_cut.mp4")) cut.add(r);
		final Map<String, String> last = cut.get(cut.size() - 1);
		assertTrue(last.get("error").contains("e_cut.mp4") && last.get("error").matches(".*\\d+\\.\\d{3} s.*"), last.get("error"));
		assertTrue(cut.size() > 5 && cut.size() < 50, cut.size() + " rows");
		assertFalse(cut.get(0).get("predicted_emotion").isEmpty());

		// the audio-only file: one row saying what was found; the batch went on to the last image
		final Map<String, String> audio = rows.stream().filter(r -> r.get("image").equals("f_audio.mp4")).findFirst().get();
		assertTrue(audio.get("error").contains("No video stream") && audio.get("error").contains("audio (aac)"), audio.get("error"));
		assertEquals(2, summary.failures(), summary.failureMessages().toString());
		assertTrue(rows.get(rows.size() - 1).get("image").equals("g_pattern.png"));
		// an image row has no frame or time
		assertTrue(rows.get(0).get("frame").isEmpty() && rows.get(0).get("time_s").isEmpty());
	}

	@Test
	void framesWithoutAFaceKeepARowSayingSo() throws Exception {
		// the face leaves the frame for frames 9 to 15 (1-based): those frames keep a row each, "no face found"
		final List<RgbImage> leaving = new ArrayList<>(frames);
		for (int i = 8; i < 15; i++) leaving.set(i, FFmpegTestVideos.background());
		final Path video = FFmpegTestVideos.encode(tmp.resolve("leaving.mp4"), leaving, 25, "-c:v", "libx264", "-preset", "veryfast",
			"-pix_fmt", "yuv420p");
		final ClassifySettings s = settings(tmp.resolve("leaving-out"));
		s.input = video;
		final ClassificationSummary summary = ClassifyTask.run(s, null);
		final List<Map<String, String>> rows = csv(tmp.resolve("leaving-out").resolve(ClassificationReports.LOG));
		final double[] t = FFmpegTestVideos.probeTimes(video);
		assertEquals(FRAMES, rows.size(), "a row per analysed frame");
		for (int i = 0; i < FRAMES; i++) {
			final Map<String, String> r = rows.get(i);
			assertEquals(Integer.toString(i + 1), r.get("frame"));
			assertEquals(t[i], Double.parseDouble(r.get("time_s")), 1e-6);
			final boolean away = i >= 8 && i < 15;
			if (away) {
				assertEquals(org.emotiontracking.core.report.PredictionRow.NO_FACE, r.get("error"), "frame " + (i + 1));
				assertTrue(r.get("predicted_emotion").isEmpty() && r.get("face").isEmpty() && r.get("x").isEmpty(), r.toString());
			}
			else {
				assertTrue(r.get("error").isEmpty(), "frame " + (i + 1) + ": " + r.get("error"));
				assertFalse(r.get("predicted_emotion").isEmpty() || r.get("face").isEmpty(), r.toString());
			}
		}
		assertEquals(FRAMES - 7, summary.faces());
		assertEquals(0, summary.noFaceImages(), "the video has faces");
		assertEquals(0, summary.failures());
	}

	@Test
	void everyNthFrameOfOneVideo() throws Exception {
		final ClassifySettings s = settings(tmp.resolve("every"));
		s.input = input.resolve("b_h264.mp4");
		s.every = 5;
		ClassifyTask.run(s, null);
		final List<Map<String, String>> rows = csv(tmp.resolve("every").resolve(ClassificationReports.LOG));
		final Map<String, String> frames = new HashMap<>();
		for (final Map<String, String> r : rows) frames.put(r.get("frame"), r.get("face"));
		assertEquals(Map.of("1", "1", "6", "1", "11", "1", "16", "1", "21", "1"), frames);
	}

	@Test
	void aFastFaceAtEveryFifthFrameKeepsItsId() throws Exception {
		// 13 frames across the 320 px frame: the face moves 5 x 14 px between analysed frames (0.2 s apart)
		final Path video = FFmpegTestVideos.encode(tmp.resolve("fast.mp4"), FFmpegTestVideos.frames(13),
			25, "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p");
		final ClassifySettings s = settings(tmp.resolve("fast-out"));
		s.input = video;
		s.every = 5;
		ClassifyTask.run(s, null);
		final List<Map<String, String>> rows = csv(tmp.resolve("fast-out").resolve(ClassificationReports.LOG));
		assertEquals(3, rows.size(), rows.toString());
		for (int i = 1; i < rows.size(); i++) {
			final double jump = Double.parseDouble(rows.get(i).get("x")) - Double.parseDouble(rows.get(i - 1).get("x"));
			final double size = Double.parseDouble(rows.get(i).get("width"));
			assertTrue(jump > 0.8 * size, "the face jumps more than 0.8 face sizes between analysed frames: " + rows);
		}
		for (final Map<String, String> r : rows) assertEquals("1", r.get("face"), "one face id: " + rows);
	}
}
