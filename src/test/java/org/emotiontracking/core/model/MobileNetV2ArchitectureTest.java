package org.emotiontracking.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class MobileNetV2ArchitectureTest {

	/** Keras: MobileNetV2(include_top=False, alpha=a).count_params() (published counts minus the 1000-class top). */
	@Test
	void parameterCountsEqualKeras() {
		assertEquals(2_257_984L, count(1.0));
		assertEquals(410_208L, count(0.35));
		assertEquals(706_224L, count(0.5));
		assertEquals(1_382_064L, count(0.75));
		assertEquals(4_363_712L, count(1.4));
	}

	@Test
	void layerNamesFollowKeras() {
		final List<LayerSpec> layers = MobileNetV2Architecture.base(1.0);
		assertEquals("Conv1", layers.get(0).name);
		assertEquals("out_relu", layers.get(layers.size() - 1).name);
		assertEquals(52, layers.stream().filter(LayerSpec::hasWeights).filter(l -> l.kind == LayerSpec.Kind.BATCH_NORM).count());
	}

	@Test
	void nonNegativeLayerIsTheReluAfterASignedLayer() {
		assertEquals("out_relu", MobileNetV2Architecture.nonNegativeLayer(1.0, "Conv_1"));
		assertEquals("out_relu", MobileNetV2Architecture.nonNegativeLayer(1.0, "Conv_1_bn"));
		assertEquals("out_relu", MobileNetV2Architecture.nonNegativeLayer(1.0, "out_relu"));
		assertEquals("block_6_expand_relu", MobileNetV2Architecture.nonNegativeLayer(0.35, "block_6_expand"));
		// a projection feeds an addition, no ReLU: unchanged
		assertEquals("block_5_project", MobileNetV2Architecture.nonNegativeLayer(1.0, "block_5_project"));
	}

	private static long count(final double alpha) {
		return MobileNetV2Architecture.parameterCount(MobileNetV2Architecture.base(alpha));
	}
}
