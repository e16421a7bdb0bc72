package org.emotiontracking.core.live;

/**
 * The hand-over between the capture thread and the processing thread: a single slot holding the
 * latest frame, so memory never grows with the backlog. A live source {@link #offer offers}
 * frames, replacing (dropping) one not yet taken; a recorded source {@link #put puts} them,
 * waiting until the slot is free so that every frame is processed.
 */
final class FrameSlot {

	/** Frames the slot can hold. */
	static final int CAPACITY = 1;

	private Frame frame;
	private boolean closed;
	private long dropped;
	private int maxOccupancy;

	/** Stores the frame, dropping one not yet taken. Returns false if the slot is closed. */
	synchronized boolean offer(final Frame f) {
		if (closed) return false;
		if (frame != null) dropped++;
		frame = f;
		maxOccupancy = Math.max(maxOccupancy, 1);
		notifyAll();
		return true;
	}

	/** Stores the frame once the slot is free. Returns false if the slot was closed meanwhile. */
	synchronized boolean put(final Frame f) throws InterruptedException {
		while (frame != null && !closed) wait();
		if (closed) return false;
		frame = f;
		maxOccupancy = Math.max(maxOccupancy, 1);
		notifyAll();
		return true;
	}

	/**
	 * The frame, waiting at most {@code timeoutMillis} for one; null if none came in time or the
	 * slot is closed and empty ({@link #isDrained()}).
	 */
	synchronized Frame take(final long timeoutMillis) throws InterruptedException {
		final long end = System.nanoTime() + timeoutMillis * 1_000_000;
		for (long left = timeoutMillis * 1_000_000; frame == null && !closed && left > 0; left = end - System.nanoTime())
			wait(Math.max(1, left / 1_000_000));
		final Frame f = frame;
		frame = null;
		notifyAll();
		return f;
	}

	/** No more frames will be stored; waiting threads wake up. A frame still held can be taken. */
	synchronized void close() {
		closed = true;
		notifyAll();
	}

	/** Closed and empty: nothing more will come. */
	synchronized boolean isDrained() {
		return closed && frame == null;
	}

	/** Frames replaced before they were taken. */
	synchronized long dropped() { return dropped; }

	/** Frames held now (0 or 1). */
	synchronized int size() { return frame == null ? 0 : 1; }

	/** The most frames ever held at once. */
	synchronized int maxOccupancy() { return maxOccupancy; }
}
