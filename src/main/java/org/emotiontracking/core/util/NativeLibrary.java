package org.emotiontracking.core.util;

import java.util.Locale;

/**
 * Native libraries that load once (OpenCV's, FFmpeg's): the first {@link #ensureLoaded()} runs the
 * loading, later calls return at once; safe from any thread. A failure is an
 * {@link IllegalStateException} naming the library and this platform (the next call tries again).
 */
public final class NativeLibrary {

	/** What loading does, e.g. bytedeco's {@code Loader.load} of each library. */
	public interface Loading {
		void load() throws Throwable;
	}

	/** The message of a failure, {@code %s} standing for the platform. */
	private final String failure;
	private final Loading loading;
	private volatile boolean loaded;

	/**
	 * @param failure what a failure says, {@code %s} standing for this platform ("linux amd64"), e.g.
	 *          "Could not load the OpenCV native library for %s"; the cause follows
	 * @param loading the loading, run until it succeeds once
	 */
	public NativeLibrary(final String failure, final Loading loading) {
		this.failure = failure;
		this.loading = loading;
	}

	/**
	 * Loads the library unless already loaded.
	 *
	 * @throws IllegalStateException if the natives cannot be loaded on this platform
	 */
	public void ensureLoaded() {
		if (loaded) return;
		synchronized (this) {
			if (loaded) return;
			try {
				loading.load();
			}
			catch (final Throwable t) {
				throw new IllegalStateException(String.format(Locale.ROOT, failure, System.getProperty("os.name") + " "
					+ System.getProperty("os.arch")) + ": " + t, t);
			}
			loaded = true;
		}
	}
}
