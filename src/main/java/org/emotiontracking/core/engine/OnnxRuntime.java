package org.emotiontracking.core.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import org.emotiontracking.core.util.ContextClassLoader;

import ai.djl.engine.Engine;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

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
		engine = ContextClassLoader.of(OnnxRuntime.class, () -> Engine.getEngine(ENGINE));
		return engine;
	}

	/**
	 * Options for DJL's {@code Model.load}: all graph optimizations (constant folding, Conv + bias +
	 * Clip fusion, NCHWc layouts), sequential execution on {@code threads} intra-op threads. Both
	 * thread counts are given: DJL 0.28 applies the intra-op count only when the inter-op one is set.
	 * Without {@code spinning} the intra-op threads sleep between operators instead of busy-waiting
	 * (ONNX Runtime's {@code session.intra_op.allow_spinning}), which leaves the cores to the decode
	 * and detection threads that share them; DJL's string options cannot say that, so it goes in as a
	 * {@code SessionOptions} object, which the caller closes after loading.
	 */
	public static Map<String, Object> sessionOptions(final int threads, final boolean spinning) {
		engine();
		final Map<String, Object> o = new LinkedHashMap<>();
		final OrtSession.SessionOptions session = new OrtSession.SessionOptions();
		try {
			session.addConfigEntry("session.intra_op.allow_spinning", spinning ? "1" : "0");
		}
		catch (final OrtException e) {
			session.close();
			throw new IllegalStateException("ONNX Runtime refused a session option: " + e.getMessage(), e);
		}
		o.put("sessionOptions", session);
		o.put("optLevel", "ALL_OPT");
		o.put("executionMode", "SEQUENTIAL");
		o.put("interOpNumThreads", "1");
		o.put("intraOpNumThreads", Integer.toString(Math.max(1, threads)));
		return o;
	}

	/** Whether intra-op threads busy-wait: EMOTION_TRACKING_ORT_SPINNING=1 (property or environment), else not. */
	public static boolean spinning() {
		final String s = System.getProperty("EMOTION_TRACKING_ORT_SPINNING",
			System.getenv("EMOTION_TRACKING_ORT_SPINNING"));
		return s != null && (s.trim().equals("1") || s.trim().equalsIgnoreCase("true"));
	}
}
