package org.emotiontracking.core.util;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads for background stages (decoding, detection, augmentation, capture): they never keep
 * the JVM (Fiji, a CLI run) alive after the work that started them is abandoned.
 */
public final class DaemonThreads {

	private DaemonThreads() {}

	/** A factory of daemon threads named {@code prefix-1}, {@code prefix-2}, ... (for thread pools). */
	public static ThreadFactory named(final String prefix) {
		final AtomicInteger n = new AtomicInteger();
		return r -> daemon(r, prefix + "-" + n.incrementAndGet());
	}

	/** Starts {@code work} on a new daemon thread called {@code name}. */
	public static Thread start(final String name, final Runnable work) {
		final Thread t = daemon(work, name);
		t.start();
		return t;
	}

	private static Thread daemon(final Runnable work, final String name) {
		final Thread t = new Thread(work, name);
		t.setDaemon(true);
		return t;
	}
}
