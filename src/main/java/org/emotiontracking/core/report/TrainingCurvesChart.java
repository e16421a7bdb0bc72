package org.emotiontracking.core.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Training curves (JFreeChart): loss (top) and accuracy (bottom) per epoch, training as solid blue lines,
 * validation as dashed vermillion lines.
 */
public final class TrainingCurvesChart extends Chart<TrainingCurvesChart> {

	static final Color TRAIN = new Color(0x0072B2);
	static final Color VALIDATION = new Color(0xD55E00);

	private final List<EpochResult> epochs;

	public TrainingCurvesChart(final List<EpochResult> epochs) {
		super("Training history");
		this.epochs = List.copyOf(epochs);
	}

	@Override
	public JFreeChart toJFreeChart() {
		final boolean validation = epochs.stream().anyMatch(EpochResult::hasValidation);
		final NumberAxis epoch = new NumberAxis("Epoch");
		ChartStyle.axis(epoch);
		epoch.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		if (!epochs.isEmpty()) {
			final int first = epochs.get(0).epoch(), last = epochs.get(epochs.size() - 1).epoch();
			epoch.setRange(first == last ? first - 1 : first - 0.2, first == last ? last + 1 : last + 0.2);
		}
		final CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epoch);
		plot.setGap(18);
		final NumberAxis loss = new NumberAxis("Loss");
		loss.setAutoRangeIncludesZero(true);
		final NumberAxis accuracy = new NumberAxis("Accuracy");
		accuracy.setRange(0, 1.02);
		plot.add(panel(loss, EpochResult::loss, EpochResult::validationLoss, validation), 1);
		plot.add(panel(accuracy, EpochResult::accuracy, EpochResult::validationAccuracy, validation), 1);
		plot.setNoDataMessage("No epochs yet");
		plot.setFixedLegendItems(((XYPlot) plot.getSubplots().get(0)).getLegendItems()); // once, not per panel
		final JFreeChart chart = ChartStyle.chart(plot, title(), subtitleOr(summary(validation)), true);
		final LegendTitle legend = chart.getLegend();
		chart.removeLegend();
		legend.setPosition(RectangleEdge.TOP);
		if (!epochs.isEmpty()) chart.addSubtitle(legend); // below the subtitle
		return chart;
	}

	private XYPlot panel(final NumberAxis axis, final ToDoubleFunction<EpochResult> train,
		final ToDoubleFunction<EpochResult> val, final boolean validation)
	{
		ChartStyle.axis(axis);
		final XYSeriesCollection data = new XYSeriesCollection();
		data.addSeries(series("training", train));
		if (validation) data.addSeries(series("validation", val));
		final XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, epochs.size() <= 40);
		lines.setSeriesPaint(0, TRAIN);
		lines.setSeriesStroke(0, lineStroke(false));
		lines.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
		lines.setSeriesPaint(1, VALIDATION);
		lines.setSeriesStroke(1, lineStroke(true));
		lines.setSeriesShape(1, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
		lines.setDrawSeriesLineAsPath(true);
		final XYPlot p = new XYPlot(data, null, axis, lines);
		p.setBackgroundPaint(Color.WHITE);
		p.setOutlineVisible(false);
		ChartStyle.grid(p);
		return p;
	}

	private XYSeries series(final String name, final ToDoubleFunction<EpochResult> f) {
		final XYSeries s = new XYSeries(name, false, true);
		for (final EpochResult e : epochs) {
			final double v = f.applyAsDouble(e);
			s.add(e.epoch(), Double.isFinite(v) ? (Double) v : null);
		}
		return s;
	}

	private String summary(final boolean validation) {
		if (epochs.isEmpty()) return "";
		double seconds = 0;
		EpochResult best = null;
		for (final EpochResult e : epochs) {
			seconds += finite(e.seconds());
			final double acc = validation ? e.validationAccuracy() : e.accuracy();
			if (!Double.isNaN(acc) && (best == null || acc > (validation ? best.validationAccuracy()
				: best.accuracy()))) best = e;
		}
		final String time = seconds >= 120 ? String.format(Locale.ROOT, "%.1f min", seconds / 60)
			: String.format(Locale.ROOT, "%.0f s", seconds);
		final String bestText = best == null ? "" : String.format(Locale.ROOT, "best %s %.3f (epoch %d)  \u00b7  ",
			validation ? "validation accuracy" : "training accuracy", validation ? best.validationAccuracy()
			: best.accuracy(), best.epoch());
		return bestText + epochs.size() + (epochs.size() == 1 ? " epoch" : " epochs") + "  \u00b7  " + time;
	}

	private static double finite(final double v) {
		return Double.isFinite(v) ? v : 0;
	}

	private static BasicStroke lineStroke(final boolean dashed) {
		return dashed ? new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] { 8f, 5f },
			0f) : new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
	}
}
