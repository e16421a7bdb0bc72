package org.emotiontracking.core.live;

import java.awt.Color;
import java.util.List;
import java.util.Locale;

import org.emotiontracking.core.data.OpenCv;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.detect.FaceBox;
import org.emotiontracking.core.report.EmotionPalette;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Draws the live overlay with OpenCV: each face's box in its emotion's colour
 * ({@link EmotionPalette}) with a label such as "#1 happy 87%", and the processing rate in the
 * top-left corner. Line widths and fonts scale with the frame size. Thread-safe (stateless).
 */
public final class FrameAnnotator {

	private static final int FONT = Imgproc.FONT_HERSHEY_SIMPLEX;

	/** The label of a face, e.g. "#1 happy 87%". */
	public static String label(final TrackedFace face) {
		return String.format(Locale.ROOT, "#%d %s %d%%", face.id(), face.emotion(), Math.round(face.confidence() * 100));
	}

	/** A new image: the frame with the overlay drawn on it (the frame is not changed). */
	public RgbImage annotate(final RgbImage frame, final List<TrackedFace> faces, final double fps) {
		final Mat rgb = OpenCv.toMat(frame);
		try {
			draw(rgb, faces, fps);
			return OpenCv.toRgbImage(rgb);
		}
		finally {
			rgb.release();
		}
	}

	/**
	 * Draws the overlay onto a {@code CV_8UC3} Mat in RGB channel order.
	 *
	 * @param fps the rate to show; NaN or &lt;= 0 shows none
	 */
	public void draw(final Mat rgb, final List<TrackedFace> faces, final double fps) {
		final int side = Math.min(rgb.cols(), rgb.rows());
		final double fontScale = Math.max(0.35, side / 800.0);
		final int thickness = Math.max(1, (int) Math.round(side / 240.0));
		final int textThickness = Math.max(1, (int) Math.round(fontScale * 1.6));
		final int pad = Math.max(2, (int) Math.round(4 * fontScale));
		for (final TrackedFace face : faces) {
			final FaceBox b = face.box();
			final Color c = EmotionPalette.colorOf(face.emotion());
			final Scalar colour = new Scalar(c.getRed(), c.getGreen(), c.getBlue());
			Imgproc.rectangle(rgb, new Point(b.x(), b.y()), new Point(b.right() - 1, b.bottom() - 1), colour, thickness, Imgproc.LINE_AA);
			final String text = label(face);
			final int[] baseline = new int[1];
			final Size ts = Imgproc.getTextSize(text, FONT, fontScale, textThickness, baseline);
			final int lh = (int) ts.height + baseline[0] + 2 * pad;
			final int x0 = Math.max(0, Math.min(b.x(), rgb.cols() - (int) ts.width - 2 * pad));
			// above the box if there is room, else inside its top edge
			final int y0 = b.y() - lh >= 0 ? b.y() - lh : Math.min(b.y(), Math.max(0, rgb.rows() - lh));
			Imgproc.rectangle(rgb, new Point(x0, y0), new Point(x0 + ts.width + 2 * pad, y0 + lh), colour, Imgproc.FILLED);
			final Color tc = EmotionPalette.textColorOn(c);
			Imgproc.putText(rgb, text, new Point(x0 + pad, y0 + pad + ts.height), FONT, fontScale,
				new Scalar(tc.getRed(), tc.getGreen(), tc.getBlue()), textThickness, Imgproc.LINE_AA, false);
		}
		if (fps > 0) {
			final String text = String.format(Locale.ROOT, "%.1f fps", fps);
			final int[] baseline = new int[1];
			final Size ts = Imgproc.getTextSize(text, FONT, fontScale, textThickness, baseline);
			Imgproc.rectangle(rgb, new Point(0, 0), new Point(ts.width + 2 * pad, ts.height + baseline[0] + 2 * pad),
				new Scalar(0, 0, 0), Imgproc.FILLED);
			Imgproc.putText(rgb, text, new Point(pad, pad + ts.height), FONT, fontScale, new Scalar(255, 255, 255), textThickness,
				Imgproc.LINE_AA, false);
		}
	}
}
