package org.emotiontracking.core.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.video.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameSourcesTest {

	@TempDir
	Path tmp;

	private static List<RgbImage> frames(final int n) throws Exception {
		final RgbImage face = LiveTestVideos.messiFace();
		return LiveTestVideos.frames(n, Collections.singletonList(face),
			Collections.singletonList(LiveTestVideos.moving(face, 10, 100, 8)));
	}

	@Test
	void videoFileDeliversEveryFrameWithNumbersAndTimes() throws Exception {
		final Path avi = LiveTestVideos.writeAvi(tmp.resolve("v.avi"), frames(12), 25);
		try (VideoFileSource s = VideoFileSource.open(avi)) {
			assertEquals(640, s.width());
			assertEquals(480, s.height());
			assertEquals(25, s.fps(), 1e-6);
			assertEquals(12, s.frameCount());
			assertFalse(s.isLive());
			for (int i = 1; i <= 12; i++) {
				final Frame f = s.next();
				assertEquals(i, f.index());
				assertEquals((i - 1) / 25.0, f.time(), 1e-9);
				assertEquals(640, f.image().width());
			}
			assertNull(s.next());
			assertNull(s.next());
			assertTrue(s.endMessage().contains("end of video v.avi (12 frames"), s.endMessage());
			assertTrue(s.description().contains("v.avi"), s.description());
		}
	}

	@Test
	void missingOrUnreadableVideosGiveClearMessages() throws Exception {
		final Path missing = tmp.resolve("nope.avi");
		final FrameSourceException e = assertThrows(FrameSourceException.class, () -> VideoFileSource.open(missing));
		assertTrue(e.getMessage().startsWith("Video file not found: ") && e.getMessage().contains("nope.avi"), e.getMessage());

		final Path garbage = Files.write(tmp.resolve("movie.mp4"), new byte[] { 0, 0, 0, 32, 'f', 't', 'y', 'p', 1, 2, 3 });
		final FrameSourceException e2 = assertThrows(FrameSourceException.class, () -> VideoFileSource.open(garbage));
		assertTrue(e2.getMessage().contains("movie.mp4") && e2.getMessage().contains("Not a video FFmpeg can read"), e2.getMessage());

		assertThrows(FrameSourceException.class, () -> VideoFileSource.open(tmp));
	}

	@Test
	void missingCameraListsWhatWasTried() throws Exception {
		final Path dev = Files.createDirectories(tmp.resolve("dev"));
		// no camera in this machine's /dev at index 57
		final FrameSourceException e = assertThrows(FrameSourceException.class, () -> CameraSource.open(57));
		final String m = e.getMessage();
		assertTrue(m.startsWith("No camera could be opened at index 57. Tried:"), m);
		assertTrue(m.contains("camera 57 via"), m);
		assertTrue(m.contains("Video devices: "), m);
		assertTrue(m.contains("source=<file>"), m);

		assertEquals(Collections.emptyList(), CameraSource.videoDevices(dev));
		Files.createFile(dev.resolve("video2"));
		Files.createFile(dev.resolve("video10"));
		Files.createFile(dev.resolve("video0"));
		Files.createFile(dev.resolve("videodev"));
		final List<String> devices = CameraSource.videoDevices(dev);
		assertEquals(Arrays.asList(dev.resolve("video0") + " (camera=0)", dev.resolve("video2") + " (camera=2)",
			dev.resolve("video10") + " (camera=10)"), devices);
		assertNull(CameraSource.videoDevices(tmp.resolve("no-such-dir")));

		final String none = CameraSource.noCameraMessage(0, Arrays.asList("camera 0 via V4L2: cannot open"), Collections.emptyList());
		assertTrue(none.contains("camera 0 via V4L2: cannot open") && none.contains("none (no /dev/video* exists"), none);
		final String some = CameraSource.noCameraMessage(1, Collections.emptyList(), devices);
		assertTrue(some.contains("video2 (camera=2)"), some);
	}

	@Test
	void imageSequencesAreReadLazilyAndResizedToTheFirstFrame() throws Exception {
		final List<Integer> requested = new ArrayList<>();
		final ImageSequenceSource s = new ImageSequenceSource(3, i -> {
			requested.add(i);
			return RgbImage.blank(i == 2 ? 20 : 10, 8);
		}, 0, "stack");
		assertEquals(Collections.singletonList(0), requested);
		assertEquals(10, s.width());
		assertEquals(0, s.fps(), 0);
		for (int i = 1; i <= 3; i++) {
			final Frame f = s.next();
			assertEquals(i, f.index());
			assertEquals(i - 1, f.time(), 0, "no fps: time in frames");
			assertEquals(10, f.image().width());
		}
		assertNull(s.next());
		assertEquals(Arrays.asList(0, 0, 1, 2), requested);
		final ImageSequenceSource two = ImageSequenceSource.of(Arrays.asList(RgbImage.blank(4, 4), RgbImage.blank(4, 4)), 2);
		assertEquals(0, two.next().time(), 1e-9);
		assertEquals(0.5, two.next().time(), 1e-9);
	}

	@Test
	void pacedSourcePlaysInRealTime() throws Exception {
		final List<RgbImage> images = new ArrayList<>();
		for (int i = 0; i < 6; i++) images.add(RgbImage.blank(4, 4));
		try (PacedSource s = new PacedSource(ImageSequenceSource.of(images, 50))) {
			assertTrue(s.isLive());
			final long start = System.nanoTime();
			Frame f = null;
			for (int i = 0; i < 6; i++) f = s.next();
			final double seconds = (System.nanoTime() - start) / 1e9;
			assertEquals(0.1, f.time(), 1e-9);
			assertTrue(seconds >= 0.095, "6 frames at 50 fps take 0.1 s, took " + seconds);
			assertNull(s.next());
		}
	}
}
