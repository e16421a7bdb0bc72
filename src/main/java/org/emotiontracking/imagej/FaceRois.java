package org.emotiontracking.imagej;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.macro.Interpreter;
import ij.plugin.frame.RoiManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.emotiontracking.core.report.EmotionPalette;
import org.emotiontracking.core.report.PredictionRow;

/**
 * Faces as ROIs of ImageJ's ROI Manager, so that Fiji's own tools (Measure, Multi Measure, groups,
 * Show All) work on them: one rectangle per face named like {@code photo.jpg:s3:f2 happy 87%} (image,
 * slice, face id, emotion, confidence), outlined in the emotion's colour ({@link EmotionPalette}), in
 * the ROI group named after the emotion, and on the face's slice (stack position) when the image is
 * open. Group names are ImageJ's global ones ({@link Roi#setGroupName}): an emotion reuses the group
 * already named after it, otherwise it takes the first group without a name, so the user's named
 * groups are never renamed.
 * <p>
 * Every ROI carries the properties {@value #IMAGE_PROPERTY} (the row's image) and
 * {@value EmotionOverlay#PROPERTY} ("face"): {@link #replace} removes the faces an earlier run added
 * for the same image and leaves every other ROI alone.
 */
public final class FaceRois {

	/** Property holding the image the face was found in. */
	public static final String IMAGE_PROPERTY = "emotion-tracking-image";

	private static final int MAX_GROUP = 255;

	private FaceRois() {}

	/** {@code photo.jpg:s3:f2 happy 87%} ({@code :s} only for rows with a slice, {@code :f} with a face id). */
	public static String name(final PredictionRow row) {
		final StringBuilder sb = new StringBuilder(row.image());
		if (row.slice() != null) sb.append(":s").append(row.slice());
		if (row.face() != null) sb.append(":f").append(row.face());
		if (row.hasPrediction()) {
			sb.append(' ').append(row.predictedEmotion());
			if (!Double.isNaN(row.confidence())) sb.append(String.format(Locale.ROOT, " %d%%",
				Math.round(row.confidence() * 100)));
		}
		return sb.toString();
	}

	/**
	 * The ROI group of an emotion (1..255): the group named after it, else the first unnamed group,
	 * which gets its name; 0 (no group) when all 255 are named otherwise.
	 */
	public static synchronized int group(final String emotion) {
		for (int g = 1; g <= MAX_GROUP; g++)
			if (emotion.equals(Roi.getGroupName(g))) return g;
		for (int g = 1; g <= MAX_GROUP; g++) {
			final String n = Roi.getGroupName(g);
			if (n == null || n.isEmpty()) {
				Roi.setGroupName(g, emotion);
				return g;
			}
		}
		return 0;
	}

	/**
	 * The ROI of a row with a box and a prediction, or null for other rows. {@code imp} (may be null)
	 * is the open image the row's slice refers to; the ROI then sits on that plane (as the overlay does).
	 */
	public static Roi of(final PredictionRow row, final ImagePlus imp) {
		if (!row.hasBox() || !row.hasPrediction()) return null;
		final Roi roi = new Roi(row.x(), row.y(), row.width(), row.height());
		final int group = group(row.predictedEmotion());
		if (group > 0) roi.setGroup(group); // sets the group's colour: ours comes after
		roi.setStrokeColor(EmotionPalette.colorOf(row.predictedEmotion()));
		roi.setName(name(row));
		roi.setProperty(EmotionOverlay.PROPERTY, "face");
		roi.setProperty(IMAGE_PROPERTY, row.image());
		if (imp != null && row.slice() != null && imp.getStackSize() > 1) EmotionOverlay.place(imp, roi, row.slice());
		return roi;
	}

	/**
	 * The ROI Manager macros see: a batch macro's hidden one (what its {@code roiManager(...)} calls
	 * address), otherwise the window (opened if needed).
	 */
	public static RoiManager manager() {
		if (Interpreter.isBatchMode()) {
			final RoiManager batch = Interpreter.getBatchModeRoiManager();
			if (batch != null) return batch;
		}
		return RoiManager.getRoiManager();
	}

	/** Removes the faces an earlier run added for {@code image}; other ROIs stay. */
	public static void replace(final RoiManager rm, final String image) {
		final Roi[] rois = rm.getRoisAsArray();
		final List<Integer> remove = new ArrayList<>();
		for (int i = 0; i < rois.length; i++)
			if (image.equals(rois[i].getProperty(IMAGE_PROPERTY))) remove.add(i);
		for (int i = remove.size() - 1; i >= 0; i--) rm.delete(remove.get(i));
	}

	/** Adds the ROI of a row (see {@link #of}); returns it, or null if the row has no face. */
	public static Roi add(final RoiManager rm, final PredictionRow row, final ImagePlus imp) {
		final Roi roi = of(row, imp);
		if (roi != null) rm.addRoi(roi);
		return roi;
	}
}
