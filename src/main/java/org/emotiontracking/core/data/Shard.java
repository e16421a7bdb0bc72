package org.emotiontracking.core.data;

import java.math.BigInteger;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Shard {@code i} of {@code n} of a work list of {@code N} items in
 * {@link WorkOrder}: the contiguous slice
 * {@code [i*N/n, (i+1)*N/n)} (integer division), which is how Spark's {@code parallelize} slices a
 * list. The {@code n} shards hold every item exactly once; their sizes differ by at most one.
 * Written {@code i/n} ({@code shard=3/8}), {@code i} counted from 0 as SLURM's
 * {@code SLURM_ARRAY_TASK_ID} is. Immutable.
 */
public final class Shard {

	/** The whole list: shard 0/1. */
	public static final Shard ALL = new Shard(0, 1);

	private final int index, count;

	public Shard(final int index, final int count) {
		if (count < 1) throw new IllegalArgumentException("The shard count must be at least 1, got " + index + "/"
			+ count);
		if (index < 0 || index >= count) throw new IllegalArgumentException("The shard index must be 0 to "
			+ (count - 1) + " for " + count + " shards, got " + index + "/" + count);
		this.index = index;
		this.count = count;
	}

	/**
	 * Parses {@code i/n}, e.g. {@code 0/4} (spaces allowed around the numbers).
	 *
	 * @throws IllegalArgumentException naming the text and the expected form
	 */
	public static Shard parse(final String text) {
		final String t = Objects.requireNonNull(text, "text").trim();
		final int slash = t.indexOf('/');
		try {
			if (slash > 0) return new Shard(Integer.parseInt(t.substring(0, slash).trim()),
				Integer.parseInt(t.substring(slash + 1).trim()));
		}
		catch (final NumberFormatException e) {
			// below
		}
		throw new IllegalArgumentException("shard must be i/n (shard i of n, 0 <= i < n, e.g. 0/4), got '" + text
			+ "'");
	}

	/** {@link #parse} of the text of a {@code shard=} key, {@link #ALL} when it is null or empty. */
	public static Shard parseOrAll(final String text) {
		return text == null || text.trim().isEmpty() ? ALL : parse(text);
	}

	/** 0-based index. */
	public int index() { return index; }

	/** Number of shards. */
	public int count() { return count; }

	/** Whether this is the whole list (0/1). */
	public boolean isAll() { return count == 1; }

	/** First item of this shard in a list of {@code total} items (0-based, inclusive). */
	public long start(final long total) {
		return bound(index, total);
	}

	/** End of this shard in a list of {@code total} items (exclusive). */
	public long end(final long total) {
		return bound(index + 1L, total);
	}

	/** Items in this shard of a list of {@code total} items. */
	public long size(final long total) {
		return end(total) - start(total);
	}

	private long bound(final long i, final long total) {
		if (total < 0) throw new IllegalArgumentException("Negative item count: " + total);
		try {
			return Math.multiplyExact(i, total) / count;
		}
		catch (final ArithmeticException e) { // more than 2^63 / n items: exact anyway
			return BigInteger.valueOf(i).multiply(BigInteger.valueOf(total)).divide(BigInteger.valueOf(count))
			.longValueExact();
		}
	}

	/**
	 * This shard's items of a list of {@code total} items given in order by {@code all}: skips the
	 * items before {@link #start}, stops at {@link #end} (the rest is never read).
	 */
	public <T> Iterator<T> slice(final Iterator<T> all, final long total) {
		final long start = start(total), end = end(total);
		return new Iterator<T>() {
			private long position;

			@Override
			public boolean hasNext() {
				while (position < start && all.hasNext()) {
					all.next();
					position++;
				}
				return position < end && all.hasNext();
			}

			@Override
			public T next() {
				if (!hasNext()) throw new NoSuchElementException();
				position++;
				return all.next();
			}
		};
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof Shard && ((Shard) o).index == index && ((Shard) o).count == count;
	}

	@Override
	public int hashCode() { return 31 * index + count; }

	/** {@code i/n}. */
	@Override
	public String toString() { return index + "/" + count; }
}
