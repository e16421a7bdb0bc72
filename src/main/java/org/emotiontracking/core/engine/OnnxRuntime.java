package org.emotiontracking.core.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.engine.Engine;

/**
 * The one place ONNX Runtime is started, through DJL's engine: offline, its natives from the
 * {@code com.microsoft.onnxruntime:onnxruntime} jar (linux-x64, linux-aarch64, osx-aarch64, win-x64
 * and more are inside it), and no fallback to another DJL engine for array operations (DJL would
 * otherwise start TensorFlow for them).
 */
public final class OnnxRuntime {

	public static final String ENGINE = "OnnxRuntime";
	private static Engine engine;

	private OnnxRuntime() {}

	/** Loads ONNX Runtime once; later calls return the same engine. */
	public static synchronized Engine engine() {
		if (engine != null) return engine;
		System.setProperty("ai.djl.offline", "true");
		System.setProperty("ai.djl.onnx.disable_alternative", "true");
		final Thread t = Thread.currentThread();
		final ClassLoader previous = t.getContextClassLoader();
		t.setContextClassLoader(OnnxRuntime.class.getClassLoader());
		try {
			engine = Engine.getEngine(ENGINE);
		}
		finally {
			t.setContextClassLoader(previous);
		}
		return engine;
	}

	/**
	 * Session options for DJL's {@code Criteria.optOption}: all graph optimizations (constant folding,
	 * Conv + bias + Clip fusion, NCHWc layouts), sequential execution on {@code threads} intra-op
	 * threads. Both thread counts are given: DJL 0.28 applies the intra-op count only when the
	 * inter-op one is set.
	 */
	public static Map<String, String> sessionOptions(final int threads) {
		final Map<String, String> o = new LinkedHashMap<>();
		o.put("optLevel", "ALL_OPT");
		o.put("executionMode", "SEQUENTIAL");
		o.put("interOpNumThreads", "1");
		o.put("intraOpNumThreads", Integer.toString(Math.max(1, threads)));
		return o;
	}
}
