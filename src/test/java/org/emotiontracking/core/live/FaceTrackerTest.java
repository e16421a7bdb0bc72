package org.emotiontracking.core.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.emotiontracking.core.detect.FaceBox;
import org.junit.jupiter.api.Test;

class FaceTrackerTest {

	private static final List<String> CLASSES = Arrays.asList("happy", "sad", "neutral");

	private static float[] p(final float a, final float b, final float c) {
		return new float[] { a, b, c };
	}

	private static List<TrackedFace> update(final FaceTracker t, final FaceBox... boxes) {
		final float[][] probs = new float[boxes.length][];
		for (int i = 0; i < boxes.length; i++) probs[i] = p(0.5f, 0.3f, 0.2f);
		return t.update(Arrays.asList(boxes), probs);
	}

	private static int idAt(final List<TrackedFace> faces, final int x) {
		for (final TrackedFace f : faces) if (f.box().x() == x) return f.id();
		throw new AssertionError("no face at x=" + x + " in " + faces);
	}

	@Test
	void twoMovingFacesKeepTheirIds() {
		final FaceTracker t = new FaceTracker(CLASSES, 5, 10);
		for (int i = 0; i < 60; i++) {
			final int xa = 20 + 6 * i, xb = 500 - 5 * i; // they pass each other in different rows
			final List<TrackedFace> faces = update(t, new FaceBox(xb, 300, 80, 80, 5), new FaceBox(xa, 40, 80, 80, 5));
			assertEquals(2, faces.size());
			assertEquals(1, faces.get(0).id(), "sorted by id");
			assertEquals(1, idAt(faces, xb), "frame " + i);
			assertEquals(2, idAt(faces, xa), "frame " + i);
			assertEquals(i + 1, faces.get(0).framesTracked());
		}
		assertEquals(2, t.facesSeen());
		assertEquals(2, t.trackedFaces());
	}

	@Test
	void fastFacesAreFollowedByTheirMotion() {
		final FaceTracker t = new FaceTracker(CLASSES, 0, 3);
		for (int i = 0; i < 30; i++) { // 50 px per frame on an 80 px face: IoU with the last box is below 0.3
			final List<TrackedFace> faces = update(t, new FaceBox(10 + 50 * i, 100, 80, 80, 5));
			assertEquals(1, faces.get(0).id(), "frame " + i);
		}
	}

	@Test
	void framesFarApartInTimeLetAFaceMoveFarther() {
		// 100 px between frames on an 80 px face (1.25 face sizes), no motion known yet
		final float[][] one = { p(0.5f, 0.3f, 0.2f) };
		final FaceTracker sixPerSecond = new FaceTracker(CLASSES, 0, 3), thirtyPerSecond = new FaceTracker(CLASSES, 0,
			3);
		for (int i = 0; i < 10; i++) {
			final List<FaceBox> box = Collections.singletonList(new FaceBox(10 + 100 * i, 100, 80, 80, 5));
			// every=5 of a 30 frames/s video: 1/6 s apart, so up to 8/6 face sizes
			assertEquals(1, sixPerSecond.update(box, one, i / 6.0).get(0).id(), "1/6 s apart, frame " + i);
			thirtyPerSecond.update(box, one, i / 30.0);
		}
		assertEquals(1, sixPerSecond.facesSeen());
		// 1/30 s apart that is 37 face sizes per second: the second frame is another face
		assertTrue(thirtyPerSecond.facesSeen() > 1, thirtyPerSecond.facesSeen() + " ids");
		// and a face that is far from the last one in its own time is a new face
		final FaceTracker t = new FaceTracker(CLASSES, 0, 3);
		t.update(Collections.singletonList(new FaceBox(10, 100, 80, 80, 5)), one, 0);
		assertEquals(2, t.update(Collections.singletonList(new FaceBox(400, 100, 80, 80, 5)), one, 1 / 6.0).get(0)
			.id());
	}

	@Test
	void newFacesGetNewIdsAndLostFacesAreForgotten() {
		final FaceTracker t = new FaceTracker(CLASSES, 0, 3);
		final FaceBox a = new FaceBox(100, 100, 60, 60, 5), b = new FaceBox(400, 100, 60, 60, 5);
		assertEquals(1, update(t, a).get(0).id());
		assertEquals(2, idAt(update(t, a, b), 400));
		// b missing for 3 frames (= max_missed): still known
		for (int i = 0; i < 3; i++) update(t, a);
		assertEquals(2, t.trackedFaces());
		assertEquals(2, idAt(update(t, a, b), 400));
		// b missing for 4 frames: forgotten, comes back with a new id
		for (int i = 0; i < 4; i++) update(t, a);
		assertEquals(1, t.trackedFaces());
		assertEquals(3, idAt(update(t, a, b), 400));
		assertEquals(1, idAt(update(t, a, b), 100));
		// nothing in view for long: memory holds no face
		for (int i = 0; i < 5; i++) assertTrue(update(t).isEmpty());
		assertEquals(0, t.trackedFaces());
		assertEquals(3, t.facesSeen());
	}

	@Test
	void memoryStaysBoundedWithManyShortLivedFaces() {
		final FaceTracker t = new FaceTracker(CLASSES, 5, 10);
		final Random r = new Random(1);
		for (int i = 0; i < 5000; i++) // a new spurious face somewhere every frame
			update(t, new FaceBox(r.nextInt(2000), r.nextInt(2000), 40, 40, 1));
		assertTrue(t.trackedFaces() <= 11, "tracked " + t.trackedFaces());
	}

	@Test
	void smoothingAveragesTheLastFrames() {
		final FaceTracker t = new FaceTracker(CLASSES, 3, 10);
		final FaceBox box = new FaceBox(10, 10, 50, 50, 5);
		final float[][] seq = { p(1, 0, 0), p(0, 1, 0), p(0, 1, 0), p(0, 0, 1) };
		final float[][] expected = { p(1, 0, 0), p(.5f, .5f, 0), p(1 / 3f, 2 / 3f, 0), p(0, 2 / 3f, 1 / 3f) };
		for (int i = 0; i < seq.length; i++) {
			final TrackedFace f = t.update(Collections.singletonList(box), new float[][] { seq[i] }).get(0);
			assertArrayEquals(expected[i], f.probabilities(), 1e-6f, "frame " + i);
			assertArrayEquals(seq[i], f.rawProbabilities(), 0f);
		}
		final TrackedFace last = t.update(Collections.singletonList(box), new float[][] { p(0, 0, 1) }).get(0);
		assertEquals("neutral", last.emotion()); // window (0,1,0), (0,0,1), (0,0,1): sad 1/3, neutral 2/3
		assertEquals(2 / 3f, last.confidence(), 1e-6f);
	}

	@Test
	void smoothingReducesLabelFlips() {
		final int off = flips(0), on = flips(5);
		assertTrue(off > 50, "noisy predictions flip often without smoothing: " + off);
		assertTrue(on * 4 < off, "smoothing 5: " + on + " flips, none: " + off);
	}

	/** Label changes over 300 frames of a face that is "happy" by a small, noisy margin. */
	private static int flips(final int smoothing) {
		final FaceTracker t = new FaceTracker(CLASSES, smoothing, 10);
		final Random r = new Random(42);
		final FaceBox box = new FaceBox(100, 100, 80, 80, 5);
		String last = null;
		int flips = 0;
		for (int i = 0; i < 300; i++) {
			final float happy = (float) (0.47 + 0.2 * (r.nextDouble() - 0.5));
			final float[] probs = p(happy, 0.9f - happy, 0.1f);
			final TrackedFace f = t.update(Collections.singletonList(box), new float[][] { probs }).get(0);
			if (last != null && !last.equals(f.emotion())) flips++;
			last = f.emotion();
		}
		return flips;
	}

	@Test
	void rejectsMismatchedInputs() {
		final FaceTracker t = new FaceTracker(CLASSES, 5, 10);
		final List<FaceBox> one = new ArrayList<>(Collections.singletonList(new FaceBox(0, 0, 10, 10, 1)));
		assertThrows(IllegalArgumentException.class, () -> t.update(one, new float[0][]));
		assertThrows(IllegalArgumentException.class, () -> t.update(one, new float[][] { { 1, 0 } }));
		assertThrows(IllegalArgumentException.class, () -> new FaceTracker(CLASSES, -1, 10));
	}
}
