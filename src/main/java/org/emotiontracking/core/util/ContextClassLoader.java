package org.emotiontracking.core.util;

/**
 * Runs work with the current thread's context class loader set to the plugin's own and puts the
 * previous one back. DJL finds its engines, and SciJava its plugins, through the context class
 * loader, which in ImageJ and Fiji is often not the one that loaded this plugin.
 */
public final class ContextClassLoader {

	/** Work that returns a value and may throw {@code E}. */
	public interface Work<T, E extends Exception> {
		T run() throws E;
	}

	private ContextClassLoader() {}

	/** {@code work.run()} with the context class loader of {@code owner}'s class loader. */
	public static <T, E extends Exception> T of(final Class<?> owner, final Work<T, E> work) throws E {
		final Thread t = Thread.currentThread();
		final ClassLoader previous = t.getContextClassLoader();
		t.setContextClassLoader(owner.getClassLoader());
		try {
			return work.run();
		}
		finally {
			t.setContextClassLoader(previous);
		}
	}
}
