package org.emotiontracking.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.gui.TextRoi;
import ij.measure.ResultsTable;

import java.awt.Rectangle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.report.EmotionPalette;
import org.emotiontracking.core.report.PredictionRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Overlay and results-table helpers the Classify and Grad-CAM commands fill. */
class EmotionOverlayAndTableTest {

	private static final List<String> CLASSES = Arrays.asList("happy", "sad", "neutral");

	@TempDir
	Path dir;

	private static PredictionRow face(final int slice, final int face, final double... p) {
		return PredictionRow.builder("photo.jpg").slice(slice).face(face).box(40, 50, 60, 70).prediction(CLASSES, p)
			.build();
	}

	@Test
	void labelsAndColoursFacesPerSlice() {
		final ImagePlus imp = ImagePlusConversion.toImagePlus("s", Arrays.asList(RgbImage.blank(200, 200), RgbImage.blank(
			200, 200)));
		imp.setOverlay(new Overlay(new Roi(1, 1, 5, 5))); // the user's own
		assertEquals("happy 87.3%", EmotionOverlay.label("happy", 0.8734));
		final Roi box = EmotionOverlay.addFace(imp, face(2, 1, 0.8734, 0.1, 0.0266));
		assertEquals(new Rectangle(40, 50, 60, 70), box.getBounds());
		assertEquals(EmotionPalette.colorOf("happy"), box.getStrokeColor());
		assertEquals(2, box.getPosition());
		assertEquals("happy 87.3%", box.getName());
		final List<Roi> faces = EmotionOverlay.faces(imp);
		assertEquals(2, faces.size());
		final TextRoi label = (TextRoi) faces.get(1);
		assertEquals("happy 87.3%", label.getText().trim());
		assertEquals(EmotionPalette.colorOf("happy"), label.getFillColor());
		assertTrue(label.getBounds().y + label.getBounds().height <= 50 + 1, "label above the box: " + label.getBounds());
		assertEquals(2, label.getPosition());

		EmotionOverlay.addFace(imp, 1, new Rectangle(0, 0, 30, 30), "sad 50.0%", EmotionPalette.colorOf("sad"));
		assertTrue(EmotionOverlay.faces(imp).get(3).getBounds().y >= 0, "label inside when no room above");
		assertEquals(4, EmotionOverlay.faces(imp).size());
		EmotionOverlay.clear(imp, 2);
		assertEquals(2, EmotionOverlay.faces(imp).size());
		EmotionOverlay.clear(imp);
		assertEquals(0, EmotionOverlay.faces(imp).size());
		assertEquals(1, imp.getOverlay().size(), "the user's ROI stays");

		assertNull(EmotionOverlay.addFace(imp, PredictionRow.noFace("x.jpg")));
	}

	@Test
	void hyperstackPlanesAreSliceAndFrame() {
		final ImagePlus imp = ImagePlusConversion.toImagePlus("t", Arrays.asList(RgbImage.blank(50, 50), RgbImage.blank(50,
			50), RgbImage.blank(50, 50), RgbImage.blank(50, 50)));
		imp.setDimensions(1, 2, 2);
		imp.setOpenAsHyperStack(true);
		final Roi box = EmotionOverlay.addFace(imp, 3, new Rectangle(5, 5, 20, 20), "fear 40.0%", EmotionPalette.colorOf(
			"fear"));
		assertEquals(1, box.getZPosition());
		assertEquals(2, box.getTPosition());
		EmotionOverlay.clear(imp, 2);
		assertEquals(2, EmotionOverlay.faces(imp).size());
		EmotionOverlay.clear(imp, 3);
		assertEquals(0, EmotionOverlay.faces(imp).size());
	}

	@Test
	void fillsTheEmotionResultsTable() throws Exception {
		final ResultsTable rt = EmotionResultsTable.of(Arrays.asList(face(1, 1, 0.8734, 0.1, 0.0266), PredictionRow.noFace(
			"empty.jpg")), CLASSES);
		assertEquals(2, rt.size());
		assertEquals("Image,Slice,Face,X,Y,Width,Height,Emotion,Confidence,P(happy),P(sad),P(neutral)," + String.join(",",
			org.emotiontracking.core.report.PredictionColumn.keypointHeaders()) + ",Error", String.join(",", rt.getHeadings()));
		assertEquals("", rt.getStringValue("right_eye_x", 0), "no keypoints: an empty cell");
		assertEquals("photo.jpg", rt.getStringValue("Image", 0));
		assertEquals(40, rt.getValue("X", 0), 0);
		assertEquals("happy", rt.getStringValue("Emotion", 0));
		assertEquals(0.8734, rt.getValue("Confidence", 0), 1e-9);
		assertEquals(0.0266, rt.getValue(EmotionResultsTable.probabilityColumn("neutral"), 0), 1e-9);
		assertEquals(PredictionRow.NO_FACE, rt.getStringValue("Error", 1));

		final Path csv = dir.resolve("r.csv");
		rt.saveAs(csv.toString());
		final List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		assertEquals(String.join(",", rt.getHeadings()), lines.get(0));
		// ImageJ writes empty text cells as "" (an empty field to any CSV reader)
		final String noKeypoints = String.join("", java.util.Collections.nCopies(16, ",\"\""));
		assertEquals("photo.jpg,1,1,40,50,60,70,happy,0.8734,0.8734,0.1000,0.0266" + noKeypoints + ",\"\"", lines.get(1));
		assertEquals("empty.jpg,\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"" + noKeypoints + ",no face found", lines.get(2));

		assertThrows(IllegalArgumentException.class, () -> EmotionResultsTable.add(rt, face(1, 1, 0.5, 0.5, 0), Arrays
			.asList("a", "b")));
	}
}
