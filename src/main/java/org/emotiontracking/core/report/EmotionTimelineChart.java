package org.emotiontracking.core.report;

import java.awt.Color;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * One horizontal lane per face, coloured by the face's emotion over time, with a legend of the
 * emotion colours ({@link EmotionPalette}). A sample lasts until the next sample of the face,
 * or one typical time step if the next one is further than {@link #maxGap} away (face lost);
 * samples without a prediction leave the lane empty.
 */
public final class EmotionTimelineChart extends Chart<EmotionTimelineChart> {

	private static final Color LANE = new Color(0xF2F2F2);

	private final EmotionTimeline timeline;
	private final List<String> classNames;
	private String timeAxisLabel = "Time (s)";
	private double maxGap = Double.NaN;

	/** A chart of {@code timeline}; the legend lists {@code classNames} in this order. */
	public EmotionTimelineChart(final EmotionTimeline timeline, final List<String> classNames) {
		super("Emotions over time");
		this.timeline = timeline;
		this.classNames = List.copyOf(classNames);
	}

	/** Sets the x-axis label, e.g. "Frame" (default "Time (s)"). */
	public EmotionTimelineChart timeAxisLabel(final String label) {
		timeAxisLabel = label;
		return this;
	}

	/** The longest time between samples still drawn as continuous (default 3 typical steps). */
	public EmotionTimelineChart maxGap(final double value) {
		maxGap = value;
		return this;
	}

	@Override
	public BufferedImage render() {
		final ChartCanvas c = new ChartCanvas(width(), height());
		final List<Integer> ids = timeline.faceIds();
		final double step = timeline.typicalStep();
		final double gap = Double.isNaN(maxGap) ? 3 * step : maxGap;
		double t0 = Double.POSITIVE_INFINITY, t1 = Double.NEGATIVE_INFINITY;
		for (final int id : ids) {
			final List<EmotionTimeline.Sample> s = timeline.samples(id);
			t0 = Math.min(t0, s.get(0).time());
			t1 = Math.max(t1, s.get(s.size() - 1).time() + step);
		}
		int observations = 0;
		for (final int id : ids) observations += timeline.samples(id).size();
		final String summary = ids.isEmpty() ? "" : ids.size() + (ids.size() == 1 ? " face" : " faces") + "  \u00b7  " +
			observations + (observations == 1 ? " observation" : " observations");
		final int top = c.title(title(), subtitleOr(summary));

		// legend on the right
		double legendW = c.textWidth("no prediction", ChartCanvas.LEGEND);
		for (final String name : classNames) legendW = Math.max(legendW, c.textWidth(name, ChartCanvas.LEGEND));
		legendW = Math.min(legendW, c.width * 0.2) + 22;
		final double right = c.width - 20 - legendW - 24;
		final int lh = c.lineHeight(ChartCanvas.LEGEND) + 6;
		double ly = top + 6;
		c.text("Emotion", ChartCanvas.VALUE, ChartCanvas.TEXT, right + 24, ly, ChartCanvas.H.LEFT, ChartCanvas.V.TOP);
		ly += lh + 2;
		for (final String name : classNames) {
			legendEntry(c, right + 24, ly, EmotionPalette.colorOf(name), c.fit(name, ChartCanvas.LEGEND, legendW - 22));
			ly += lh;
		}
		legendEntry(c, right + 24, ly, LANE, "no prediction");

		// lane labels on the left
		final String[] labels = new String[ids.size()];
		double labelW = 0;
		for (int i = 0; i < ids.size(); i++) {
			labels[i] = "Face " + ids.get(i);
			labelW = Math.max(labelW, c.textWidth(labels[i], ChartCanvas.TICK));
		}
		final double left = 16 + labelW + 10;
		final double bottom = c.height - 14 - c.lineHeight(ChartCanvas.AXIS_LABEL) - 6 - c.lineHeight(ChartCanvas.TICK) - 8;
		final double plotTop = top + 6;
		if (ids.isEmpty()) {
			c.emptyMessage("No faces", left, plotTop, right - left, bottom - plotTop);
			return c.finish();
		}

		final AxisScale xs = AxisScale.of(t0, t1, 8, false);
		final double laneH = Math.min(44, (bottom - plotTop) / ids.size());
		final double lanesTop = plotTop + Math.max(0, (bottom - plotTop - laneH * ids.size()) / 2);
		final double bar = Math.max(1, laneH * 0.7);

		c.stroke(1f);
		for (final double t : xs.ticks()) {
			final double px = xs.map(t, left, right);
			c.g.setColor(ChartCanvas.GRID);
			c.g.draw(new Line2D.Double(px, plotTop, px, bottom));
			c.text(xs.label(t), ChartCanvas.TICK, ChartCanvas.SUBTLE, px, bottom + 8, ChartCanvas.H.CENTER, ChartCanvas.V.TOP);
		}
		final boolean showLabels = laneH >= c.lineHeight(ChartCanvas.TICK) - 2;
		for (int i = 0; i < ids.size(); i++) {
			final double y = lanesTop + i * laneH + (laneH - bar) / 2;
			c.g.setColor(LANE);
			c.g.fill(new Rectangle2D.Double(left, y, right - left, bar));
			if (showLabels) c.text(labels[i], ChartCanvas.TICK, ChartCanvas.TEXT, left - 10, y + bar / 2, ChartCanvas.H.RIGHT,
				ChartCanvas.V.MIDDLE);
			final List<EmotionTimeline.Sample> s = timeline.samples(ids.get(i));
			for (int k = 0; k < s.size(); k++) {
				final EmotionTimeline.Sample sample = s.get(k);
				if (sample.emotion() == null) continue;
				final double next = k + 1 < s.size() ? s.get(k + 1).time() : Double.POSITIVE_INFINITY;
				final double end = next - sample.time() <= gap ? next : sample.time() + step;
				final double x0 = xs.map(sample.time(), left, right), x1 = xs.map(end, left, right);
				c.g.setColor(EmotionPalette.colorOf(sample.emotion()));
				// overlap by a fraction of a pixel so touching segments show no seams
				c.g.fill(new Rectangle2D.Double(x0, y, Math.max(1, x1 - x0 + 0.5), bar));
			}
		}
		c.g.setColor(ChartCanvas.AXIS);
		c.stroke(1.2f);
		c.g.draw(new Line2D.Double(left, bottom, right, bottom));
		c.text(timeAxisLabel, ChartCanvas.AXIS_LABEL, ChartCanvas.TEXT, (left + right) / 2, c.height - 14, ChartCanvas.H.CENTER,
			ChartCanvas.V.BOTTOM);
		return c.finish();
	}

	private static void legendEntry(final ChartCanvas c, final double x, final double y, final Color color, final String label) {
		final double h = c.lineHeight(ChartCanvas.LEGEND);
		c.g.setColor(color);
		c.g.fill(new Rectangle2D.Double(x, y + h / 2 - 6, 14, 12));
		c.g.setColor(EmotionPalette.darker(color, 0.75));
		c.stroke(0.8f);
		c.g.draw(new Rectangle2D.Double(x, y + h / 2 - 6, 14, 12));
		c.text(label, ChartCanvas.LEGEND, ChartCanvas.TEXT, x + 22, y + h / 2, ChartCanvas.H.LEFT, ChartCanvas.V.MIDDLE);
	}
}
