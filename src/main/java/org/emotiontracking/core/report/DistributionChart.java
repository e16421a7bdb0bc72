package org.emotiontracking.core.report;

import java.awt.Color;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A bar chart of how often each emotion was predicted. Every class gets a bar in its
 * {@link EmotionPalette} colour, also when its count is 0, with the count (and share) printed
 * above it.
 */
public final class DistributionChart extends Chart<DistributionChart> {

	private final List<String> classNames;
	private final long[] counts;
	private String valueAxisLabel = "Number of predictions";
	private String categoryAxisLabel = "Predicted emotion";

	/** A chart of {@code counts[i]} predictions of class {@code classNames.get(i)}. */
	public DistributionChart(final List<String> classNames, final long[] counts) {
		super("Distribution of predicted emotions");
		if (classNames.isEmpty() || classNames.size() != counts.length) throw new IllegalArgumentException(
			counts.length + " counts for " + classNames.size() + " classes");
		this.classNames = List.copyOf(classNames);
		this.counts = counts.clone();
	}

	/** Counts the predictions of the given rows (rows without a prediction, or with a name outside the classes, are skipped). */
	public static DistributionChart fromRows(final List<String> classNames, final Iterable<PredictionRow> rows) {
		final long[] counts = new long[classNames.size()];
		for (final PredictionRow r : rows) {
			if (!r.hasPrediction()) continue;
			final int i = classNames.indexOf(r.predictedEmotion());
			if (i >= 0) counts[i]++;
		}
		return new DistributionChart(classNames, counts);
	}

	/** Sets the y-axis label (default "Number of predictions"). */
	public DistributionChart valueAxisLabel(final String label) {
		valueAxisLabel = label;
		return this;
	}

	/** Sets the x-axis label (default "Predicted emotion"). */
	public DistributionChart categoryAxisLabel(final String label) {
		categoryAxisLabel = label;
		return this;
	}

	/** The counts, in class order (a copy). */
	public long[] counts() { return counts.clone(); }

	@Override
	public BufferedImage render() {
		final ChartCanvas c = new ChartCanvas(width(), height());
		final int n = classNames.size();
		long total = 0, max = 0;
		for (final long v : counts) {
			total += v;
			max = Math.max(max, v);
		}
		final int top = c.title(title(), subtitleOr("n = " + total + (total == 1 ? " prediction" : " predictions")));

		final AxisScale y = AxisScale.of(0, Math.max(1, max * 1.12), 6, true);
		double tickWidth = 0;
		for (final double t : y.ticks()) tickWidth = Math.max(tickWidth, c.textWidth(y.label(t), ChartCanvas.TICK));
		final double left = 16 + c.lineHeight(ChartCanvas.AXIS_LABEL) + 10 + tickWidth + 8;
		final double right = c.width - 24;
		final double slot = (right - left) / n;

		// category labels: horizontal if they fit, else rotated
		double labelWidth = 0;
		for (final String name : classNames) labelWidth = Math.max(labelWidth, c.textWidth(name, ChartCanvas.TICK));
		final boolean rotate = labelWidth > slot * 0.95;
		final double angle = Math.toRadians(35);
		final double maxLabel = Math.min(labelWidth, c.height * 0.22 / Math.sin(angle));
		final double labelsHeight = rotate ? maxLabel * Math.sin(angle) + c.lineHeight(ChartCanvas.TICK) : c.lineHeight(ChartCanvas.TICK);
		final double bottom = c.height - 14 - c.lineHeight(ChartCanvas.AXIS_LABEL) - 10 - labelsHeight - 8;
		final double plotTop = top + 4;

		// grid and value axis
		c.stroke(1f);
		for (final double t : y.ticks()) {
			final double py = y.map(t, bottom, plotTop);
			c.g.setColor(ChartCanvas.GRID);
			c.g.draw(new Line2D.Double(left, py, right, py));
			c.text(y.label(t), ChartCanvas.TICK, ChartCanvas.SUBTLE, left - 8, py, ChartCanvas.H.RIGHT, ChartCanvas.V.MIDDLE);
		}
		c.rotatedText(valueAxisLabel, ChartCanvas.AXIS_LABEL, ChartCanvas.TEXT, 16, (plotTop + bottom) / 2, -Math.PI / 2,
			ChartCanvas.H.CENTER, ChartCanvas.V.TOP);

		// bars
		final double barWidth = Math.min(slot * 0.68, 120);
		for (int i = 0; i < n; i++) {
			final Color color = EmotionPalette.colorOf(classNames.get(i));
			final double cx = left + slot * (i + 0.5);
			final double py = counts[i] == 0 ? bottom - 3 : y.map(counts[i], bottom, plotTop);
			final Rectangle2D bar = new Rectangle2D.Double(cx - barWidth / 2, py, barWidth, bottom - py);
			c.g.setColor(color);
			c.g.fill(bar);
			if (counts[i] > 0) {
				c.g.setColor(EmotionPalette.darker(color, 0.75));
				c.stroke(1f);
				c.g.draw(bar);
			}
			final String count = Long.toString(counts[i]);
			final long percent = total > 0 ? Math.round(100.0 * counts[i] / total) : 0;
			final String share = total == 0 ? "" : percent == 0 && counts[i] > 0 ? " (<1%)" : " (" + percent + "%)";
			final String label = c.textWidth(count + share, ChartCanvas.VALUE) <= slot * 0.98 ? count + share : count;
			c.text(label, ChartCanvas.VALUE, ChartCanvas.TEXT, cx, py - 5, ChartCanvas.H.CENTER, ChartCanvas.V.BOTTOM);
			final String name = c.fit(classNames.get(i), ChartCanvas.TICK, rotate ? maxLabel : slot * 0.98);
			if (rotate) c.rotatedText(name, ChartCanvas.TICK, ChartCanvas.TEXT, cx + 4, bottom + 8, -angle, ChartCanvas.H.RIGHT,
				ChartCanvas.V.TOP);
			else c.text(name, ChartCanvas.TICK, ChartCanvas.TEXT, cx, bottom + 8, ChartCanvas.H.CENTER, ChartCanvas.V.TOP);
		}

		// baseline and category axis label
		c.g.setColor(ChartCanvas.AXIS);
		c.stroke(1.2f);
		c.g.draw(new Line2D.Double(left, bottom, right, bottom));
		c.text(categoryAxisLabel, ChartCanvas.AXIS_LABEL, ChartCanvas.TEXT, (left + right) / 2, c.height - 14,
			ChartCanvas.H.CENTER, ChartCanvas.V.BOTTOM);
		return c.finish();
	}
}
