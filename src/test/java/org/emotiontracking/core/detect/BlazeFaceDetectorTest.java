package org.emotiontracking.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
