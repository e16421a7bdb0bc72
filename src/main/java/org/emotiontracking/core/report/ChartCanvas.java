package org.emotiontracking.core.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** A white RGB image with an antialiased Graphics2D and the text helpers all charts share. */
final class ChartCanvas {

	static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 20);
	static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
	static final Font AXIS_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
	static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
	static final Font VALUE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
	static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

	static final Color TEXT = new Color(0x222222);
	static final Color SUBTLE = new Color(0x666666);
	static final Color AXIS = new Color(0x444444);
	static final Color GRID = new Color(0xE3E3E3);

	/** Horizontal anchor of a text position. */
	enum H { LEFT, CENTER, RIGHT }

	/** Vertical anchor of a text position. */
	enum V { TOP, MIDDLE, BOTTOM }

	final BufferedImage image;
	final Graphics2D g;
	final int width;
	final int height;

	ChartCanvas(final int width, final int height) {
		if (width < 200 || height < 150) throw new IllegalArgumentException("Chart too small: " + width + "x" + height);
		this.width = width;
		this.height = height;
		image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
		g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
		g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, width, height);
	}

	/** Draws the title (and an optional subtitle) centred at the top; returns the y below them. */
	int title(final String title, final String subtitle) {
		int y = 14;
		if (title != null && !title.isEmpty()) {
			text(fit(title, TITLE, width - 20), TITLE, TEXT, width / 2.0, y, H.CENTER, V.TOP);
			y += lineHeight(TITLE) + 2;
		}
		if (subtitle != null && !subtitle.isEmpty()) {
			text(fit(subtitle, SUBTITLE, width - 20), SUBTITLE, SUBTLE, width / 2.0, y, H.CENTER, V.TOP);
			y += lineHeight(SUBTITLE);
		}
		return y + 10;
	}

	/** Draws text anchored at (x, y). */
	void text(final String s, final Font font, final Color color, final double x, final double y, final H h, final V v) {
		g.setFont(font);
		g.setColor(color);
		final FontMetrics fm = g.getFontMetrics();
		final Rectangle2D b = fm.getStringBounds(s, g);
		final double dx = h == H.LEFT ? 0 : h == H.CENTER ? -b.getWidth() / 2 : -b.getWidth();
		final double ascent = fm.getAscent() * 0.92; // cap height is a bit below the ascent
		final double dy = v == V.TOP ? ascent : v == V.MIDDLE ? ascent / 2 : -fm.getDescent();
		g.drawString(s, (float) (x + dx), (float) (y + dy));
	}

	/** Draws text rotated by {@code angle} radians about its anchor (x, y). */
	void rotatedText(final String s, final Font font, final Color color, final double x, final double y,
		final double angle, final H h, final V v)
	{
		final AffineTransform saved = g.getTransform();
		g.translate(x, y);
		g.rotate(angle);
		text(s, font, color, 0, 0, h, v);
		g.setTransform(saved);
	}

	double textWidth(final String s, final Font font) {
		return g.getFontMetrics(font).getStringBounds(s, g).getWidth();
	}

	int lineHeight(final Font font) {
		final FontMetrics fm = g.getFontMetrics(font);
		return fm.getAscent() + fm.getDescent();
	}

	/** The text, shortened with an ellipsis if wider than {@code maxWidth}. */
	String fit(final String s, final Font font, final double maxWidth) {
		if (textWidth(s, font) <= maxWidth) return s;
		for (int n = s.length() - 1; n > 0; n--) {
			final String t = s.substring(0, n) + "\u2026";
			if (textWidth(t, font) <= maxWidth) return t;
		}
		return "\u2026";
	}

	/** A message in the middle of an area, for charts without data. */
	void emptyMessage(final String message, final double x, final double y, final double w, final double h) {
		text(message, AXIS_LABEL, SUBTLE, x + w / 2, y + h / 2, H.CENTER, V.MIDDLE);
	}

	void stroke(final float width) {
		g.setStroke(new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
	}

	BufferedImage finish() {
		g.dispose();
		return image;
	}
}
