package org.emotiontracking.core.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Sets a variable in the process environment that native libraries read with {@code getenv}, which
 * Java itself cannot change ({@code System.setProperty} is invisible to C code). Best effort: where the
 * C library cannot be reached the variable stays unset.
 */
final class NativeEnvironment {

	private interface LibC extends Library {
		int setenv(String name, String value, int overwrite);
	}

	private interface Ucrt extends Library {
		int _putenv_s(String name, String value);
	}

	private NativeEnvironment() {}

	/** Sets {@code name} unless it is already set; returns whether it is now set to {@code value}. */
	static boolean set(final String name, final String value) {
		try {
			if (Platform.isWindows()) return Native.load("ucrtbase", Ucrt.class)._putenv_s(name, value) == 0;
			return Native.load("c", LibC.class).setenv(name, value, 0) == 0;
		}
		catch (final LinkageError | RuntimeException e) { // no JNA, or no C library it can open
			return false;
		}
	}
}
