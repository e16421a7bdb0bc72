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

/** Draws each face box in its class colour with "class 87.3%" on a filled tag above it (inside if no room). */
final class OverlayPainter {

	private OverlayPainter() {}

	static void paint(final BufferedImage image, final List<FaceExplanation> faces) {
		final Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			final int side = Math.min(image.getWidth(), image.getHeight());
			final float stroke = Math.max(1f, side / 200f);
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, Math.min(24, side / 24))));
			final FontMetrics fm = g.getFontMetrics();
			for (final FaceExplanation f : faces) {
				final FaceBox b = f.box();
				final Color color = EmotionPalette.colorOf(f.className());
				g.setColor(color);
				g.setStroke(new BasicStroke(stroke));
				final int inset = (int) Math.ceil(stroke / 2);
				g.drawRect(b.x() + inset, b.y() + inset, Math.max(0, b.width() - 2 * inset - 1), Math.max(0, b.height() - 2 *
					inset - 1));
				final String label = f.label();
				final int tw = fm.stringWidth(label) + 6, th = fm.getAscent() + fm.getDescent() + 2;
				final int tx = Math.max(0, Math.min(b.x(), image.getWidth() - tw));
				final int ty = b.y() - th >= 0 ? b.y() - th : Math.min(b.y(), image.getHeight() - th);
				g.fillRect(tx, ty, tw, th);
				g.setColor(EmotionPalette.textColorOn(color));
				g.drawString(label, tx + 3, ty + 1 + fm.getAscent());
			}
		}
		finally {
			g.dispose();
		}
	}
}
