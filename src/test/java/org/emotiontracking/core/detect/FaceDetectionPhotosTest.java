package org.emotiontracking.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.emotiontracking.core.data.ImageDecoder;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.data.TestImages;
import org.junit.jupiter.api.Test;

/**
 * Every detector, opened through the one factory from the shared detection settings, on real photos:
 * the faces counted by eye in ../shared/faces/README.md, and Debian's photos without faces. The tests
 * of the shared photos skip themselves when ../shared is missing ({@link SharedFaces#assumeAvailable});
 * those of Debian's photos always run.
 */
class FaceDetectionPhotosTest {

	private static FaceDetector open(final String detector) throws DetectorLoadException {
		final FaceDetectionSettings s = new FaceDetectionSettings();
		s.detector = detector;
		return FaceDetectors.open(s);
	}

	/**
	 * The README's photos with their face counts (every photo listed there that exists); skips the
	 * test when ../shared/faces is missing.
	 */
	private static Map<String, Integer> countedPhotos() throws Exception {
		SharedFaces.assumeAvailable();
		final Map<String, Integer> out = new LinkedHashMap<>();
		for (final Map.Entry<String, Integer> e : SharedFaces.faceCounts().entrySet())
			if (e.getKey().endsWith(".jpg") || e.getKey().endsWith(".png")) out.put(e.getKey(), e.getValue());
		assertTrue(out.size() >= 13, "photos in the README table: " + out);
		return out;
	}

	@Test
	void defaultDetectorFindsEveryCountedFaceAndNothingElse() throws Exception {
		final Map<String, Integer> counted = countedPhotos();
		try (FaceDetector blazeFace = FaceDetectors.openDefault();
			FaceDetector yuNet = open(SharedFaces.file("yunet_s_640_640.onnx").toString()))
		{
			assertTrue(blazeFace instanceof BlazeFaceDetector && ((BlazeFaceDetector) blazeFace).model() == BlazeFaceModel.FULL_RANGE,
				blazeFace.description());
			for (final Map.Entry<String, Integer> e : counted.entrySet()) {
				final RgbImage photo = SharedFaces.image(e.getKey());
				final List<FaceBox> faces = blazeFace.detect(photo);
				assertEquals(e.getValue().intValue(), faces.size(), e.getKey() + ": " + faces);
				// no false detection: an independent detector (YuNet) confirms each face
				final List<FaceBox> confirm = yuNet.detect(photo);
				for (final FaceBox f : faces) {
					assertTrue(confirm.stream().anyMatch(c -> f.x() <= c.centerX() && c.centerX() <= f.right() && f.y() <= c.centerY() &&
						c.centerY() <= f.bottom()), e.getKey() + ": " + f + " is not a face for YuNet " + confirm);
					assertUprightKeypoints(e.getKey(), f);
				}
			}
		}
	}

	/** Both eyes inside the box, in the upper half, the subject's right eye on the image's left. */
	private static void assertUprightKeypoints(final String photo, final FaceBox f) {
		final Keypoints k = f.keypoints();
		assertEquals(BlazeFaceModel.KEYPOINTS.length, k.present().size(), photo + ": " + f);
		for (final Keypoint eye : new Keypoint[] { Keypoint.RIGHT_EYE, Keypoint.LEFT_EYE }) {
			assertTrue(k.x(eye) > f.x() && k.x(eye) < f.right(), photo + " " + eye + ": " + f);
			assertTrue(k.y(eye) > f.y() && k.y(eye) < f.centerY(), photo + " " + eye + ": " + f);
		}
		assertTrue(k.x(Keypoint.RIGHT_EYE) < k.x(Keypoint.LEFT_EYE), photo + ": " + f);
		assertTrue(k.y(Keypoint.MOUTH_CENTER) > k.y(Keypoint.NOSE_TIP), photo + ": " + f);
	}

	@Test
	void yuNetAndHaarRunThroughTheSameFactory() throws Exception {
		final Map<String, Integer> counted = countedPhotos();
		try (FaceDetector blazeFace = FaceDetectors.openDefault();
			FaceDetector yuNet = open(SharedFaces.file("yunet_s_640_640.onnx").toString());
			FaceDetector haar = open(FaceDetectionSettings.HAAR))
		{
			assertTrue(yuNet instanceof YuNetDetector, yuNet.description());
			assertTrue(haar instanceof HaarCascadeDetector, haar.description());
			for (final Map.Entry<String, Integer> e : counted.entrySet()) {
				final RgbImage photo = SharedFaces.image(e.getKey());
				final List<FaceBox> reference = blazeFace.detect(photo);
				final List<FaceBox> y = yuNet.detect(photo);
				assertEquals(e.getValue().intValue(), y.size(), e.getKey() + " YuNet: " + y);
				for (final FaceBox f : y) {
					assertEquals(YuNetDetector.KEYPOINTS.length, f.keypoints().present().size(), f.toString());
					assertTrue(f.keypoints().x(Keypoint.RIGHT_EYE) < f.keypoints().x(Keypoint.LEFT_EYE), e.getKey() + ": " + f);
				}
				// The cascade finds every face (it also has false detections: the measurement).
				final List<FaceBox> h = haar.detect(photo);
				for (final FaceBox r : reference) assertTrue(h.stream().anyMatch(f -> f.x() <= r.centerX() && r.centerX() <= f.right() &&
					f.y() <= r.centerY() && r.centerY() <= f.bottom()), e.getKey() + ": Haar missed " + r + " in " + h);
				for (final FaceBox f : h) assertTrue(f.keypoints().isEmpty(), f.toString());
			}
		}
	}

	@Test
	void photosWithoutFacesGiveNoDetection() throws Exception {
		final List<Path> photos = new ArrayList<>();
		for (final String name : new String[] { "fruits.jpg", "building.jpg", "home.jpg" }) photos.add(TestImages.sample(name));
		final List<String> detectors = new ArrayList<>(List.of(FaceDetectionSettings.BLAZEFACE, FaceDetectionSettings.BLAZEFACE_SHORT,
			FaceDetectionSettings.HAAR));
		final ImageDecoder decoder = new ImageDecoder();
		for (final String d : detectors) {
			for (final TileMode tiles : new TileMode[] { TileMode.AUTO, TileMode.ON }) {
				final FaceDetectionSettings s = new FaceDetectionSettings();
				s.detector = d;
				s.tiles = tiles;
				try (FaceDetector detector = FaceDetectors.open(s)) {
					for (final Path p : photos) assertEquals(List.of(), detector.detect(decoder.decode(p)), detector.description() + " on " + p);
				}
			}
		}
	}

	@Test
	void tilesFindSmallFacesTheWholeImageMisses() throws Exception {
		// basketball1.png: a face of 36 px in a 640 px frame, under the full-range model's 6% limit
		final RgbImage photo = new ImageDecoder().decode(TestImages.sample("basketball1.png"));
		final FaceDetectionSettings s = new FaceDetectionSettings();
		s.tiles = TileMode.OFF;
		try (FaceDetector off = FaceDetectors.open(s)) {
			assertEquals(List.of(), off.detect(photo));
		}
		s.tiles = TileMode.AUTO;
		try (FaceDetector auto = FaceDetectors.open(s); FaceDetector haar = open(FaceDetectionSettings.HAAR)) {
			final List<FaceBox> faces = auto.detect(photo);
			assertFalse(faces.isEmpty(), "auto tiles after an empty whole-image pass");
			final List<FaceBox> h = haar.detect(photo);
			for (final FaceBox f : faces) assertTrue(h.stream().anyMatch(c -> BlazeFaceDetectorTest.iou(c, f) > 0.4), f + " vs Haar " + h);
		}
	}

	@Test
	void tilesCoverTheImageWithOverlap() {
		final List<int[]> tiles = BlazeFaceDetector.tiles(1366, 768);
		final int side = (int) Math.round(0.6 * 768);
		boolean[] covered = new boolean[1366 * 768];
		for (final int[] t : tiles) {
			assertEquals(side, t[2]);
			assertTrue(t[0] >= 0 && t[1] >= 0 && t[0] + side <= 1366 && t[1] + side <= 768, java.util.Arrays.toString(t));
			for (int y = t[1]; y < t[1] + side; y++) for (int x = t[0]; x < t[0] + side; x++) covered[y * 1366 + x] = true;
		}
		for (final boolean c : covered) assertTrue(c);
		assertEquals(8, tiles.size(), "4 columns x 2 rows");
	}
}
