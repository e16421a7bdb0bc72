package org.emotiontracking.core.explain;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

import org.emotiontracking.core.detect.FaceBox;
import org.emotiontracking.core.report.EmotionPalette;
import org.emotiontracking.core.report.LabelLayout;

/**
 * Draws each face box in its class colour with "class 87.3%" on a filled tag above it (inside if no
 * room), fitted into the image by {@link LabelLayout} (smaller font, then two lines) so no label is cut.
 */
final class OverlayPainter {

	/** Smallest font size (pixels) labels shrink to on small images. */
	static final int MIN_FONT = 6;
	static final int PAD = 2;

	private OverlayPainter() {}

	static void paint(final BufferedImage image, final List<FaceExplanation> faces) {
		final Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			final int side = Math.min(image.getWidth(), image.getHeight());
			final float stroke = Math.max(1f, side / 200f);
			for (final FaceExplanation f : faces) {
				final FaceBox b = f.box();
				final Color color = EmotionPalette.colorOf(f.className());
				g.setColor(color);
				g.setStroke(new BasicStroke(stroke));
				final int inset = (int) Math.ceil(stroke / 2);
				g.drawRect(b.x() + inset, b.y() + inset, Math.max(0, b.width() - 2 * inset - 1),
					Math.max(0, b.height() - 2 * inset - 1));
				final LabelLayout.Placement p = layout(g, image.getWidth(), image.getHeight(), b, f.label());
				g.fillRect(p.x, p.y, p.width, p.height);
				g.setColor(EmotionPalette.textColorOn(color));
				g.setFont(font(p.size));
				final FontMetrics fm = g.getFontMetrics();
				for (int i = 0; i < p.lines.size(); i++)
					g.drawString(p.lines.get(i), p.x + p.pad, p.y + p.pad + i * p.lineHeight + fm.getAscent());
			}
		}
		finally {
			g.dispose();
		}
	}

	/** The font of labels at {@code size} pixels. */
	static Font font(final double size) {
		return new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(size));
	}

	/** Where the label of {@code box} goes, measured with the fonts {@code g} draws with. */
	static LabelLayout.Placement layout(final Graphics2D g, final int width, final int height, final FaceBox box,
		final String label)
	{
		final int side = Math.min(width, height);
		final int preferred = Math.max(10, Math.min(24, side / 24));
		return LabelLayout.place(label, box.x(), box.y(), width, height, preferred, MIN_FONT, 1, PAD, (text, size) -> {
			final FontMetrics fm = g.getFontMetrics(font(size));
			return new int[] { fm.stringWidth(text), fm.getAscent() + fm.getDescent() };
		});
	}
}
