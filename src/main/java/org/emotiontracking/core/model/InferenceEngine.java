package org.emotiontracking.core.model;

import java.util.Locale;

/** Which runtime computes a model's forward pass for Classify, Live and the Java API. */
public enum InferenceEngine {
	/**
	 * ONNX Runtime on the archive's {@value ModelArchive#ONNX} (the default: faster on every CPU
	 * measured, and it runs on ARM too). Models without an ONNX export fall back to TensorFlow.
	 */
	ONNXRUNTIME,
	/** TensorFlow on the archive's SavedModel (what Grad-CAM and training always use). */
	TENSORFLOW;

	public static final InferenceEngine DEFAULT = ONNXRUNTIME;

	/** The key value, e.g. {@code onnxruntime}. */
	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}
}
