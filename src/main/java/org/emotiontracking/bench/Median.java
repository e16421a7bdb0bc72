package org.emotiontracking.bench;

import java.util.Arrays;

/** Medians of benchmark rounds (the middle value; the mean of the two middle ones for an even count). */
final class Median {

	private Median() {}

	static double of(final double[] values) {
		final double[] s = values.clone();
		Arrays.sort(s);
		if (s.length == 0) return Double.NaN;
		if (s.length % 2 == 1) return s[s.length / 2];
		return (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
	}

	/** The median of each figure over the rounds: {@code rounds[r][i]} is figure i of round r. */
	static double[] ofEach(final double[][] rounds) {
		final double[] out = new double[rounds[0].length];
		for (int i = 0; i < out.length; i++) {
			final double[] v = new double[rounds.length];
			for (int r = 0; r < rounds.length; r++) v[r] = rounds[r][i];
			out[i] = of(v);
		}
		return out;
	}
}
