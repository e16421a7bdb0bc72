package org.emotiontracking.core.report;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one colour per emotion used by every chart and overlay.
 * <p>
 * Default emotions get fixed colours from the colour-blind-safe Okabe-Ito palette (disgust
 * bluish green, fear reddish purple, happy orange, neutral grey, sad blue, surprise yellow,
 * unhappy sky blue, angry vermillion). Any other name gets a stable colour from Paul Tol's muted
 * palette, chosen by a hash of the lower-cased name, so it is the same in every run and chart.
 * Names are matched ignoring case and surrounding spaces.
 */
public final class EmotionPalette {

	private static final Map<String, Color> FIXED = Map.ofEntries(
		Map.entry("disgust", new Color(0x009E73)),
		Map.entry("fear", new Color(0xCC79A7)),
		Map.entry("happy", new Color(0xE69F00)),
		Map.entry("neutral", new Color(0x999999)),
		Map.entry("sad", new Color(0x0072B2)),
		Map.entry("surprise", new Color(0xF0E442)),
		Map.entry("unhappy", new Color(0x56B4E9)),
		Map.entry("angry", new Color(0xD55E00)),
		Map.entry("anger", new Color(0xD55E00)),
		Map.entry("contempt", new Color(0x882255)));

	private static final List<Color> OTHERS = List.of(new Color(0x332288), new Color(0x88CCEE), new Color(0x44AA99),
		new Color(0x117733), new Color(0x999933), new Color(0xDDCC77), new Color(0xCC6677), new Color(0xAA4499),
		new Color(0x6699CC), new Color(0x661100));

	private EmotionPalette() {}

	/** The colour of an emotion (class) name; never null. */
	public static Color colorOf(final String emotion) {
		final String key = emotion == null ? "" : emotion.trim().toLowerCase(Locale.ROOT);
		final Color fixed = FIXED.get(key);
		if (fixed != null) return fixed;
		return OTHERS.get(Math.floorMod(key.hashCode(), OTHERS.size()));
	}

	/** The colour of an emotion as 0xRRGGBB (e.g. for ImageJ overlays). */
	public static int rgbOf(final String emotion) {
		return colorOf(emotion).getRGB() & 0xffffff;
	}

	/** Black or white, whichever is more readable on {@code background}. */
	public static Color textColorOn(final Color background) {
		return luminance(background) > 0.179 ? new Color(0x222222) : Color.WHITE;
	}

	/** A slightly darker shade of a colour, for outlines. */
	public static Color darker(final Color c, final double factor) {
		return new Color((int) Math.round(c.getRed() * factor), (int) Math.round(c.getGreen() * factor),
			(int) Math.round(c.getBlue() * factor));
	}

	/** WCAG relative luminance, 0 (black) to 1 (white). */
	static double luminance(final Color c) {
		return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
	}

	private static double linear(final int v) {
		final double s = v / 255.0;
		return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
	}
}
