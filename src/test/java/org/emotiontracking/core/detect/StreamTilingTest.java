package org.emotiontracking.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.emotiontracking.core.data.ImageDecoder;
import org.emotiontracking.core.data.Resize;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.data.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * tiles=auto over a stream of HD frames made from real photos (../shared/faces and opencv-doc), with
 * the real full-range BlazeFace: faces of a usual size cost one pass per frame plus a tiled check
 * every 2 s of stream time and 60 analysed frames; small faces turn tiling on from the first check;
 * an empty scene is tiled once per check.
 */
class StreamTilingTest {

	private static BlazeFaceDetector auto;
	private static BlazeFaceDetector off;
	private static BlazeFaceDetector on;

	@BeforeAll
	static void open() throws Exception {
		SharedFaces.assumeAvailable(); // every test streams the shared photos: skipped without ../shared
		auto = BlazeFaceDetector.open(BlazeFaceModel.FULL_RANGE, 0.5, TileMode.AUTO, 0);
		off = BlazeFaceDetector.open(BlazeFaceModel.FULL_RANGE, 0.5, TileMode.OFF, 0);
		on = BlazeFaceDetector.open(BlazeFaceModel.FULL_RANGE, 0.5, TileMode.ON, 0);
	}

	@AfterAll
	static void close() {
		for (final FaceDetector d : new FaceDetector[] { auto, off, on }) if (d != null) d.close();
	}

	/** A width x height frame of mid gray with the photo pasted at (x, y). */
	private static RgbImage frame(final RgbImage photo, final int width, final int height, final int x, final int y) {
		final RgbImage f = RgbImage.blank(width, height);
		java.util.Arrays.fill(f.pixels(), (byte) 110);
		for (int r = 0; r < photo.height() && y + r < height; r++)
			System.arraycopy(photo.pixels(), r * photo.width() * 3, f.pixels(), ((y + r) * width + x) * 3, Math.min(photo.width(), width -
				x) * 3);
		return f;
	}

	/** sergey.png (one face of 339 px) in a 1280x720 frame, moving right by 8 px per frame. */
	private static RgbImage oneFace(final int i) throws Exception {
		return frame(SharedFaces.image("sergey.png"), 1280, 720, 100 + 8 * i, 60);
	}

	@Test
	void anHdStreamWithAUsualFaceIsTiledOnlyAtTheChecks() throws Exception {
		final RgbImage first = oneFace(0);
		assertEquals(1, auto.detect(first).size());
		assertTrue(auto.detect(first, n -> auto.tiled(1280, 720, n)).tiled, "the still-image rule tiles every 1280 px frame");
		final StreamTiling s = StreamTiling.of(auto);
		for (int i = 0; i < 70; i++) {
			final List<FaceBox> faces = s.detect(oneFace(i % 20), i / 30.0);
			assertEquals(1, faces.size(), "frame " + i + ": " + faces);
		}
		assertEquals(70, s.frames());
		assertEquals(2, s.tiledFrames(), "a 30 fps stream: the first frame and the check at 2 s (frame 60)");
		assertFalse(s.tiling());
	}

	@Test
	void checksFollowTheAnalysedFramesWhenEveryNthFrameIsAnalysed() throws Exception {
		// every=5 of a 30 fps video: analysed frames 1/6 s apart; a check per 2 s alone would tile every 12th
		final StreamTiling s = StreamTiling.of(auto);
		for (int i = 0; i < 70; i++) assertEquals(1, s.detect(oneFace(i % 20), i / 6.0).size(), "frame " + i);
		assertEquals(2, s.tiledFrames(), "the first frame and frame 60 (10 s): the checks' share of the work does not grow");
	}

	@Test
	void smallFacesTurnTilingOnAndALargeFaceOffAgain() throws Exception {
		// bbt1.jpg (four faces of 60-80 px) at half size in a 1280x720 frame: faces of 30-40 px, 2.5-3% of the width
		final RgbImage half = Resize.resize(SharedFaces.image("bbt1.jpg"), 683, 384, Resize.Interpolation.AREA);
		final RgbImage group = frame(half, 1280, 720, 298, 168);
		final int untiled = off.detect(group).size(), tiled = on.detect(group).size();
		assertTrue(tiled > untiled && tiled == 4, "the whole-frame pass misses small faces the tiles find: " + untiled + " vs " + tiled);
		final StreamTiling s = StreamTiling.of(auto);
		for (int i = 0; i < 4; i++) {
			assertEquals(tiled, s.detect(group, i * 0.25).size(), "frame " + i + " is tiled: every face found");
			assertTrue(s.tiling());
		}
		assertEquals(4, s.tiledFrames());
		// the scene changes to one large face: the next tiled frame finds nothing the whole frame missed, tiling goes off
		for (int i = 4; i < 10; i++) assertEquals(1, s.detect(oneFace(i), i * 0.25).size());
		assertFalse(s.tiling());
		assertEquals(5, s.tiledFrames(), "after the first frame of the new scene, one pass per frame until the next check");
	}

	@Test
	void anEmptySceneIsTiledOncePerCheckAndAFaceLeavingIsLookedForInTheTiles() throws Exception {
		final RgbImage fruits = Resize.resize(new ImageDecoder().decode(TestImages.sample("fruits.jpg")), 1280, 720,
			Resize.Interpolation.AREA);
		assertTrue(on.detect(fruits).isEmpty(), "no face in fruits.jpg");
		final StreamTiling empty = StreamTiling.of(auto);
		for (int i = 0; i < 70; i++) assertTrue(empty.detect(fruits, i / 30.0).isEmpty());
		assertEquals(2, empty.tiledFrames(), "tiled at 0 s and at 2 s (frame 60), not in every empty frame");
		// a face appears at 3 s: found by the whole-frame pass, no tiling before the next check (4 s)
		assertEquals(1, empty.detect(oneFace(0), 3.0).size());
		assertEquals(2, empty.tiledFrames());

		// the face leaves: its first empty frame is tiled (as a photo without a face would be), the next ones are not
		final StreamTiling leaving = StreamTiling.of(auto);
		assertEquals(1, leaving.detect(oneFace(0), 0).size());
		assertEquals(1, leaving.detect(oneFace(1), 0.25).size());
		assertTrue(leaving.detect(fruits, 0.5).isEmpty());
		assertTrue(leaving.detect(fruits, 0.75).isEmpty());
		assertEquals(2, leaving.tiledFrames(), "the first frame and the first empty one");
	}

	@Test
	void otherDetectorsAndTileModesAreCalledAsTheyAre() throws Exception {
		final RgbImage first = oneFace(0);
		final StreamTiling s = StreamTiling.of(on);
		assertEquals(on.detect(first), s.detect(first, 0));
		assertEquals(0, s.tiledFrames(), "tiles=on tiles every frame by itself");
		try (FaceDetector haar = FaceDetectors.openHaar()) {
			assertEquals(haar.detect(first), StreamTiling.of(haar).detect(first, 0));
		}
	}
}
