package org.emotiontracking.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.TextRoi;
import ij.process.ColorProcessor;

import java.awt.Color;
import java.awt.Rectangle;

import org.emotiontracking.core.report.EmotionPalette;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Overlay labels on the demo's 64 px faces lie wholly inside the image: the flattened 64 px image holds
 * as many text pixels as the same TextRoi flattened on a large image.
 */
class OverlayLabelsFitTest {

	@ParameterizedTest
	@CsvSource({ "unhappy 2.0%, 64, 0", "surprise 10.0%, 64, 20", "disgust 87.3%, 40, 0" })
	void labelIsWhollyInside(final String label, final int size, final int boxX) {
		final ImagePlus imp = blank(size, size);
		final Color colour = EmotionPalette.colorOf(label.split(" ")[0]);
		EmotionOverlay.addFace(imp, 0, new Rectangle(boxX, 0, size - boxX, size), label, colour);
		final TextRoi text = (TextRoi) EmotionOverlay.faces(imp).get(1);
		final Rectangle b = text.getBounds();
		assertTrue(b.x >= 0 && b.y >= 0 && b.x + b.width <= size && b.y + b.height <= size, b.toString());
		assertEquals(label, text.getText().replace('\n', ' ').trim());

		// the same TextRoi far from every edge of a large image
		final ImagePlus big = blank(600, 300);
		final TextRoi copy = (TextRoi) text.clone();
		copy.setLocation(100, 100);
		big.setOverlay(new Overlay(copy));
		final Color ink = EmotionPalette.textColorOn(colour);
		final int reference = count(big.flatten(), ink, colour);
		imp.setOverlay(new Overlay(text)); // the label alone (the box outline would count as well)
		assertTrue(reference > 20, "text pixels " + reference);
		assertEquals(reference, count(imp.flatten(), ink, colour), "every text pixel of " + b + " is in the image");
	}

	private static ImagePlus blank(final int w, final int h) {
		final ColorProcessor cp = new ColorProcessor(w, h);
		cp.setColor(new Color(0x7f6f5f));
		cp.fill();
		return new ImagePlus("faces", cp);
	}

	/** Pixels nearer to the text colour than to the label's fill (anti-aliased edges included alike). */
	private static int count(final ImagePlus flat, final Color ink, final Color fill) {
		final int[] px = (int[]) flat.getProcessor().getPixels();
		int n = 0;
		for (final int p : px)
			if (distance(p, ink) < distance(p, fill) && distance(p, ink) < distance(p, new Color(0x7f6f5f))) n++;
		return n;
	}

	private static int distance(final int rgb, final Color c) {
		return Math.abs((rgb >> 16 & 0xff) - c.getRed()) + Math.abs((rgb >> 8 & 0xff) - c.getGreen()) + Math.abs((rgb &
			0xff) - c.getBlue());
	}

}
