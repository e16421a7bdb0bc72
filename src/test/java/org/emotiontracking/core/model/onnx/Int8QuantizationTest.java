package org.emotiontracking.core.model.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.model.ModelMetadata;
import org.emotiontracking.core.model.TestModels;
import org.emotiontracking.core.model.Weights;
import org.junit.jupiter.api.Test;

class Int8QuantizationTest {

	/**
	 * Calibration reads every activation that has no fixed range: the preprocessed image ([-1, 1] for
	 * noise covering 0..255), each projection and each residual addition (ReLU6 outputs are quantized
	 * to exactly [0, 6]); the int8 model then runs in ONNX Runtime and gives probabilities. (How close
	 * int8 comes to fp32 is measured on trained models: random 50-layer networks amplify any
	 * perturbation, int8 or not.)
	 */
	@Test
	void calibrationMeasuresEveryActivationWithoutAFixedRange() {
		final ModelMetadata m = TestModels.metadata(0.35, 48, "a", "b", "c");
		final Weights w = TestModels.randomWeights(m, 17);
		final List<RgbImage> calibration = new ArrayList<>();
		for (int i = 0; i < 6; i++) calibration.add(TestModels.noiseImage(48, 48, i));
		final MobileNetV2Onnx.Int8 plan = Int8Quantization.calibrate(m, w, calibration, 2);
		assertEquals(1 + 17 + 10, plan.ranges.size(), plan.ranges.keySet().toString());
		assertEquals(-1f, plan.ranges.get("preprocess")[0], 1e-6);
		assertEquals(1f, plan.ranges.get("preprocess")[1], 1e-6);
		for (final Map.Entry<String, float[]> e : plan.ranges.entrySet()) {
			final String k = e.getKey();
			assertTrue(k.equals("preprocess") || k.endsWith("_project_BN") || k.endsWith("_add"), k);
			assertTrue(e.getValue()[0] < 0 && e.getValue()[1] > 0, k + " has values of both signs");
		}
		final byte[] int8 = MobileNetV2Onnx.exportInt8(m, w, plan);
		try (OnnxSession s = new OnnxSession(int8, 48, 2)) {
			final float[] p = s.run(calibration).get(MobileNetV2Onnx.PROBABILITIES);
			for (int i = 0; i < calibration.size(); i++) assertEquals(1.0, p[i * 3] + p[i * 3 + 1] + p[i * 3 + 2], 1e-4);
		}
	}
}
