package org.emotiontracking.core.live;

/**
 * Mean and percentiles of durations in constant memory: a histogram with buckets 1% wide on a
 * logarithmic scale from 10 microseconds to 10 minutes (percentiles are exact to about 1%).
 * Not thread-safe.
 */
final class LatencyStats {

	private static final double MIN_MS = 0.01;
	private static final double GROWTH = 1.01;
	private static final int BUCKETS = (int) Math.ceil(Math.log(600_000 / MIN_MS) / Math.log(GROWTH)) + 1;

	private final long[] counts = new long[BUCKETS];
	private long n;
	private double sum;
	private double max;

	void add(final double millis) {
		final double v = Math.max(0, millis);
		n++;
		sum += v;
		max = Math.max(max, v);
		counts[bucket(v)]++;
	}

	private static int bucket(final double ms) {
		if (ms <= MIN_MS) return 0;
		return (int) Math.min(BUCKETS - 1, Math.ceil(Math.log(ms / MIN_MS) / Math.log(GROWTH)));
	}

	long count() { return n; }

	/** Mean in milliseconds, NaN if empty. */
	double mean() { return n == 0 ? Double.NaN : sum / n; }

	double max() { return n == 0 ? Double.NaN : max; }

	/** The q-quantile (0..1) in milliseconds (upper edge of its bucket, at most the maximum), NaN if empty. */
	double quantile(final double q) {
		if (n == 0) return Double.NaN;
		final long rank = Math.max(1, (long) Math.ceil(q * n));
		long seen = 0;
		for (int i = 0; i < BUCKETS; i++) {
			seen += counts[i];
			if (seen >= rank) return Math.min(max, MIN_MS * Math.pow(GROWTH, i));
		}
		return max;
	}

	/** Buckets in the histogram (its fixed size). */
	static int buckets() { return BUCKETS; }
}
