package org.emotiontracking.core.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;

import org.emotiontracking.core.classify.ClassifyFixtures;
import org.emotiontracking.core.data.OpenCv;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.detect.FaceBox;
import org.emotiontracking.core.detect.FaceCrop;
import org.emotiontracking.core.detect.FaceCropper;
import org.emotiontracking.core.detect.FaceDetectionSettings;
import org.emotiontracking.core.detect.FaceDetector;
import org.emotiontracking.core.detect.FaceDetectors;
import org.emotiontracking.core.detect.SharedFaces;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * align=true on a real face turned by 20 degrees: the crop comes out with level eyes (checked by
 * detecting the face again on the crop), and the Grad-CAM map of the crop goes back onto the face
 * through the same rotation (checked against an independent OpenCV warp of the image-sized map).
 */
class EyeLevelAlignmentTest {

	static final double TURN = 20;

	/** The image turned by {@code degrees} (counter-clockwise on screen) about its centre, edges repeated. */
	static RgbImage turned(final RgbImage image, final double degrees) {
		final Mat src = OpenCv.toMat(image), dst = new Mat();
		final Mat m = Imgproc.getRotationMatrix2D(new Point((image.width() - 1) / 2.0, (image.height() - 1) / 2.0), degrees, 1);
		Imgproc.warpAffine(src, dst, m, new Size(image.width(), image.height()), Imgproc.INTER_LINEAR, Core.BORDER_REPLICATE);
		final RgbImage out = OpenCv.toRgbImage(dst);
		src.release();
		dst.release();
		m.release();
		return out;
	}

	private static FaceBox onlyFace(final FaceDetector d, final RgbImage image) {
		final List<FaceBox> faces = d.detect(image);
		assertEquals(1, faces.size(), d.description() + ": " + faces);
		return faces.get(0);
	}

	@Test
	void aTurnedFaceComesOutLevelAndItsHeatmapLandsOnTheFace() throws Exception {
		final RgbImage upright = SharedFaces.image("sergey.png");
		final RgbImage photo = turned(upright, TURN);
		final FaceDetectionSettings shortRange = new FaceDetectionSettings();
		shortRange.detector = FaceDetectionSettings.BLAZEFACE_SHORT;
		try (FaceDetector detector = FaceDetectors.openDefault(); FaceDetector onCrop = FaceDetectors.open(shortRange)) {
			final double own = onlyFace(detector, upright).keypoints().eyeAngle();
			final FaceBox face = onlyFace(detector, photo);
			// BlazeFace's eye keypoints give the turn to within about 5 degrees (measured on the 7 single-face photos)
			assertEquals(own - TURN, face.keypoints().eyeAngle(), 7, "the photo was turned by " + TURN + " degrees: " + face);

			final FaceCrop level = new FaceCropper(0.25, true).crop(photo, face);
			assertTrue(level.rotated());
			final double after = onlyFace(onCrop, level.image()).keypoints().eyeAngle();
			System.out.println("eye angle: upright " + own + ", turned " + face.keypoints().eyeAngle() + ", aligned crop " + after);
			assertEquals(0, after, 7, "eyes level on the aligned crop");
			final FaceCrop plain = new FaceCropper(0.25, false).crop(photo, face);
			assertEquals(own - TURN, onlyFace(onCrop, plain.image()).keypoints().eyeAngle(), 7, "without align the crop stays turned");

			try (GradCam gradCam = GradCam.load(ClassifyFixtures.model(), null, "block_6_expand_relu", GradCamMethod.GRADCAM)) {
				final ImageExplanation e = gradCam.explainCrops(photo, Collections.singletonList(level), -1);
				final FaceExplanation f = e.faces().get(0);
				final float[] onImage = e.heatmap();
				final int w = photo.width(), h = photo.height();
				final Heatmap onCropMap = f.explanation().heatmap(level.image().width(), level.image().height());
				assertTrue(onCropMap.max() > 0.5f, "a non-trivial map");

				// the image-sized map warped with the alignment (done here with OpenCV) is the crop's map again
				final Mat image = new Mat(h, w, CvType.CV_32F);
				image.put(0, 0, onImage);
				final double cx = face.x() + (face.width() - 1) / 2.0, cy = face.y() + (face.height() - 1) / 2.0;
				final int cw = level.image().width(), ch = level.image().height();
				final Mat m = Imgproc.getRotationMatrix2D(new Point(cx, cy), face.keypoints().eyeAngle(), 1);
				m.put(0, 2, m.get(0, 2)[0] + (cw - 1) / 2.0 - cx);
				m.put(1, 2, m.get(1, 2)[0] + (ch - 1) / 2.0 - cy);
				final Mat back = new Mat();
				Imgproc.warpAffine(image, back, m, new Size(cw, ch), Imgproc.INTER_LINEAR, Core.BORDER_CONSTANT);
				final float[] b = new float[cw * ch];
				back.get(0, 0, b);
				double diff = 0;
				int n = 0;
				for (int y = 2; y < ch - 2; y++)
					for (int x = 2; x < cw - 2; x++) {
						diff += Math.abs(b[y * cw + x] - onCropMap.get(x, y));
						n++;
					}
				assertTrue(diff / n < 0.02, "mean difference " + diff / n);
				image.release();
				back.release();
				m.release();

				// and it lies on the face: its heat-weighted centre inside the detected face, nothing far outside
				double sum = 0, sx = 0, sy = 0;
				for (int y = 0; y < h; y++)
					for (int x = 0; x < w; x++) {
						final double v = onImage[y * w + x];
						sum += v;
						sx += v * x;
						sy += v * y;
						final double dx = x - cx, dy = y - cy;
						if (Math.hypot(dx, dy) > 0.9 * Math.hypot(cw, ch)) assertEquals(0, v, 0, "heat at " + x + "," + y);
					}
				assertTrue(sum > 0);
				assertTrue(face.x() < sx / sum && sx / sum < face.right() && face.y() < sy / sum && sy / sum < face.bottom(), "centre " +
					sx / sum + "," + sy / sum + " in " + face);
			}
		}
	}
}
