package org.emotiontracking.core.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.detect.FaceBox;
import org.emotiontracking.core.video.Frame;
import org.junit.jupiter.api.Test;

/** The parts of a session that need no model: the per-face summary and the stop policy. */
class FaceSummaryAndStopPolicyTest {

	private static final List<String> CLASSES = List.of("happy", "sad");

	private static TrackedFace face(final int id, final int emotion) {
		final float[] p = emotion == 0 ? new float[] { 0.9f, 0.1f } : new float[] { 0.2f, 0.8f };
		return new TrackedFace(id, new FaceBox(0, 0, 10, 10, 1), p, p, CLASSES.toArray(new String[0]), 1);
	}

	@Test
	void sharesOfTimeWeightEachFrameByTheTimeToTheNext() {
		final FaceSummary s = new FaceSummary(CLASSES);
		// face 1: happy at 0 s and 0.1 s, then sad at 1.1 s (a long gap: 1 s of happy), then the video ends
		s.add(0, List.of(face(1, 0)));
		s.add(0.1, List.of(face(1, 0), face(2, 1)));
		s.add(1.1, List.of(face(1, 1)));
		assertEquals(List.of(1, 2), s.ids());
		assertEquals(3, s.frames(1));
		assertEquals(1, s.frames(2));
		// face 1: happy 0.1 + 1.0 s, sad: the last frame counts for the step before it (1.0 s)
		assertArrayEquals(new double[] { 1.1 / 2.1, 1.0 / 2.1 }, s.shares(1), 1e-9);
		assertArrayEquals(new double[] { 0, 1 }, s.shares(2), 1e-9);
		assertEquals(List.of("face_id", "frames", "first_s", "last_s", "seconds", "main_emotion", "share_happy", "share_sad"), s.header());
	}

	@Test
	void stopPolicyEndsAtMaxFramesAndDurationByFrameTime() {
		final FrameStats stats = new FrameStats(2);
		final StopPolicy p = new StopPolicy(3, 0.5, false);
		assertFalse(p.durationReached(stats, 10), "nothing processed yet");
		final RgbImage img = RgbImage.blank(2, 2);
		for (int i = 0; i < 2; i++) stats.frameProcessed(new Frame(img, i + 1, java.time.Instant.now(), i * 0.2, System.nanoTime()),
			List.of(face(1, 0)));
		assertFalse(p.maxFramesReached(stats));
		assertFalse(p.durationReached(stats, 0.4));
		assertTrue(p.durationReached(stats, 0.5));
		assertEquals("0.500 s", p.message());
		stats.frameProcessed(new Frame(img, 3, java.time.Instant.now(), 0.4, System.nanoTime()), List.of());
		assertTrue(p.maxFramesReached(stats));
		assertEquals("3 frames", p.message());
		assertEquals(2, stats.observations);
		assertEquals(2, stats.counts[0]);
		assertTrue(p.stopped(true, false, false));
		assertEquals("stopped by the user", p.message());
	}
}
