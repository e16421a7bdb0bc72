package org.emotiontracking.core.report;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Where a face's label (e.g. "unhappy 87.3%") goes so that all of it is inside the image: above the
 * box when there is room, else inside its top edge, moved left as far as needed; when it is wider than
 * the image, in a smaller font (down to {@code minSize}), then on two lines ("unhappy" over "87.3%").
 * Only when even that is wider than the image (images narrower than about 30 px) does the label run
 * past the right edge. The same layout serves Java2D (sizes in pixels) and OpenCV (font scales):
 * the caller measures text with the font it draws with.
 */
public final class LabelLayout {

	/** Text extent at a font size, as measured by the font that will draw it. */
	@FunctionalInterface
	public interface TextMeasure {

		/** {width, height} in pixels of one line of {@code text} at font {@code size}. */
		int[] measure(String text, double size);
	}

	/** A placed label: its tag rectangle, the font size, and the lines, top to bottom. */
	public static final class Placement {

		public final int x, y, width, height;
		public final double size;
		public final List<String> lines;
		/** Height of one line, padding excluded. */
		public final int lineHeight;
		/** Padding between the tag's edge and the text on every side. */
		public final int pad;

		Placement(final int x, final int y, final int width, final int height, final double size,
			final List<String> lines, final int lineHeight, final int pad)
		{
			this.x = x;
			this.y = y;
			this.width = width;
			this.height = height;
			this.size = size;
			this.lines = Collections.unmodifiableList(lines);
			this.lineHeight = lineHeight;
			this.pad = pad;
		}

		/** Whether the tag lies entirely inside an image of this size. */
		public boolean inside(final int imageWidth, final int imageHeight) {
			return x >= 0 && y >= 0 && x + width <= imageWidth && y + height <= imageHeight;
		}

		@Override
		public String toString() {
			return lines + " at " + x + "," + y + " " + width + "x" + height + " size " + size;
		}
	}

	private LabelLayout() {}

	/**
	 * Places {@code text} for the box ({@code boxX, boxY}) in an image of {@code imageWidth} x
	 * {@code imageHeight}.
	 *
	 * @param size    the preferred font size
	 * @param minSize the smallest font size to shrink to
	 * @param step    how much smaller each try is (e.g. 1 px, or 0.05 of an OpenCV scale)
	 * @param pad     padding on each side of the text, in pixels
	 */
	public static Placement place(final String text, final int boxX, final int boxY, final int imageWidth,
		final int imageHeight, final double size, final double minSize, final double step, final int pad,
		final TextMeasure measure)
	{
		final List<String> one = Collections.singletonList(text);
		final int space = text.lastIndexOf(' ');
		final List<String> two = space > 0 ? Arrays.asList(text.substring(0, space), text.substring(space + 1)) : null;
		Placement fallback = null;
		for (final List<String> lines : two == null ? Collections.singletonList(one) : Arrays.asList(one, two)) {
			for (double s = size; s >= minSize - 1e-9; s -= step) {
				final Placement p = at(lines, s, boxX, boxY, imageWidth, imageHeight, pad, measure);
				if (p.inside(imageWidth, imageHeight)) return p;
				fallback = p;
				if (step <= 0) break;
			}
		}
		return fallback;
	}

	private static Placement at(final List<String> lines, final double size, final int boxX, final int boxY,
		final int imageWidth, final int imageHeight, final int pad, final TextMeasure measure)
	{
		int w = 0, lh = 0;
		for (final String line : lines) {
			final int[] d = measure.measure(line, size);
			w = Math.max(w, d[0]);
			lh = Math.max(lh, d[1]);
		}
		final int tw = w + 2 * pad, th = lh * lines.size() + 2 * pad;
		final int x = Math.max(0, Math.min(boxX, imageWidth - tw));
		final int y = boxY - th >= 0 ? boxY - th : Math.max(0, Math.min(boxY, imageHeight - th));
		return new Placement(x, y, tw, th, size, lines, lh, pad);
	}
}
