package org.emotiontracking.core.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * A heatmap of a {@link ConfusionMatrix}: true classes as rows, predicted classes as columns,
 * the count (and row share) printed in every cell. Cells are shaded by the share of their row
 * (so rare classes are as readable as common ones) or, optionally, by the raw count.
 */
public final class ConfusionMatrixChart extends Chart<ConfusionMatrixChart> {

	/** ColorBrewer "Blues", light to dark. */
	private static final int[] BLUES = { 0xF7FBFF, 0xDEEBF7, 0xC6DBEF, 0x9ECAE1, 0x6BAED6, 0x4292C6, 0x2171B5, 0x08519C,
		0x08306B };

	private final ConfusionMatrix matrix;
	private boolean shadeByRow = true;

	public ConfusionMatrixChart(final ConfusionMatrix matrix) {
		super("Confusion matrix");
		this.matrix = matrix;
	}

	/** Whether cells are shaded by their share of the true class (default) or by raw count. */
	public ConfusionMatrixChart shadeByRow(final boolean value) {
		shadeByRow = value;
		return this;
	}

	/** The colour of a cell whose shade is {@code t} in 0..1. */
	static Color shade(final double t) {
		final double x = Math.max(0, Math.min(1, t)) * (BLUES.length - 1);
		final int i = Math.min(BLUES.length - 2, (int) x);
		final double f = x - i;
		final Color a = new Color(BLUES[i]), b = new Color(BLUES[i + 1]);
		return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
			(int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
			(int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
	}

	@Override
	public BufferedImage render() {
		final ChartCanvas c = new ChartCanvas(width(), height());
		final List<String> names = matrix.classNames();
		final int n = names.size();
		final long[][] counts = matrix.counts();
		final ClassificationMetrics metrics = new ClassificationMetrics(matrix);
		long maxCount = 0;
		for (final long[] row : counts)
			for (final long v : row) maxCount = Math.max(maxCount, v);
		final int top = c.title(title(), subtitleOr(String.format(Locale.ROOT, "accuracy %.1f%%  \u00b7  n = %d  \u00b7  shade: %s",
			100 * metrics.accuracy(), metrics.total(), shadeByRow ? "share of true class" : "count")));

		double nameWidth = 0;
		for (final String name : names) nameWidth = Math.max(nameWidth, c.textWidth(name, ChartCanvas.TICK));
		nameWidth = Math.min(nameWidth, c.width * 0.2);
		final int line = c.lineHeight(ChartCanvas.TICK);
		final double angle = Math.toRadians(40);
		final double colorBarSpace = 90;

		// first try horizontal column labels; rotate if the cells are too narrow for them
		final double availHeight0 = c.height - top - 14 - c.lineHeight(ChartCanvas.AXIS_LABEL) - 8 - line - 8;
		final double left = 16 + c.lineHeight(ChartCanvas.AXIS_LABEL) + 10 + 14 + nameWidth + 8;
		final double availWidth = c.width - left - colorBarSpace - 16;
		double cell = Math.min(availWidth, availHeight0) / n;
		final boolean rotate = nameWidth > cell * 0.95;
		final double labelsHeight = rotate ? nameWidth * Math.sin(angle) + line * Math.cos(angle) : line;
		final double availHeight = c.height - top - 14 - c.lineHeight(ChartCanvas.AXIS_LABEL) - 8 - labelsHeight - 8;
		cell = Math.floor(Math.min(availWidth, availHeight) / n);
		final double side = cell * n;
		final double x0 = left + Math.max(0, (availWidth - side) / 2);
		final double y0 = top + 2;

		// cells
		final Font countFont = new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.max(9, Math.min(16, cell * 0.3)));
		final Font shareFont = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.max(8, Math.min(12, cell * 0.22)));
		final boolean showShare = cell >= c.lineHeight(countFont) + c.lineHeight(shareFont) + 6;
		for (int t = 0; t < n; t++) {
			final long rowTotal = matrix.trueCount(t);
			for (int p = 0; p < n; p++) {
				final long v = counts[t][p];
				final double share = rowTotal == 0 ? 0 : (double) v / rowTotal;
				final double s = shadeByRow ? share : maxCount == 0 ? 0 : (double) v / maxCount;
				final Color fill = shade(s);
				final double cx = x0 + p * cell, cy = y0 + t * cell;
				c.g.setColor(fill);
				c.g.fill(new Rectangle2D.Double(cx, cy, cell, cell));
				final Color ink = EmotionPalette.textColorOn(fill);
				if (showShare) {
					final double mid = cy + cell / 2;
					c.text(Long.toString(v), countFont, ink, cx + cell / 2, mid - 1, ChartCanvas.H.CENTER, ChartCanvas.V.BOTTOM);
					if (rowTotal > 0) c.text(String.format(Locale.ROOT, "%.0f%%", 100 * share), shareFont, ink, cx + cell / 2, mid + 2,
						ChartCanvas.H.CENTER, ChartCanvas.V.TOP);
				}
				else c.text(Long.toString(v), countFont, ink, cx + cell / 2, cy + cell / 2, ChartCanvas.H.CENTER, ChartCanvas.V.MIDDLE);
			}
		}
		// white cell separators and a frame
		c.g.setColor(Color.WHITE);
		c.stroke(1.5f);
		for (int i = 1; i < n; i++) {
			c.g.draw(new Line2D.Double(x0 + i * cell, y0, x0 + i * cell, y0 + side));
			c.g.draw(new Line2D.Double(x0, y0 + i * cell, x0 + side, y0 + i * cell));
		}
		c.g.setColor(ChartCanvas.AXIS);
		c.stroke(1f);
		c.g.draw(new Rectangle2D.Double(x0, y0, side, side));

		// class names with colour swatches
		for (int i = 0; i < n; i++) {
			final String name = c.fit(names.get(i), ChartCanvas.TICK, nameWidth);
			final Color color = EmotionPalette.colorOf(names.get(i));
			final double cy = y0 + (i + 0.5) * cell;
			c.text(name, ChartCanvas.TICK, ChartCanvas.TEXT, x0 - 22, cy, ChartCanvas.H.RIGHT, ChartCanvas.V.MIDDLE);
			swatch(c, color, x0 - 16, cy - 5);
			final double cx = x0 + (i + 0.5) * cell;
			swatch(c, color, cx - 5, y0 + side + 5);
			if (rotate) c.rotatedText(name, ChartCanvas.TICK, ChartCanvas.TEXT, cx + 4, y0 + side + 18, -angle, ChartCanvas.H.RIGHT,
				ChartCanvas.V.TOP);
			else c.text(name, ChartCanvas.TICK, ChartCanvas.TEXT, cx, y0 + side + 18, ChartCanvas.H.CENTER, ChartCanvas.V.TOP);
		}
		c.rotatedText("True emotion", ChartCanvas.AXIS_LABEL, ChartCanvas.TEXT, 16, y0 + side / 2, -Math.PI / 2,
			ChartCanvas.H.CENTER, ChartCanvas.V.TOP);
		c.text("Predicted emotion", ChartCanvas.AXIS_LABEL, ChartCanvas.TEXT, x0 + side / 2, c.height - 14, ChartCanvas.H.CENTER,
			ChartCanvas.V.BOTTOM);

		// colour bar
		final double bx = x0 + side + 34, bw = 16, bh = Math.min(side, 260), by = y0 + (side - bh) / 2;
		for (int i = 0; i < (int) bh; i++) {
			c.g.setColor(shade(1 - i / (bh - 1)));
			c.g.fill(new Rectangle2D.Double(bx, by + i, bw, 1.5));
		}
		c.g.setColor(ChartCanvas.AXIS);
		c.stroke(1f);
		c.g.draw(new Rectangle2D.Double(bx, by, bw, bh));
		for (int i = 0; i <= 4; i++) {
			final double ty = by + bh - i * bh / 4;
			final String label = shadeByRow ? (25 * i) + "%" : Long.toString(Math.round(maxCount * i / 4.0));
			c.text(label, ChartCanvas.TICK, ChartCanvas.SUBTLE, bx + bw + 5, ty, ChartCanvas.H.LEFT, ChartCanvas.V.MIDDLE);
		}
		return c.finish();
	}

	private static void swatch(final ChartCanvas c, final Color color, final double x, final double y) {
		c.g.setColor(color);
		c.g.fill(new Rectangle2D.Double(x, y, 10, 10));
		c.g.setColor(EmotionPalette.darker(color, 0.7));
		c.stroke(0.8f);
		c.g.draw(new Rectangle2D.Double(x, y, 10, 10));
	}
}
