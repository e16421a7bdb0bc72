package org.emotiontracking.core.live;

/**
 * A one-item hand-over between two threads of a live session, so memory never grows with a
 * backlog. For a live source the producer {@link #offer offers} items, replacing (dropping) one not
 * yet taken; otherwise it {@link #put puts} them, waiting until the slot is free, so that every
 * item is processed.
 *
 * @param <T> what is handed over (a frame, a frame with its faces)
 */
final class HandOver<T> {

	/** Items the slot can hold. */
	static final int CAPACITY = 1;

	private T item;
	private boolean closed;
	private long dropped;
	private int maxOccupancy;

	/** Stores the item, dropping one not yet taken. Returns false if the slot is closed. */
	synchronized boolean offer(final T t) {
		if (closed) return false;
		if (item != null) dropped++;
		item = t;
		maxOccupancy = Math.max(maxOccupancy, 1);
		notifyAll();
		return true;
	}

	/** Stores the item once the slot is free. Returns false if the slot was closed meanwhile. */
	synchronized boolean put(final T t) throws InterruptedException {
		while (item != null && !closed) wait();
		if (closed) return false;
		item = t;
		maxOccupancy = Math.max(maxOccupancy, 1);
		notifyAll();
		return true;
	}

	/** Waits until the slot is empty; false if it was closed. */
	synchronized boolean awaitEmpty() throws InterruptedException {
		while (item != null && !closed) wait();
		return !closed;
	}

	/**
	 * The item, waiting at most {@code timeoutMillis} for one; null if none came in time or the
	 * slot is closed and empty ({@link #isDrained()}).
	 */
	synchronized T take(final long timeoutMillis) throws InterruptedException {
		final long end = System.nanoTime() + timeoutMillis * 1_000_000;
		for (long left = timeoutMillis * 1_000_000; item == null && !closed && left > 0; left = end - System.nanoTime())
			wait(Math.max(1, left / 1_000_000));
		final T t = item;
		item = null;
		notifyAll();
		return t;
	}

	/** No more items will be stored; waiting threads wake up. An item still held can be taken. */
	synchronized void close() {
		closed = true;
		notifyAll();
	}

	/** Closed and empty: nothing more will come. */
	synchronized boolean isDrained() {
		return closed && item == null;
	}

	/** Items replaced before they were taken. */
	synchronized long dropped() { return dropped; }

	/** Items held now (0 or 1). */
	synchronized int size() { return item == null ? 0 : 1; }

	/** The most items ever held at once. */
	synchronized int maxOccupancy() { return maxOccupancy; }
}
