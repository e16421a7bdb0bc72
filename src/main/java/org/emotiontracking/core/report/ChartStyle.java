package org.emotiontracking.core.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;

/** The look every JFreeChart chart here shares: fonts, colours, white background, light grid. */
final class ChartStyle {

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

	private ChartStyle() {}

	/** A chart of {@code plot} with the title and subtitle (either may be null or empty). */
	static JFreeChart chart(final Plot plot, final String title, final String subtitle, final boolean legend) {
		final JFreeChart chart = new JFreeChart(null, TITLE, plot, legend);
		chart.setBackgroundPaint(Color.WHITE);
		chart.setPadding(new RectangleInsets(8, 10, 8, 14));
		chart.setRenderingHints(new RenderingHints(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON));
		chart.getRenderingHints().put(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		if (title != null && !title.isEmpty()) {
			final TextTitle t = new TextTitle(title, TITLE);
			t.setPaint(TEXT);
			chart.setTitle(t);
		}
		if (subtitle != null && !subtitle.isEmpty()) {
			final TextTitle s = new TextTitle(subtitle, SUBTITLE);
			s.setPaint(SUBTLE);
			s.setPadding(new RectangleInsets(2, 0, 8, 0));
			chart.addSubtitle(s);
		}
		final LegendTitle l = chart.getLegend();
		if (l != null) {
			l.setItemFont(LEGEND);
			l.setItemPaint(TEXT);
			l.setFrame(BlockBorder.NONE);
			l.setBackgroundPaint(Color.WHITE);
		}
		plot.setBackgroundPaint(Color.WHITE);
		plot.setOutlineVisible(false);
		plot.setNoDataMessageFont(AXIS_LABEL);
		plot.setNoDataMessagePaint(SUBTLE);
		return chart;
	}

	static void axis(final Axis axis) {
		axis.setLabelFont(AXIS_LABEL);
		axis.setLabelPaint(TEXT);
		axis.setTickLabelFont(TICK);
		axis.setTickLabelPaint(SUBTLE);
		axis.setAxisLinePaint(AXIS);
	}

	static void grid(final XYPlot plot) {
		plot.setDomainGridlinePaint(GRID);
		plot.setRangeGridlinePaint(GRID);
		plot.setDomainGridlineStroke(new BasicStroke(1f));
		plot.setRangeGridlineStroke(new BasicStroke(1f));
	}

	static void grid(final CategoryPlot plot) {
		plot.setRangeGridlinePaint(GRID);
		plot.setRangeGridlineStroke(new BasicStroke(1f));
		plot.setDomainGridlinesVisible(false);
	}
}
