package org.emotiontracking.core.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The bookkeeping alone, on packet orders an encoder may send (real files: VideoReaderTest). */
class SkippedFramesTest {

	@Test
	void aLeafBPictureIsPlacedWhenItIsRead() {
		// decode order I0 P3 b1 b2 (shown 0 1 2 3), every=2 picks 0 and 2
		final SkippedFrames s = new SkippedFrames(2);
		s.sent(0);
		s.sent(3);
		assertTrue(s.mayLeaveOut(1, 0), "place 1 is not picked");
		s.leftOut(1);
		assertFalse(s.mayLeaveOut(2, 0), "place 2 is picked");
		s.sent(2);
		assertEquals(0, s.before(0, 0));
		assertEquals(1, s.before(2, 1), "frame 1, left out, is counted before frame 2");
		assertEquals(0, s.before(3, 3));
		assertEquals(0, s.rest(4));
		assertEquals(0, s.misplaced());
	}

	@Test
	void aPictureShownEarlierButReadLaterIsCountedAndStopsTheSkipping() {
		// an unusual order: pts 2 is read before pts 1, so its place looked like 1 (not picked) but is 2 (picked)
		final SkippedFrames s = new SkippedFrames(2);
		s.sent(0);
		assertTrue(s.mayLeaveOut(2, 0));
		s.leftOut(2);
		s.sent(1);
		assertEquals(0, s.before(0, 0));
		assertEquals(0, s.before(1, 1));
		assertEquals(1, s.rest(2));
		assertEquals(1, s.misplaced());
		assertFalse(s.mayLeaveOut(5, 3), "no frame is left out after that");
	}
}
