package org.emotiontracking.core.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;

import org.emotiontracking.core.util.ContextClassLoader;
import org.tensorflow.proto.framework.ConfigProto;

import ai.djl.engine.Engine;

/**
 * The one place TensorFlow is started: offline (DJL never downloads), natives from the class path,
 * and session settings shared by inference and training.
 */
public final class TensorFlowRuntime {

	public static final String ENGINE = "TensorFlow";
	private static Engine engine;
	private static Path libraryFolder;

	private TensorFlowRuntime() {}

	/** Loads TensorFlow once; later calls return the same engine. Never touches the network. */
	public static synchronized Engine engine() {
		if (engine != null) return engine;
		final String unsupported = unsupportedPlatform(System.getProperty("os.name"), System.getProperty("os.arch"));
		if (unsupported != null) throw new IllegalStateException(unsupported);
		System.setProperty("ai.djl.offline", "true");
		System.setProperty("DJL_OFFLINE", "true");
		try {
			libraryFolder = TensorFlowNatives.libraryFolder(TensorFlowRuntime.class.getClassLoader());
		}
		catch (final IOException e) {
			throw new IllegalStateException("Cannot prepare TensorFlow's native libraries: " + e.getMessage(), e);
		}
		System.setProperty("TENSORFLOW_LIBRARY_PATH", libraryFolder.toString());
		// Quiet TensorFlow's C++ logs (oneDNN banners, CUDA probes, a few lines per model
		// load) unless the user asked otherwise. TensorFlow reads the process environment, not Java's.
		if (System.getenv("TF_CPP_MIN_LOG_LEVEL") == null) NativeEnvironment.set("TF_CPP_MIN_LOG_LEVEL", "3");
		engine = ContextClassLoader.of(TensorFlowRuntime.class, () -> Engine.getEngine(ENGINE));
		return engine;
	}

	/**
	 * Why TensorFlow cannot run on this platform, or null when it can: TensorFlow 2.10 has builds for
	 * x86-64 only (no Apple silicon, no ARM Linux).
	 */
	static String unsupportedPlatform(final String os, final String arch) {
		final String a = arch == null ? "" : arch.toLowerCase(Locale.ROOT);
		if (a.equals("amd64") || a.equals("x86_64") || a.equals("x86-64")) return null;
		return "Training, Grad-CAM and engine=tensorflow need TensorFlow 2.10, which exists for x86-64 only " +
			"(Linux, Windows, macOS on Intel); this is " + os + " on " + arch + ". Classify and Live run here through "
			+ "ONNX Runtime (engine=onnxruntime) on model archives that hold model.onnx (every archive this version " +
			"writes; older archives and Keras .h5 files need TensorFlow once to be converted).";
	}

	/** Where the native libraries were loaded from. */
	public static synchronized Path libraryFolder() {
		engine();
		return libraryFolder;
	}

	/** Threads TensorFlow may use inside one op: all cores unless EMOTION_TRACKING_THREADS says less. */
	public static int threads() {
		final String s = System.getProperty("EMOTION_TRACKING_THREADS", System.getenv("EMOTION_TRACKING_THREADS"));
		if (s != null) {
			try {
				return Math.max(1, Integer.parseInt(s.trim()));
			}
			catch (final NumberFormatException e) {
				// fall through to the default
			}
		}
		return Runtime.getRuntime().availableProcessors();
	}

	/** Session settings: intra-op threads = cores, one inter-op thread (the graph is a chain). */
	public static ConfigProto sessionConfig() {
		return sessionConfig(threads());
	}

	/** As {@link #sessionConfig()} with that many intra-op threads. */
	public static ConfigProto sessionConfig(final int threads) {
		engine();
		return ConfigProto.newBuilder().setIntraOpParallelismThreads(threads).setInterOpParallelismThreads(1)
			.setAllowSoftPlacement(true).build();
	}

	/** {@link #sessionConfig()} as DJL's "ConfigProto" model option. */
	public static String sessionConfigOption() {
		return sessionConfigOption(threads());
	}

	/** {@link #sessionConfig(int)} as DJL's "ConfigProto" model option. */
	public static String sessionConfigOption(final int threads) {
		return Base64.getEncoder().encodeToString(sessionConfig(threads).toByteArray());
	}
}
