package org.emotiontracking.core.data;

import java.util.Comparator;

/**
 * The one order of a batch's work items, the same in every command and on every machine: their
 * paths relative to the input folder ('/'-separated), compared code point by code point. This is
 * the byte order of their UTF-8 spelling, i.e. what {@code LC_ALL=C sort} gives, independent of
 * locale, file system and operating system. A shard ({@code shard=i/n}) is a contiguous slice of
 * this order, so the shards of a run together hold every item exactly once.
 */
public final class WorkOrder {

	private WorkOrder() {}

	/** Relative paths in work order. */
	public static final Comparator<String> RELATIVE_PATHS = WorkOrder::compare;

	/** Compares two relative paths by Unicode code points (not UTF-16 units, not locale). */
	public static int compare(final String a, final String b) {
		final int n = a.length(), m = b.length();
		int i = 0, j = 0;
		while (i < n && j < m) {
			final int ca = a.codePointAt(i), cb = b.codePointAt(j);
			if (ca != cb) return Integer.compare(ca, cb);
			i += Character.charCount(ca);
			j += Character.charCount(cb);
		}
		return Boolean.compare(i < n, j < m);
	}
}
