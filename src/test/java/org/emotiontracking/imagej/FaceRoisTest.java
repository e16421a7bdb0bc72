package org.emotiontracking.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.gui.Roi;

import java.awt.Rectangle;
import java.util.Arrays;
import java.util.List;

import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.report.EmotionPalette;
import org.emotiontracking.core.report.PredictionRow;
import org.junit.jupiter.api.Test;

/**
 * The ROIs Classify Emotions gives the ROI Manager (the ROI Manager itself needs a display: the
 * ImageJ1CommandsIT checks it under Xvfb).
 */
class FaceRoisTest {

	private static final List<String> CLASSES = Arrays.asList("happy", "sad", "neutral");

	@Test
	void namesColoursGroupsAndSlices() {
		final PredictionRow row = PredictionRow.builder("photo.jpg").slice(3).face(2).box(10, 20, 30, 40).prediction(
			CLASSES, new double[] { 0.8734, 0.1, 0.0266 }).build();
		assertEquals("photo.jpg:s3:f2 happy 87%", FaceRois.name(row));
		assertEquals("a.png:f1 sad 50%", FaceRois.name(PredictionRow.builder("a.png").face(1).prediction("sad", 0.504)
			.build()));

		final ImagePlus stack = ImagePlusConversion.toImagePlus("photo.jpg", Arrays.asList(RgbImage.blank(80, 80), RgbImage
			.blank(80, 80), RgbImage.blank(80, 80)));
		final Roi roi = FaceRois.of(row, stack);
		assertEquals(new Rectangle(10, 20, 30, 40), roi.getBounds());
		assertEquals("photo.jpg:s3:f2 happy 87%", roi.getName());
		assertEquals(EmotionPalette.colorOf("happy"), roi.getStrokeColor(), "the emotion's colour, not the group's");
		assertEquals(3, roi.getPosition());
		assertEquals("photo.jpg", roi.getProperty(FaceRois.IMAGE_PROPERTY));
		final int happy = roi.getGroup();
		assertTrue(happy > 0);
		assertEquals("happy", Roi.getGroupName(happy));

		final Roi sad = FaceRois.of(PredictionRow.builder("photo.jpg").slice(1).face(1).box(0, 0, 5, 5).prediction(
			"sad", 0.6).build(), null);
		assertNotEquals(happy, sad.getGroup());
		assertEquals("sad", Roi.getGroupName(sad.getGroup()));
		assertEquals(0, sad.getPosition(), "no open image: no position");
		assertEquals(happy, FaceRois.group("happy"), "the same group for the same emotion");

		assertNull(FaceRois.of(PredictionRow.noFace("x.jpg"), stack));
	}

	@Test
	void neverRenamesTheUsersGroups() {
		final String previous = Roi.getGroupNames();
		try {
			int free = 1;
			while (Roi.getGroupName(free) != null && !Roi.getGroupName(free).isEmpty()) free++;
			Roi.setGroupName(free, "my cells");
			final int g = FaceRois.group("surprise-" + free);
			assertNotEquals(free, g);
			assertEquals("my cells", Roi.getGroupName(free));
			assertEquals("surprise-" + free, Roi.getGroupName(g));
		}
		finally {
			Roi.setGroupNames(previous);
		}
	}

	@Test
	void hyperstackFacesSitOnSliceAndFrame() {
		final ImagePlus imp = ImagePlusConversion.toImagePlus("t", Arrays.asList(RgbImage.blank(50, 50), RgbImage.blank(50,
			50), RgbImage.blank(50, 50), RgbImage.blank(50, 50)));
		imp.setDimensions(1, 2, 2);
		imp.setOpenAsHyperStack(true);
		final Roi roi = FaceRois.of(PredictionRow.builder("t").slice(3).face(1).box(5, 5, 20, 20).prediction("fear", 0.4)
			.build(), imp);
		assertEquals(1, roi.getZPosition());
		assertEquals(2, roi.getTPosition());
	}
}
