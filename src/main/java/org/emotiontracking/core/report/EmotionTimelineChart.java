package org.emotiontracking.core.report;

import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * One horizontal lane per face (JFreeChart), coloured by the face's emotion over time, with a legend of the
 * emotion colours ({@link EmotionPalette}). A sample lasts until the next sample of the face,
 * or one typical time step if the next one is further than {@link #maxGap} away (face lost);
 * samples without a prediction leave the lane empty.
 */
public final class EmotionTimelineChart extends Chart<EmotionTimelineChart> {

	private static final Color LANE = new Color(0xF2F2F2);

	private final EmotionTimeline timeline;
	private final List<String> classNames;
	private double maxGap = Double.NaN;

	/** A chart of {@code timeline}; the legend lists {@code classNames} in this order. */
	public EmotionTimelineChart(final EmotionTimeline timeline, final List<String> classNames) {
		super("Emotions over time");
		this.timeline = timeline;
		this.classNames = List.copyOf(classNames);
	}

	/** Sets the x-axis label, e.g. "Frame" (default "Time (s)"). */
	public EmotionTimelineChart timeAxisLabel(final String label) {
		return axisLabel(Axis.X, label);
	}

	/** The longest time between samples still drawn as continuous (default 3 typical steps). */
	public EmotionTimelineChart maxGap(final double value) {
		maxGap = value;
		return this;
	}

	@Override
	public JFreeChart toJFreeChart() {
		final List<Integer> ids = timeline.faceIds();
		final double step = timeline.typicalStep();
		final double gap = Double.isNaN(maxGap) ? 3 * step : maxGap;
		double t0 = Double.POSITIVE_INFINITY, t1 = Double.NEGATIVE_INFINITY;
		int observations = 0;
		for (final int id : ids) {
			final List<EmotionTimeline.Sample> s = timeline.samples(id);
			t0 = Math.min(t0, s.get(0).time());
			t1 = Math.max(t1, s.get(s.size() - 1).time() + step);
			observations += s.size();
		}
		final String summary = ids.isEmpty() ? "" : ids.size() + (ids.size() == 1 ? " face" : " faces") + "  \u00b7  " +
			observations + (observations == 1 ? " observation" : " observations");

		// one series per emotion (legend in class order), the empty lanes first: "no prediction"
		final Map<String, XYIntervalSeries> series = new LinkedHashMap<>();
		series.put(null, new XYIntervalSeries("no prediction"));
		for (final String name : classNames) series.put(name, new XYIntervalSeries(name));
		final double half = 0.35;
		for (int i = 0; i < ids.size(); i++) {
			series.get(null).add(t0, t0, t1, i, i - half, i + half);
			final List<EmotionTimeline.Sample> s = timeline.samples(ids.get(i));
			for (int k = 0; k < s.size(); k++) {
				final EmotionTimeline.Sample sample = s.get(k);
				if (sample.emotion() == null) continue;
				final double next = k + 1 < s.size() ? s.get(k + 1).time() : Double.POSITIVE_INFINITY;
				final double end = next - sample.time() <= gap ? next : sample.time() + step;
				series.computeIfAbsent(sample.emotion(), XYIntervalSeries::new)
					.add(sample.time(), sample.time(), end, i, i - half, i + half);
			}
		}
		final XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
		final XYBarRenderer bars = new XYBarRenderer();
		bars.setUseYInterval(true);
		bars.setBarPainter(new StandardXYBarPainter());
		bars.setShadowVisible(false);
		bars.setDrawBarOutline(false);
		int k = 0;
		for (final Map.Entry<String, XYIntervalSeries> e : series.entrySet()) {
			data.addSeries(e.getValue());
			bars.setSeriesPaint(k++, e.getKey() == null ? LANE : EmotionPalette.colorOf(e.getKey()));
		}
		final String[] labels = new String[ids.size()];
		for (int i = 0; i < labels.length; i++) labels[i] = "Face " + ids.get(i);
		final SymbolAxis faces = new SymbolAxis(null, labels);
		ChartStyle.axis(faces);
		faces.setTickLabelPaint(ChartStyle.TEXT);
		faces.setGridBandsVisible(false);
		faces.setInverted(true);
		faces.setRange(-0.6, Math.max(0, ids.size() - 1) + 0.6);
		final NumberAxis time = new NumberAxis(labelOf(Axis.X, "Time (s)"));
		ChartStyle.axis(time);
		if (!ids.isEmpty()) time.setRange(t0, t1 > t0 ? t1 : t0 + 1);
		final XYPlot plot = new XYPlot(ids.isEmpty() ? null : data, time, faces, bars);
		plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD); // the empty lanes under the emotions
		ChartStyle.grid(plot);
		plot.setRangeGridlinesVisible(false);
		plot.setNoDataMessage("No faces");
		final JFreeChart chart = ChartStyle.chart(plot, title(), subtitleOr(summary), true);
		chart.getLegend().setPosition(RectangleEdge.RIGHT);
		chart.setAntiAlias(false); // touching segments show no seams (text stays antialiased)
		return chart;
	}
}
