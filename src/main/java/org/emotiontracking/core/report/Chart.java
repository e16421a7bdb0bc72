package org.emotiontracking.core.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import org.jfree.chart.JFreeChart;

/**
 * A chart drawn by JFreeChart (which Fiji ships) to an RGB image (800 x 500 pixels unless
 * {@link #size resized}), with a title, an optional subtitle and axis labels (each chart has its own,
 * {@link #axisLabel(Axis, String) replaceable}); works headless.
 *
 * @param <C> the concrete chart type, for chained setters
 */
public abstract class Chart<C extends Chart<C>> {

	/** Default width in pixels. */
	public static final int DEFAULT_WIDTH = 800;
	/** Default height in pixels. */
	public static final int DEFAULT_HEIGHT = 500;

	private int width = DEFAULT_WIDTH;
	private int height = DEFAULT_HEIGHT;
	private String title;
	private String subtitle;
	private final Map<Axis, String> axisLabels = new EnumMap<>(Axis.class);

	/** The axes of a chart whose labels can be set: the horizontal and the vertical one. */
	public enum Axis { X, Y }

	protected Chart(final String defaultTitle) {
		title = defaultTitle;
	}

	@SuppressWarnings("unchecked")
	private C self() {
		return (C) this;
	}

	/** Sets the title (null or empty for none). */
	public C title(final String value) {
		title = value;
		return self();
	}

	/** Sets the subtitle; by default each chart shows a short summary of its data. */
	public C subtitle(final String value) {
		subtitle = value;
		return self();
	}

	/** Sets the label of an axis (null for none) instead of the chart's own. */
	public C axisLabel(final Axis axis, final String label) {
		axisLabels.put(axis, label);
		return self();
	}

	/** The label of {@code axis}: the one set, else the chart's own {@code otherwise}. */
	protected String labelOf(final Axis axis, final String otherwise) {
		return axisLabels.getOrDefault(axis, otherwise);
	}

	/** Sets the image size in pixels (at least 200 x 150). */
	public C size(final int w, final int h) {
		if (w < 200 || h < 150) throw new IllegalArgumentException("Chart too small: " + w + "x" + h);
		width = w;
		height = h;
		return self();
	}

	public String title() { return title; }

	public int width() { return width; }

	public int height() { return height; }

	/** The subtitle, or the chart's own summary if none was set. */
	protected String subtitleOr(final String summary) {
		return subtitle != null ? subtitle : summary;
	}

	/** The JFreeChart chart (title, subtitle, plot), e.g. to show it in a chart panel. */
	public abstract JFreeChart toJFreeChart();

	/** Renders the chart. */
	public BufferedImage render() {
		final BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		final Graphics2D g = image.createGraphics();
		try {
			toJFreeChart().draw(g, new Rectangle2D.Double(0, 0, width, height));
		}
		finally {
			g.dispose();
		}
		return image;
	}

	/** Renders the chart and writes it as PNG, atomically. */
	public void writePng(final Path file, final boolean overwrite) throws IOException {
		PngFiles.write(render(), file, overwrite);
	}
}
