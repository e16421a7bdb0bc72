package org.emotiontracking.core.data;

/** Derives independent, well-mixed seeds from several numbers (SplitMix64 finaliser). */
final class Seeds {

	private Seeds() {}

	/** A seed that depends on every value and their order. */
	static long mix(final long... values) {
		long h = 0x6A09E667F3BCC909L;
		for (final long v : values) h = finish(h ^ finish(v + 0x9E3779B97F4A7C15L));
		return h;
	}

	private static long finish(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}
}
