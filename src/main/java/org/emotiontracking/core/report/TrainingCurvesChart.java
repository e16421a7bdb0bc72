package org.emotiontracking.core.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Training curves: loss (left) and accuracy (right) per epoch, training as solid blue lines,
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
	public BufferedImage render() {
		final ChartCanvas c = new ChartCanvas(width(), height());
		final boolean validation = epochs.stream().anyMatch(EpochResult::hasValidation);
		final int top = c.title(title(), subtitleOr(summary(validation)));

		// legend
		final int legendY = top + 2;
		final double trainW = 34 + c.textWidth("training", ChartCanvas.LEGEND);
		final double totalW = trainW + (validation ? 24 + 34 + c.textWidth("validation", ChartCanvas.LEGEND) : 0);
		double lx = (c.width - totalW) / 2;
		legendEntry(c, lx, legendY, TRAIN, false, "training");
		if (validation) legendEntry(c, lx + trainW + 24, legendY, VALIDATION, true, "validation");
		final double panelTop = legendY + c.lineHeight(ChartCanvas.LEGEND) + 10;

		if (epochs.isEmpty()) {
			c.emptyMessage("No epochs yet", 0, panelTop, c.width, c.height - panelTop);
			return c.finish();
		}
		final double gap = 40;
		final double panelW = (c.width - 20 - gap) / 2;
		double lossMax = 0;
		for (final EpochResult e : epochs) {
			lossMax = Math.max(lossMax, finite(e.loss()));
			lossMax = Math.max(lossMax, finite(e.validationLoss()));
		}
		panel(c, 10, panelTop, panelW, c.height - panelTop, "Loss", AxisScale.of(0, lossMax * 1.05, 6, false),
			EpochResult::loss, EpochResult::validationLoss, validation);
		panel(c, 10 + panelW + gap, panelTop, panelW, c.height - panelTop, "Accuracy", AxisScale.fixed(0, 1, 6),
			EpochResult::accuracy, EpochResult::validationAccuracy, validation);
		return c.finish();
	}

	private String summary(final boolean validation) {
		if (epochs.isEmpty()) return "";
		double seconds = 0;
		EpochResult best = null;
		for (final EpochResult e : epochs) {
			seconds += finite(e.seconds());
			final double acc = validation ? e.validationAccuracy() : e.accuracy();
			if (!Double.isNaN(acc) && (best == null || acc > (validation ? best.validationAccuracy() : best.accuracy()))) best = e;
		}
		final String time = seconds >= 120 ? String.format(Locale.ROOT, "%.1f min", seconds / 60) : String.format(Locale.ROOT, "%.0f s", seconds);
		final String bestText = best == null ? "" : String.format(Locale.ROOT, "best %s %.3f (epoch %d)  \u00b7  ",
			validation ? "validation accuracy" : "training accuracy", validation ? best.validationAccuracy() : best.accuracy(), best.epoch());
		return bestText + epochs.size() + (epochs.size() == 1 ? " epoch" : " epochs") + "  \u00b7  " + time;
	}

	private static double finite(final double v) {
		return Double.isFinite(v) ? v : 0;
	}

	private static void legendEntry(final ChartCanvas c, final double x, final double y, final Color color, final boolean dashed,
		final String label)
	{
		final double my = y + c.lineHeight(ChartCanvas.LEGEND) / 2.0;
		c.g.setColor(color);
		c.g.setStroke(lineStroke(dashed));
		c.g.draw(new Line2D.Double(x, my, x + 26, my));
		c.g.fill(new Ellipse2D.Double(x + 13 - 3.5, my - 3.5, 7, 7));
		c.text(label, ChartCanvas.LEGEND, ChartCanvas.TEXT, x + 34, my, ChartCanvas.H.LEFT, ChartCanvas.V.MIDDLE);
	}

	private static BasicStroke lineStroke(final boolean dashed) {
		return dashed ? new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] { 8f, 5f }, 0f)
			: new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
	}

	private void panel(final ChartCanvas c, final double x, final double y, final double w, final double h, final String name,
		final AxisScale ys, final ToDoubleFunction<EpochResult> train, final ToDoubleFunction<EpochResult> val,
		final boolean validation)
	{
		c.text(name, ChartCanvas.AXIS_LABEL, ChartCanvas.TEXT, x + w / 2, y, ChartCanvas.H.CENTER, ChartCanvas.V.TOP);
		double tickWidth = 0;
		for (final double t : ys.ticks()) tickWidth = Math.max(tickWidth, c.textWidth(ys.label(t), ChartCanvas.TICK));
		final double left = x + tickWidth + 8;
		final double right = x + w - 8;
		final double top = y + c.lineHeight(ChartCanvas.AXIS_LABEL) + 8;
		final double bottom = y + h - 14 - c.lineHeight(ChartCanvas.AXIS_LABEL) - 6 - c.lineHeight(ChartCanvas.TICK) - 6;

		final int first = epochs.get(0).epoch(), last = epochs.get(epochs.size() - 1).epoch();
		final AxisScale xs = first == last ? AxisScale.fixed(first - 1, last + 1, 3)
			: AxisScale.of(first, last, Math.min(10, last - first + 1), true);
		final double xFrom = first == last ? xs.map(first, left, right) : left;

		c.stroke(1f);
		for (final double t : ys.ticks()) {
			final double py = ys.map(t, bottom, top);
			c.g.setColor(ChartCanvas.GRID);
			c.g.draw(new Line2D.Double(left, py, right, py));
			c.text(ys.label(t), ChartCanvas.TICK, ChartCanvas.SUBTLE, left - 6, py, ChartCanvas.H.RIGHT, ChartCanvas.V.MIDDLE);
		}
		for (final double t : xs.ticks()) {
			if (t < first || t > last) continue;
			final double px = mapEpoch(t, first, last, left, right, xFrom);
			c.g.setColor(ChartCanvas.GRID);
			c.g.draw(new Line2D.Double(px, top, px, bottom));
			c.text(xs.label(t), ChartCanvas.TICK, ChartCanvas.SUBTLE, px, bottom + 6, ChartCanvas.H.CENTER, ChartCanvas.V.TOP);
		}
		c.g.setColor(ChartCanvas.AXIS);
		c.stroke(1.2f);
		c.g.draw(new Line2D.Double(left, bottom, right, bottom));
		c.g.draw(new Line2D.Double(left, top, left, bottom));
		c.text("Epoch", ChartCanvas.AXIS_LABEL, ChartCanvas.TEXT, (left + right) / 2, y + h - 14, ChartCanvas.H.CENTER,
			ChartCanvas.V.BOTTOM);

		series(c, ys, train, TRAIN, false, first, last, left, right, top, bottom, xFrom);
		if (validation) series(c, ys, val, VALIDATION, true, first, last, left, right, top, bottom, xFrom);
	}

	private static double mapEpoch(final double e, final int first, final int last, final double left, final double right,
		final double xFrom)
	{
		return first == last ? xFrom : left + (e - first) / (last - first) * (right - left);
	}

	private void series(final ChartCanvas c, final AxisScale ys, final ToDoubleFunction<EpochResult> f, final Color color,
		final boolean dashed, final int first, final int last, final double left, final double right, final double top,
		final double bottom, final double xFrom)
	{
		final Path2D.Double path = new Path2D.Double();
		boolean started = false;
		final double r = epochs.size() <= 40 ? 3.5 : 0;
		c.g.setColor(color);
		for (final EpochResult e : epochs) {
			final double v = f.applyAsDouble(e);
			if (!Double.isFinite(v)) {
				started = false;
				continue;
			}
			final double px = mapEpoch(e.epoch(), first, last, left, right, xFrom);
			final double py = Math.max(top, Math.min(bottom, ys.map(v, bottom, top)));
			if (started) path.lineTo(px, py);
			else path.moveTo(px, py);
			started = true;
			if (r > 0) c.g.fill(new Ellipse2D.Double(px - r, py - r, 2 * r, 2 * r));
		}
		c.g.setStroke(lineStroke(dashed));
		c.g.draw(path);
	}
}
