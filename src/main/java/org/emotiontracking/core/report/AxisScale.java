package org.emotiontracking.core.report;

import java.util.Locale;

/** A linear axis range rounded to "nice" tick steps (1, 2, 2.5 or 5 times a power of ten). */
final class AxisScale {

	final double min;
	final double max;
	final double step;

	private AxisScale(final double min, final double max, final double step) {
		this.min = min;
		this.max = max;
		this.step = step;
	}

	/** A range covering [lo, hi] with about {@code ticks} ticks; integer steps if {@code integers}. */
	static AxisScale of(double lo, double hi, final int ticks, final boolean integers) {
		if (!(hi > lo)) {
			hi = lo + (integers ? 1 : Math.max(Math.abs(lo) * 0.1, 1e-9));
		}
		double step = niceStep((hi - lo) / Math.max(1, ticks - 1));
		if (integers) step = Math.max(1, Math.round(step));
		return new AxisScale(Math.floor(lo / step + 1e-9) * step, Math.ceil(hi / step - 1e-9) * step, step);
	}

	/** A fixed range with a nice step. */
	static AxisScale fixed(final double lo, final double hi, final int ticks) {
		return new AxisScale(lo, hi, niceStep((hi - lo) / Math.max(1, ticks - 1)));
	}

	private static double niceStep(final double raw) {
		final double p = Math.pow(10, Math.floor(Math.log10(raw)));
		final double f = raw / p;
		final double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
		return nice * p;
	}

	/** Tick values from min to max. */
	double[] ticks() {
		final int n = (int) Math.round((max - min) / step) + 1;
		final double[] t = new double[n];
		for (int i = 0; i < n; i++) t[i] = min + i * step;
		return t;
	}

	/** Position of value v on a pixel range where min maps to {@code from} and max to {@code to}. */
	double map(final double v, final double from, final double to) {
		return from + (v - min) / (max - min) * (to - from);
	}

	/** A tick label with just enough decimals for the step. */
	String label(final double v) {
		int decimals = 0;
		while (decimals < 6 && Math.abs(step * Math.pow(10, decimals) - Math.rint(step * Math.pow(10, decimals))) > 1e-6) decimals++;
		return String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(v) < step * 1e-6 ? 0.0 : v);
	}
}
