package org.emotiontracking.core.engine;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TensorFlowPlatformTest {

	/** On Apple silicon and ARM Linux, TensorFlow's users get a message that says what to do. */
	@Test
	void armSaysThatTensorFlowNeedsX86AndThatClassifyRunsOnOnnxRuntime() {
		assertNull(TensorFlowRuntime.unsupportedPlatform("Linux", "amd64"));
		assertNull(TensorFlowRuntime.unsupportedPlatform("Mac OS X", "x86_64"));
		for (final String arch : new String[] { "aarch64", "arm64" }) {
			final String m = TensorFlowRuntime.unsupportedPlatform("Mac OS X", arch);
			assertTrue(m.contains("x86-64") && m.contains(arch) && m.contains("engine=onnxruntime"), m);
		}
	}
}
