package org.emotiontracking.core.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Collections;

import org.emotiontracking.core.detect.FaceBox;
import org.emotiontracking.core.report.EmotionPalette;
import org.emotiontracking.core.report.LabelLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Grad-CAM PNG labels on the demo's 64 px faces: the whole label is inside the image. The text pixels
 * drawn on the 64 px image are counted and compared with the same lines drawn in the same font on a
 * canvas large enough that nothing can be cut.
 */
class LabelsFitTest {

	@ParameterizedTest
	@CsvSource({ "unhappy,0.02, 64", "surprise,0.10, 64", "disgust,0.873, 64", "unhappy,0.5, 40", "happy,0.999, 548" })
	void gradCamLabelIsWhollyInside(final String emotion, final float p, final int size) {
		final BufferedImage image = blank(size, size);
		final FaceExplanation face = face(emotion, p, new FaceBox(0, 0, size, size, 1));
		OverlayPainter.paint(image, Collections.singletonList(face));

		final Graphics2D g = image.createGraphics();
		final LabelLayout.Placement tag = OverlayPainter.layout(g, size, size, face.box(), face.label());
		g.dispose();
		assertTrue(tag.inside(size, size), tag.toString());
		assertEquals(face.label(), String.join(" ", tag.lines));

		final Color fill = EmotionPalette.colorOf(emotion), ink = EmotionPalette.textColorOn(fill);
		final int drawn = count(image, ink);
		assertTrue(drawn > 20, "text pixels: " + drawn);
		assertEquals(reference(tag, fill, ink), drawn, "every text pixel of " + tag + " is in the image");
		if (size >= 548) assertEquals(1, tag.lines.size(), "large images keep one line");
	}

	/** The label's lines drawn on a large canvas of the tag's colour, in the painter's font: its text pixels. */
	private static int reference(final LabelLayout.Placement tag, final Color fill, final Color ink) {
		final BufferedImage big = blank(600, 200);
		final Graphics2D g = big.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(fill);
		g.fillRect(0, 0, 600, 200);
		g.setColor(ink);
		g.setFont(OverlayPainter.font(tag.size));
		final FontMetrics fm = g.getFontMetrics();
		for (int i = 0; i < tag.lines.size(); i++) g.drawString(tag.lines.get(i), 50, 50 + i * tag.lineHeight + fm.getAscent());
		g.dispose();
		return count(big, ink);
	}

	private static int count(final BufferedImage image, final Color c) {
		int n = 0;
		for (int y = 0; y < image.getHeight(); y++)
			for (int x = 0; x < image.getWidth(); x++)
				if ((image.getRGB(x, y) & 0xffffff) == (c.getRGB() & 0xffffff)) n++;
		return n;
	}

	private static BufferedImage blank(final int w, final int h) {
		final BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		final Graphics2D g = image.createGraphics();
		g.setColor(new Color(0x7f6f5f));
		g.fillRect(0, 0, w, h);
		g.dispose();
		return image;
	}

	private static FaceExplanation face(final String emotion, final float p, final FaceBox box) {
		final Explanation e = new Explanation(0, emotion, new float[] { p, 1 - p }, new Heatmap(2, 2, new float[4]),
			GridGeometry.centred(64, 2));
		return new FaceExplanation(box, e);
	}

	@Test
	void labelsGoAboveTheBoxWhenThereIsRoom() {
		final BufferedImage image = blank(300, 300);
		final Graphics2D g = image.createGraphics();
		final LabelLayout.Placement tag = OverlayPainter.layout(g, 300, 300, new FaceBox(250, 100, 40, 40, 1),
			"surprise 10.0%");
		g.dispose();
		assertTrue(tag.y + tag.height <= 100, "above: " + tag);
		assertTrue(tag.x + tag.width <= 300 && tag.x < 250, "moved left to stay inside: " + tag);
	}
}
