package org.emotiontracking.core.live;

import java.awt.Color;
import java.util.List;
import java.util.Locale;

import org.emotiontracking.core.data.OpenCv;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.detect.FaceBox;
import org.emotiontracking.core.report.EmotionPalette;
import org.emotiontracking.core.report.LabelLayout;
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
		return String.format(Locale.ROOT, "#%d %s %d%%", face.id(), face.emotion(),
			Math.round(face.confidence() * 100));
	}

	/** Smallest OpenCV font scale labels shrink to on small frames. */
	static final double MIN_SCALE = 0.25;

	/** Where a face's label goes in a frame of {@code width} x {@code height}, measured with OpenCV's font. */
	static LabelLayout.Placement layout(final String text, final FaceBox b, final int width, final int height,
		final double fontScale, final int pad)
	{
		return LabelLayout.place(text, b.x(), b.y(), width, height, fontScale, Math.min(fontScale, MIN_SCALE), 0.05,
			pad, (line, scale) -> {
				final int[] baseline = new int[1];
				final Size ts = Imgproc.getTextSize(line, FONT, scale, textThickness(scale), baseline);
				return new int[] { (int) Math.ceil(ts.width), (int) Math.ceil(ts.height) + baseline[0] + 1 };
			});
	}

	static int textThickness(final double fontScale) {
		return Math.max(1, (int) Math.round(fontScale * 1.6));
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
		final int textThickness = textThickness(fontScale);
		final int pad = Math.max(2, (int) Math.round(4 * fontScale));
		for (final TrackedFace face : faces) {
			final FaceBox b = face.box();
			final Color c = EmotionPalette.colorOf(face.emotion());
			final Scalar colour = new Scalar(c.getRed(), c.getGreen(), c.getBlue());
			Imgproc.rectangle(rgb, new Point(b.x(), b.y()), new Point(b.right() - 1, b.bottom() - 1), colour, thickness,
				Imgproc.LINE_AA);
			// above the box if there is room, else inside its top edge; smaller or on two lines if too wide
			final LabelLayout.Placement p = layout(label(face), b, rgb.cols(), rgb.rows(), fontScale, pad);
			Imgproc.rectangle(rgb, new Point(p.x, p.y), new Point(p.x + p.width - 1, p.y + p.height - 1), colour,
				Imgproc.FILLED);
			final Color tc = EmotionPalette.textColorOn(c);
			final int tt = textThickness(p.size);
			for (int i = 0; i < p.lines.size(); i++) {
				final int[] baseline = new int[1];
				Imgproc.getTextSize(p.lines.get(i), FONT, p.size, tt, baseline);
				Imgproc.putText(rgb, p.lines.get(i), new Point(p.x + p.pad, p.y + p.pad + (i + 1) * p.lineHeight
					- baseline[0]), FONT, p.size, new Scalar(tc.getRed(), tc.getGreen(), tc.getBlue()), tt,
					Imgproc.LINE_AA, false);
			}
		}
		if (fps > 0) {
			final String text = String.format(Locale.ROOT, "%.1f fps", fps);
			final int[] baseline = new int[1];
			final Size ts = Imgproc.getTextSize(text, FONT, fontScale, textThickness, baseline);
			Imgproc.rectangle(rgb, new Point(0, 0), new Point(ts.width + 2 * pad, ts.height + baseline[0] + 2 * pad),
				new Scalar(0, 0, 0), Imgproc.FILLED);
			Imgproc.putText(rgb, text, new Point(pad, pad + ts.height), FONT, fontScale, new Scalar(255, 255, 255),
				textThickness, Imgproc.LINE_AA, false);
		}
	}
}
