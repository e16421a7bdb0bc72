package org.emotiontracking.core.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A heatmap (JFreeChart) of a {@link ConfusionMatrix}: true classes as rows, predicted classes as columns,
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
	public JFreeChart toJFreeChart() {
		final List<String> names = matrix.classNames();
		final int n = names.size();
		final long[][] counts = matrix.counts();
		final ClassificationMetrics metrics = new ClassificationMetrics(matrix);
		long maxCount = 0;
		for (final long[] row : counts)
			for (final long v : row) maxCount = Math.max(maxCount, v);
		final double[][] cells = new double[3][n * n];
		final XYBlockRenderer blocks = new XYBlockRenderer();
		blocks.setBlockWidth(0.97);
		blocks.setBlockHeight(0.97);
		final boolean byRow = shadeByRow;
		final long max = maxCount;
		final PaintScale scale = new PaintScale() {

			@Override
			public double getLowerBound() { return 0; }

			@Override
			public double getUpperBound() { return byRow ? 1 : Math.max(1, max); }

			@Override
			public Paint getPaint(final double value) {
				return shade(value / getUpperBound());
			}
		};
		blocks.setPaintScale(scale);
		final Font countFont = new Font(Font.SANS_SERIF, Font.BOLD, countFontSize(n));
		final Font shareFont = new Font(Font.SANS_SERIF, Font.PLAIN, n <= 8 ? 12 : 9);
		final boolean showShare = n <= 10;
		int k = 0;
		for (int t = 0; t < n; t++) {
			final long rowTotal = matrix.trueCount(t);
			for (int p = 0; p < n; p++, k++) {
				final long v = counts[t][p];
				final double share = rowTotal == 0 ? 0 : (double) v / rowTotal;
				final double z = byRow ? share : v;
				cells[0][k] = p;
				cells[1][k] = t;
				cells[2][k] = z;
				final Color ink = EmotionPalette.textColorOn(shade(z / scale.getUpperBound()));
				final XYTextAnnotation count = new XYTextAnnotation(Long.toString(v), p, showShare && rowTotal > 0 ? t
					- 0.13 : t);
				count.setFont(countFont);
				count.setPaint(ink);
				blocks.addAnnotation(count);
				if (showShare && rowTotal > 0) {
					final XYTextAnnotation pct = new XYTextAnnotation(String.format(Locale.ROOT, "%.0f%%", 100 * share),
						p, t + 0.2);
					pct.setFont(shareFont);
					pct.setPaint(ink);
					blocks.addAnnotation(pct);
				}
			}
		}
		final DefaultXYZDataset data = new DefaultXYZDataset();
		data.addSeries("cells", cells);
		final String[] labels = names.toArray(new String[0]);
		final SymbolAxis x = new SymbolAxis("Predicted emotion", labels);
		final SymbolAxis y = new SymbolAxis("True emotion", labels);
		for (final SymbolAxis a : new SymbolAxis[] { x, y }) {
			ChartStyle.axis(a);
			a.setTickLabelPaint(ChartStyle.TEXT);
			a.setGridBandsVisible(false);
			a.setRange(-0.5, n - 0.5);
		}
		if (n > 5) x.setVerticalTickLabels(true);
		y.setInverted(true);
		final XYPlot plot = new XYPlot(data, x, y, blocks);
		plot.setDomainGridlinesVisible(false);
		plot.setRangeGridlinesVisible(false);
		final JFreeChart chart = ChartStyle.chart(plot, title(), subtitleOr(String.format(Locale.ROOT,
			"accuracy %.1f%%  \u00b7  n = %d  \u00b7  shade: %s", 100 * metrics.accuracy(), metrics.total(), byRow
				? "share of true class" : "count")), false);
		final NumberAxis barAxis = new NumberAxis(byRow ? "share of true class" : "count");
		ChartStyle.axis(barAxis);
		barAxis.setRange(0, scale.getUpperBound());
		if (byRow) barAxis.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.ROOT));
		else barAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		final PaintScaleLegend legend = new PaintScaleLegend(scale, barAxis);
		legend.setPosition(RectangleEdge.RIGHT);
		legend.setStripWidth(16);
		legend.setMargin(new RectangleInsets(40, 16, 60, 0));
		legend.setBackgroundPaint(Color.WHITE);
		chart.addSubtitle(legend);
		return chart;
	}

	/** Font size of the cell counts: smaller as the matrix grows. */
	private static int countFontSize(final int classes) {
		if (classes <= 8) return 16;
		if (classes <= 14) return 12;
		return 9;
	}
}
