package org.emotiontracking.core.detect;

import org.emotiontracking.core.data.OpenCv;
import org.emotiontracking.core.data.Resize;
import org.emotiontracking.core.data.RgbImage;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Cuts the faces out of an image for the model, the same way in every command: the face box grown by
 * {@code margin} on every side and, with {@code align}, turned about the box centre so the eyes are
 * level (one warpAffine, bilinear, edge pixels repeated outside the image). Without alignment, or for a
 * face without eye keypoints (Haar), it is a plain crop clamped to the image. Thread-safe.
 */
public final class FaceCropper {

	private final double margin;
	private final boolean align;

	/**
	 * @param margin fraction of the face size added on every side ({@link FaceDetectionSettings#MIN_MARGIN} to
	 *          {@link FaceDetectionSettings#MAX_MARGIN})
	 * @param align turn each crop so the eyes are level
	 */
	public FaceCropper(final double margin, final boolean align) {
		if (!(margin >= FaceDetectionSettings.MIN_MARGIN && margin <= FaceDetectionSettings.MAX_MARGIN))
			throw new IllegalArgumentException(
			"margin must be between " + FaceDetectionSettings.MIN_MARGIN + " and " + FaceDetectionSettings.MAX_MARGIN
			+ ", got " + margin);
		this.margin = margin;
		this.align = align;
	}

	/** The cropper of the keys margin and align. */
	public static FaceCropper of(final FaceDetectionSettings s) {
		return new FaceCropper(s.margin, s.align);
	}

	public double margin() { return margin; }

	public boolean align() { return align; }

	/** The whole image as one face (faces=whole). */
	public static FaceCrop whole(final RgbImage image) {
		final FaceBox all = new FaceBox(0, 0, image.width(), image.height(), 1);
		return new FaceCrop(all, image, all, 0, 0, 0);
	}

	/** The crop of one detected face of {@code image}. */
	public FaceCrop crop(final RgbImage image, final FaceBox face) {
		final double angle = align ? face.keypoints().eyeAngle() : Double.NaN;
		if (Double.isNaN(angle) || angle == 0) {
			final FaceBox region = margin == 0 ? face.clampTo(image.width(), image.height())
				: face.widen(margin, image.width(), image.height());
			final RgbImage pixels = region.x() == 0 && region.y() == 0 && region.width() == image.width()
				&& region.height() == image.height() ? image
				: Resize.crop(image, region.x(), region.y(), region.width(), region.height());
			return new FaceCrop(face, pixels, region, 0, 0, 0);
		}
		final int w = (int) Math.max(1, face.width() + 2 * Math.round(face.width() * margin));
		final int h = (int) Math.max(1, face.height() + 2 * Math.round(face.height() * margin));
		final double cx = face.x() + (face.width() - 1) / 2.0, cy = face.y() + (face.height() - 1) / 2.0;
		// Only the image pixels the turned crop needs (its bounding box, one pixel more for bilinear) are copied for
		// OpenCV.
		final FaceBox source = bounds(new FaceCrop(face, RgbImage.blank(w, h), face, angle, cx, cy), w, h,
			image.width(), image.height()).widen(0, image.width(), image.height());
		final int sx = Math.max(0, source.x() - 1), sy = Math.max(0, source.y() - 1);
		final int sw = Math.min(image.width(), source.right() + 1) - sx,
			sh = Math.min(image.height(), source.bottom() + 1) - sy;
		final boolean all = sx == 0 && sy == 0 && sw == image.width() && sh == image.height();
		final Mat src = OpenCv.toMat(all ? image : Resize.crop(image, sx, sy, sw, sh));
		final Mat m = Imgproc.getRotationMatrix2D(new Point(cx - sx, cy - sy), angle, 1);
		final Mat dst = new Mat();
		try {
			m.put(0, 2, m.get(0, 2)[0] + (w - 1) / 2.0 - (cx - sx));
			m.put(1, 2, m.get(1, 2)[0] + (h - 1) / 2.0 - (cy - sy));
			Imgproc.warpAffine(src, dst, m, new Size(w, h), Imgproc.INTER_LINEAR, Core.BORDER_REPLICATE);
			final RgbImage pixels = OpenCv.toRgbImage(dst);
			return new FaceCrop(face, pixels, source, angle, cx, cy);
		}
		finally {
			src.release();
			m.release();
			dst.release();
		}
	}

	/** The bounding box in the image of a turned w x h crop, clamped to the image. */
	private static FaceBox bounds(final FaceCrop c, final int w, final int h, final int imageWidth,
		final int imageHeight) {
		double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY,
			y1 = Double.NEGATIVE_INFINITY;
		for (final double[] corner : new double[][] { { -0.5, -0.5 }, { w - 0.5, -0.5 }, { -0.5, h - 0.5 },
			{ w - 0.5, h - 0.5 } }) {
			final double[] p = c.toImage(corner[0], corner[1]);
			x0 = Math.min(x0, p[0]);
			y0 = Math.min(y0, p[1]);
			x1 = Math.max(x1, p[0]);
			y1 = Math.max(y1, p[1]);
		}
		final int left = (int) Math.max(0, Math.floor(x0 + 0.5)), top = (int) Math.max(0, Math.floor(y0 + 0.5));
		final int right = (int) Math.min(imageWidth, Math.ceil(x1 + 0.5)),
			bottom = (int) Math.min(imageHeight, Math.ceil(y1 + 0.5));
		if (right <= left || bottom <= top) return c.face().clampTo(imageWidth, imageHeight);
		return new FaceBox(left, top, right - left, bottom - top, c.face().score(), c.face().keypoints());
	}
}
