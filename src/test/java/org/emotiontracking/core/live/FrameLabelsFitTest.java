package org.emotiontracking.core.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.Collections;

import org.emotiontracking.core.data.OpenCv;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.detect.FaceBox;
import org.emotiontracking.core.report.EmotionPalette;
import org.emotiontracking.core.report.LabelLayout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * Live frames of 64 px: the face label ("#1 unhappy 87%") is wholly inside the frame. Its text pixels
 * are compared with the same lines drawn by OpenCV at the same scale on a large canvas.
 */
class FrameLabelsFitTest {

	@ParameterizedTest
	@CsvSource({ "unhappy, 64, 0", "surprise, 64, 30", "disgust, 48, 10", "happy, 640, 300" })
	void labelIsWhollyInside(final String emotion, final int size, final int boxX) {
		OpenCv.ensureLoaded();
		final String[] classes = { emotion, "other" };
		final FaceBox box = new FaceBox(boxX, 0, size - boxX, size, 1);
		final TrackedFace face = new TrackedFace(1, box, new float[] { 0.87f, 0.13f }, new float[] { 0.87f, 0.13f },
			classes, 1);
		final RgbImage frame = fill(RgbImage.blank(size, size), new Color(0x7f6f5f));
		final RgbImage out = new FrameAnnotator().annotate(frame, Collections.singletonList(face), 0);

		final double scale = Math.max(0.35, size / 800.0);
		final int pad = Math.max(2, (int) Math.round(4 * scale));
		final LabelLayout.Placement tag = FrameAnnotator.layout(FrameAnnotator.label(face), box, size, size, scale, pad);
		assertTrue(tag.inside(size, size), tag.toString());
		final Color fill = EmotionPalette.colorOf(emotion), ink = EmotionPalette.textColorOn(fill);
		final int drawn = count(crop(out, tag), ink, fill);
		assertTrue(drawn > 10, "text pixels " + drawn);

		final Mat big = new Mat(200, 800, CvType.CV_8UC3, new Scalar(fill.getRed(), fill.getGreen(), fill.getBlue()));
		final int tt = FrameAnnotator.textThickness(tag.size);
		for (int i = 0; i < tag.lines.size(); i++) {
			final int[] baseline = new int[1];
			Imgproc.getTextSize(tag.lines.get(i), Imgproc.FONT_HERSHEY_SIMPLEX, tag.size, tt, baseline);
			Imgproc.putText(big, tag.lines.get(i), new Point(50, 50 + (i + 1) * tag.lineHeight - baseline[0]),
				Imgproc.FONT_HERSHEY_SIMPLEX, tag.size, new Scalar(ink.getRed(), ink.getGreen(), ink.getBlue()), tt,
				Imgproc.LINE_AA, false);
		}
		assertEquals(count(OpenCv.toRgbImage(big), ink, fill), drawn, "every text pixel of " + tag + " is in the frame");
		big.release();
	}

	private static RgbImage crop(final RgbImage image, final LabelLayout.Placement tag) {
		final RgbImage out = RgbImage.blank(tag.width, tag.height);
		for (int y = 0; y < tag.height; y++)
			for (int x = 0; x < tag.width; x++)
				for (int c = 0; c < 3; c++) out.pixels()[(y * tag.width + x) * 3 + c] = (byte) image.get(tag.x + x, tag.y + y, c);
		return out;
	}

	private static RgbImage fill(final RgbImage image, final Color c) {
		final byte[] p = image.pixels();
		for (int i = 0; i < p.length; i += 3) {
			p[i] = (byte) c.getRed();
			p[i + 1] = (byte) c.getGreen();
			p[i + 2] = (byte) c.getBlue();
		}
		return image;
	}

	/** Pixels nearer to the text colour than to the tag's (anti-aliased strokes rarely reach the pure colour). */
	private static int count(final RgbImage image, final Color ink, final Color fill) {
		int n = 0;
		for (int y = 0; y < image.height(); y++)
			for (int x = 0; x < image.width(); x++)
				if (distance(image, x, y, ink) < distance(image, x, y, fill)) n++;
		return n;
	}

	private static int distance(final RgbImage image, final int x, final int y, final Color c) {
		return Math.abs(image.get(x, y, 0) - c.getRed()) + Math.abs(image.get(x, y, 1) - c.getGreen()) + Math.abs(image
			.get(x, y, 2) - c.getBlue());
	}
}
