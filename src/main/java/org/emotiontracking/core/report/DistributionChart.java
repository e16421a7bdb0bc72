package org.emotiontracking.core.report;

import java.awt.Paint;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A bar chart (JFreeChart) of how often each emotion was predicted. Every class gets a bar in its
 * {@link EmotionPalette} colour, also when its count is 0, with the count (and share) printed
 * above it.
 */
public final class DistributionChart extends Chart<DistributionChart> {

	private final List<String> classNames;
	private final long[] counts;

	/** A chart of {@code counts[i]} predictions of class {@code classNames.get(i)}. */
	public DistributionChart(final List<String> classNames, final long[] counts) {
		super("Distribution of predicted emotions");
		if (classNames.isEmpty() || classNames.size() != counts.length) throw new IllegalArgumentException(
			counts.length + " counts for " + classNames.size() + " classes");
		this.classNames = List.copyOf(classNames);
		this.counts = counts.clone();
	}

	/** Counts the predictions of the given rows (rows without a prediction, or with a name outside the classes, are
	 * skipped). */
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
		return axisLabel(Axis.Y, label);
	}

	/** Sets the x-axis label (default "Predicted emotion"). */
	public DistributionChart categoryAxisLabel(final String label) {
		return axisLabel(Axis.X, label);
	}

	/** The counts, in class order (a copy). */
	public long[] counts() { return counts.clone(); }

	@Override
	public JFreeChart toJFreeChart() {
		long total = 0;
		for (final long v : counts) total += v;
		final DefaultCategoryDataset data = new DefaultCategoryDataset();
		long max = 0;
		for (final long v : counts) max = Math.max(max, v);
		final double stub = Math.max(1, max) * 0.012; // a bar of 0 still shows its colour; its label says 0
		for (int i = 0; i < classNames.size(); i++) data.addValue(counts[i] == 0 ? stub : counts[i], "predictions",
			classNames.get(i));
		final long all = total;
		final BarRenderer bars = new BarRenderer() {

			private static final long serialVersionUID = 1L;

			@Override
			public Paint getItemPaint(final int row, final int column) {
				return EmotionPalette.colorOf(classNames.get(column));
			}

			@Override
			public Paint getItemOutlinePaint(final int row, final int column) {
				return EmotionPalette.darker(EmotionPalette.colorOf(classNames.get(column)), 0.75);
			}
		};
		bars.setBarPainter(new StandardBarPainter());
		bars.setShadowVisible(false);
		bars.setDrawBarOutline(true);
		bars.setMaximumBarWidth(0.12);
		bars.setItemMargin(0);
		bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {

			private static final long serialVersionUID = 1L;

			@Override
			public String generateLabel(final CategoryDataset dataset, final int row, final int column) {
				final long v = counts[column];
				final long percent = all > 0 ? Math.round(100.0 * v / all) : 0;
				if (all == 0 || classNames.size() > 8) return Long.toString(v); // narrow bars: the count only
				return v + (percent == 0 && v > 0 ? " (<1%)" : " (" + percent + "%)");
			}
		});
		bars.setDefaultItemLabelsVisible(true);
		bars.setDefaultItemLabelFont(ChartStyle.VALUE);
		bars.setDefaultItemLabelPaint(ChartStyle.TEXT);
		bars.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12,
			TextAnchor.BOTTOM_CENTER));

		final CategoryAxis x = new CategoryAxis(labelOf(Axis.X, "Predicted emotion"));
		ChartStyle.axis(x);
		x.setTickLabelPaint(ChartStyle.TEXT);
		x.setCategoryMargin(0.3);
		x.setMaximumCategoryLabelLines(2);
		if (classNames.size() > 8) x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
		final NumberAxis y = new NumberAxis(labelOf(Axis.Y, "Number of predictions"));
		ChartStyle.axis(y);
		y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		y.setUpperMargin(0.12);
		if (max == 0) y.setRange(0, 1);
		final CategoryPlot plot = new CategoryPlot(data, x, y, bars);
		ChartStyle.grid(plot);
		return ChartStyle.chart(plot, title(), subtitleOr("n = " + total
			+ (total == 1 ? " prediction" : " predictions")), false);
	}
}
