package org.emotiontracking.imagej;

import ij.ImagePlus;
import ij.gui.ImageRoi;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.gui.TextRoi;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.emotiontracking.core.detect.FaceBox;
import org.emotiontracking.core.report.EmotionPalette;
import org.emotiontracking.core.report.LabelLayout;
import org.emotiontracking.core.report.PredictionRow;

/**
 * Faces on an image's overlay: a rectangle per face in the emotion's colour ({@link EmotionPalette})
 * and a text label such as "happy 87.3%" on a box of that colour above it (inside the top edge when
 * there is no room above), and optionally a translucent picture in the box (a Grad-CAM heatmap, see
 * {@link #addImage}). Every ROI added here carries the property {@value #PROPERTY} so that
 * {@link #clear} removes only these and leaves the user's own overlay alone.
 */
public final class EmotionOverlay {

	/** Property set on every ROI this class adds; its value is "box" or "label". */
	public static final String PROPERTY = "emotion-tracking";

	private EmotionOverlay() {}

	/** "happy 87.3%" (confidence 0..1; NaN gives just the emotion). */
	public static String label(final String emotion, final double confidence) {
		return Double.isNaN(confidence) ? emotion : String.format(Locale.ROOT, "%s %.1f%%", emotion, confidence * 100);
	}

	/**
	 * Adds a face: its box and its label, both shown on plane {@code plane} only (1-based, numbered as
	 * in {@link ImagePlusConversion}: the stack slice, or the (slice, frame) position of a hyperstack
	 * with all its channels; 0 = every plane). Creates the overlay if needed. Returns the box ROI.
	 */
	public static Roi addFace(final ImagePlus imp, final int plane, final Rectangle box, final String label,
		final Color colour)
	{
		final Overlay overlay = overlay(imp);
		final Roi rect = new Roi(box.x, box.y, box.width, box.height);
		rect.setStrokeColor(colour);
		rect.setStrokeWidth(Math.max(1, Math.round(Math.min(box.width, box.height) / 60.0)));
		add(imp, overlay, rect, label, "box", plane);
		if (label != null && !label.isEmpty()) {
			final TextRoi text = labelRoi(label, box, imp.getWidth(), imp.getHeight());
			text.setStrokeColor(EmotionPalette.textColorOn(colour));
			text.setFillColor(colour);
			add(imp, overlay, text, label, "label", plane);
		}
		imp.setOverlay(overlay);
		return rect;
	}

	/** Smallest font size (pixels) labels shrink to on small images. */
	static final int MIN_FONT = 6;

	/**
	 * The label of {@code box} as a TextRoi that lies entirely inside a {@code width} x {@code height}
	 * image: above the box, else inside its top edge; smaller, then on two lines, if it is too wide
	 * ({@link LabelLayout}, measured with TextRoi's own bounds for the font it draws with).
	 */
	static TextRoi labelRoi(final String label, final Rectangle box, final int width, final int height) {
		final int preferred = (int) Math.max(10, Math.min(48, Math.round(box.height * 0.12)));
		final LabelLayout.Placement p = LabelLayout.place(label, box.x, box.y, width, height, preferred,
			Math.min(preferred, MIN_FONT), 1, 0, (line, size) -> {
				final Rectangle r = new TextRoi(0, 0, line, font(size)).getBounds();
				return new int[] { r.width, r.height };
			});
		final TextRoi text = new TextRoi(p.x, p.y, String.join("\n", p.lines), font(p.size));
		final Rectangle r = text.getBounds(); // two lines may differ from the sum of one-line heights by a pixel
		text.setLocation(Math.max(0, Math.min(r.x, width - r.width)), Math.max(0, Math.min(r.y, height - r.height)));
		return text;
	}

	private static Font font(final double size) {
		return new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(size));
	}

	/**
	 * Adds a picture (e.g. a face's heatmap) drawn into {@code box} on plane {@code plane} (as in
	 * {@link #addFace(ImagePlus, int, Rectangle, String, Color)}) with the given opacity (0..1), under the
	 * ROIs added after it. The picture is scaled to the box. Returns the ROI (property value "image").
	 */
	public static ImageRoi addImage(final ImagePlus imp, final int plane, final Rectangle box,
		final BufferedImage picture, final double opacity, final String name)
	{
		final Overlay overlay = overlay(imp);
		final BufferedImage scaled;
		if (picture.getWidth() == box.width && picture.getHeight() == box.height) scaled = picture;
		else {
			scaled = new BufferedImage(box.width, box.height, BufferedImage.TYPE_INT_ARGB);
			final Graphics2D g = scaled.createGraphics();
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
				RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.drawImage(picture, 0, 0, box.width, box.height, null);
			g.dispose();
		}
		final ImageRoi roi = new ImageRoi(box.x, box.y, scaled);
		roi.setOpacity(opacity);
		add(imp, overlay, roi, name, "image", plane);
		imp.setOverlay(overlay);
		return roi;
	}

	/** {@link #addFace(ImagePlus, int, Rectangle, String, Color)} for a detector box. */
	public static Roi addFace(final ImagePlus imp, final int plane, final FaceBox box, final String label,
		final Color colour)
	{
		return addFace(imp, plane, new Rectangle(box.x(), box.y(), box.width(), box.height()), label, colour);
	}

	/**
	 * Adds the face of a prediction row (its box, slice as the plane, emotion and confidence, coloured by
	 * emotion).
	 * Returns null, adding nothing, for a row without a box or without a prediction.
	 */
	public static Roi addFace(final ImagePlus imp, final PredictionRow row) {
		if (!row.hasBox() || !row.hasPrediction()) return null;
		return addFace(imp, row.slice() == null ? 0 : row.slice(),
			new Rectangle(row.x(), row.y(), row.width(), row.height()), label(row.predictedEmotion(), row.confidence()),
			EmotionPalette.colorOf(row.predictedEmotion()));
	}

	/** Removes every ROI added by this class (all slices). */
	public static void clear(final ImagePlus imp) {
		clear(imp, -1);
	}

	/** Removes the ROIs added by this class on plane {@code plane} (or all, if negative). */
	public static void clear(final ImagePlus imp, final int plane) {
		final Overlay overlay = imp.getOverlay();
		if (overlay == null) return;
		final List<Roi> remove = new ArrayList<>();
		for (final Roi roi : overlay.toArray())
			if (roi.getProperty(PROPERTY) != null && (plane < 0 || planeOf(imp, roi) == plane)) remove.add(roi);
		for (final Roi roi : remove) overlay.remove(roi);
		imp.setOverlay(overlay);
	}

	/** The ROIs added by this class, in order (box, label, box, label, ...; a picture before its box). */
	public static List<Roi> faces(final ImagePlus imp) {
		final List<Roi> out = new ArrayList<>();
		final Overlay overlay = imp.getOverlay();
		if (overlay != null) for (final Roi roi : overlay.toArray())
			if (roi.getProperty(PROPERTY) != null) out.add(roi);
		return out;
	}

	private static Overlay overlay(final ImagePlus imp) {
		final Overlay o = imp.getOverlay();
		return o != null ? o : new Overlay();
	}

	/** Puts {@code roi} on plane {@code plane} (1-based, as in addFace; 0 = every plane). */
	/** Names the ROI, marks it as ours ({@link #PROPERTY} = {@code kind}), shows it on {@code plane} and adds it. */
	private static void add(final ImagePlus imp, final Overlay overlay, final Roi roi, final String name,
		final String kind, final int plane)
	{
		roi.setName(name);
		roi.setProperty(PROPERTY, kind);
		place(imp, roi, plane);
		overlay.add(roi);
	}

	static void place(final ImagePlus imp, final Roi roi, final int plane) {
		if (plane <= 0) return;
		if (imp.isHyperStack()) {
			final int nz = Math.max(1, imp.getNSlices());
			roi.setPosition(0, (plane - 1) % nz + 1, (plane - 1) / nz + 1);
		}
		else roi.setPosition(plane);
	}

	private static int planeOf(final ImagePlus imp, final Roi roi) {
		if (!imp.isHyperStack()) return roi.getPosition();
		if (roi.getZPosition() == 0 && roi.getTPosition() == 0) return 0;
		return (Math.max(1, roi.getTPosition()) - 1) * Math.max(1, imp.getNSlices()) + Math.max(1, roi.getZPosition());
	}
}
