package org.emotiontracking.core.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.emotiontracking.core.data.RgbImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BlazeFace against MediaPipe's own reference rendering, and its checks on model files. */
class BlazeFaceDetectorTest {

	@TempDir
	Path dir;

	/** MediaPipe's expected box, score and keypoints for sergey.png, as ../shared/faces/README.md states them. */
	static final class Reference {
		final int x, y, w, h;
		final double score;
		final int[][] keypoints = new int[6][2];

		Reference(final String readme) {
			final Matcher box = Pattern.compile("box x=(\\d+) y=(\\d+) w=(\\d+) h=(\\d+).*?score ([0-9.]+)", Pattern.DOTALL).matcher(readme);
			assertTrue(box.find(), "reference box in the README");
			x = Integer.parseInt(box.group(1));
			y = Integer.parseInt(box.group(2));
			w = Integer.parseInt(box.group(3));
			h = Integer.parseInt(box.group(4));
			score = Double.parseDouble(box.group(5));
			final Matcher k = Pattern.compile("\\((\\d+),(\\d+)\\)").matcher(readme.substring(box.end()));
			for (int i = 0; i < 6; i++) {
				assertTrue(k.find(), "keypoint " + i);
				keypoints[i][0] = Integer.parseInt(k.group(1));
				keypoints[i][1] = Integer.parseInt(k.group(2));
			}
		}
	}

	@Test
	void shortRangeReproducesMediaPipesReference() throws Exception {
		final RgbImage sergey = SharedFaces.image("sergey.png");
		final Reference ref = new Reference(SharedFaces.readme());
		try (BlazeFaceDetector d = BlazeFaceDetector.open(BlazeFaceModel.SHORT_RANGE)) {
			final List<FaceBox> faces = d.detect(sergey);
			assertEquals(1, faces.size(), faces.toString());
			final FaceBox f = faces.get(0);
			assertEquals(ref.x, f.x(), 2, f.toString());
			assertEquals(ref.y, f.y(), 2, f.toString());
			assertEquals(ref.w, f.width(), 2, f.toString());
			assertEquals(ref.h, f.height(), 2, f.toString());
			assertEquals(ref.score, f.score(), 0.01, f.toString());
			final Keypoint[] order = BlazeFaceModel.KEYPOINTS;
			for (int i = 0; i < order.length; i++) {
				assertEquals(ref.keypoints[i][0], f.keypoints().x(order[i]), 2, order[i] + " " + f);
				assertEquals(ref.keypoints[i][1], f.keypoints().y(order[i]), 2, order[i] + " " + f);
			}
		}
	}

	@Test
	void fullRangeFindsTheSameFace() throws Exception {
		final RgbImage sergey = SharedFaces.image("sergey.png");
		final Reference ref = new Reference(SharedFaces.readme());
		try (BlazeFaceDetector d = BlazeFaceDetector.open(BlazeFaceModel.FULL_RANGE)) {
			final List<FaceBox> faces = d.detect(sergey);
			assertEquals(1, faces.size(), faces.toString());
			final FaceBox f = faces.get(0);
			final FaceBox expected = new FaceBox(ref.x, ref.y, ref.w, ref.h, 1);
			assertTrue(iou(f, expected) > 0.7, f + " vs " + expected);
			assertTrue(f.score() > 0.5, f.toString());
			assertTrue(Math.abs(f.keypoints().x(Keypoint.RIGHT_EYE) - ref.keypoints[0][0]) < 0.05 * ref.w, f.toString());
			assertTrue(Math.abs(f.keypoints().y(Keypoint.LEFT_EYE) - ref.keypoints[1][1]) < 0.05 * ref.w, f.toString());
		}
	}

	/** A real TFLite model that is not BlazeFace, fetched from npm by the build (the test skips without it). */
	private static Path otherModel(final String name) {
		final Path p = Paths.get("target", "npm", "test-models", name);
		assumeTrue(Files.isRegularFile(p), "not fetched by the build (needs npm): " + p.toAbsolutePath());
		return p;
	}

	@Test
	void aRealTfliteOfAnotherModelIsRefusedWithTheShapesItHas() throws Exception {
		// MediaPipe's selfie segmentation: loads in OpenCV, a 256x256 RGB input and a 256x256 mask out
		final Path selfie = Files.copy(otherModel("selfie_segmentation.tflite"), dir.resolve("faces.tflite"));
		final DetectorLoadException e = assertThrows(DetectorLoadException.class, () -> BlazeFaceDetector.open(selfie, 0.5, TileMode.AUTO,
			0));
		final String m = e.getMessage();
		assertTrue(m.startsWith("Not a BlazeFace model: ") && m.contains("faces.tflite"), m);
		assertTrue(m.contains("input [1,256,256,3]") && m.contains("its own 256x256 px input -> [1,1,256,256]"), m);
		assertTrue(m.contains("[1,2304,16]"), "says what was expected: " + m);
		final FaceDetectionSettings s = new FaceDetectionSettings();
		s.detector = selfie.toString();
		final DetectorLoadException viaFactory = assertThrows(DetectorLoadException.class, () -> FaceDetectors.open(s));
		assertEquals(m, viaFactory.getMessage());
		// its landscape variant has an op OpenCV's importer lacks: refused naming the file and the op
		final Path landscape = otherModel("selfie_segmentation_landscape.tflite");
		final DetectorLoadException e2 = assertThrows(DetectorLoadException.class, () -> BlazeFaceDetector.open(landscape, 0.5,
			TileMode.AUTO, 0));
		assertTrue(e2.getMessage().contains("selfie_segmentation_landscape.tflite") && e2.getMessage().contains("MEAN"), e2.getMessage());
	}

	@Test
	void theInputShapeIsReadFromTheTfliteFile() throws Exception {
		assertArrayEquals(new int[] { 1, 192, 192, 3 }, TfliteInputShape.of(BundledModels.read(BlazeFaceModel.FULL_RANGE.fileName(),
			BundledModels.BLAZEFACE_SOURCE, BundledModels.folders())));
		assertArrayEquals(new int[] { 1, 128, 128, 3 }, TfliteInputShape.of(BundledModels.read(BlazeFaceModel.SHORT_RANGE.fileName(),
			BundledModels.BLAZEFACE_SOURCE, BundledModels.folders())));
		assertNull(TfliteInputShape.of("TFL3 but nothing else".getBytes(StandardCharsets.UTF_8)));
		assertNull(TfliteInputShape.of(new byte[3]));
	}

	@Test
	void aTfliteThatIsNotBlazeFaceIsRefusedWithItsShapes() throws Exception {
		// The short-range model is a valid BlazeFace file; a file that is not a model at all is refused by OpenCV.
		final Path text = Files.write(dir.resolve("faces.tflite"), "not a model".getBytes(StandardCharsets.UTF_8));
		final DetectorLoadException e = assertThrows(DetectorLoadException.class, () -> BlazeFaceDetector.open(text, 0.5,
			TileMode.OFF, 0));
		assertTrue(e.getMessage().contains("faces.tflite"), e.getMessage());
		final DetectorLoadException missing = assertThrows(DetectorLoadException.class, () -> BlazeFaceDetector.open(dir.resolve(
			"none.tflite"), 0.5, TileMode.OFF, 0));
		assertTrue(missing.getMessage().contains("not found") && missing.getMessage().contains("none.tflite"), missing.getMessage());
	}

	static double iou(final FaceBox a, final FaceBox b) {
		final double iw = Math.min(a.right(), b.right()) - Math.max(a.x(), b.x());
		final double ih = Math.min(a.bottom(), b.bottom()) - Math.max(a.y(), b.y());
		if (iw <= 0 || ih <= 0) return 0;
		return iw * ih / (a.area() + b.area() - iw * ih);
	}

	@Test
	void weightedSuppressionKeepsOneFaceWhenAveragingMovesTwoClustersTogether() {
		// two clusters of anchors on one face: each cluster's members are more than 0.3 IoU from their best,
		// the bests are 0.22 apart, and the averaged faces end up 0.35 apart: one face
		final double[] k = new double[12];
		final BlazeFaceDecoder.Candidate a = new BlazeFaceDecoder.Candidate(0, 0, 100, 100, 0.9, k);
		final BlazeFaceDecoder.Candidate f = new BlazeFaceDecoder.Candidate(20, 20, 120, 120, 0.85, k);
		final BlazeFaceDecoder.Candidate b = new BlazeFaceDecoder.Candidate(40, 40, 140, 140, 0.8, k);
		final BlazeFaceDecoder.Candidate e = new BlazeFaceDecoder.Candidate(35, 35, 135, 135, 0.79, k);
		assertTrue(a.iou(b) < BlazeFaceDecoder.NMS_IOU && a.iou(e) < BlazeFaceDecoder.NMS_IOU);
		final List<BlazeFaceDecoder.Candidate> faces = BlazeFaceDecoder.weightedNms(Arrays.asList(e, b, f, a),
			BlazeFaceDecoder.NMS_IOU);
		assertEquals(1, faces.size(), "one face");
		assertEquals(0.9, faces.get(0).score, 1e-12);
		assertEquals((0 * 0.9 + 20 * 0.85) / (0.9 + 0.85), faces.get(0).x0, 1e-9, "the best cluster's average");
		// faces apart stay apart
		final BlazeFaceDecoder.Candidate far = new BlazeFaceDecoder.Candidate(300, 0, 400, 100, 0.7, k);
		assertEquals(2, BlazeFaceDecoder.weightedNms(Arrays.asList(a, far), BlazeFaceDecoder.NMS_IOU).size());
	}
}
