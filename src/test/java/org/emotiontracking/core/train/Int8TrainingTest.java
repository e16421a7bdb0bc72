package org.emotiontracking.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.emotiontracking.core.model.EmotionClassifier;
import org.emotiontracking.core.model.InferenceEngine;
import org.emotiontracking.core.model.ModelArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Int8TrainingTest {

	@TempDir
	Path dir;

	/**
	 * int8=true: the trained model is quantized (calibrated on its training images), both validation
	 * accuracies are recorded, and the archive holds model_int8.onnx exactly when int8 stayed within one
	 * point; the saved model, as ONNX Runtime serves it, scores what the record says.
	 */
	@Test
	void int8IsStoredOnlyWhenItKeepsValidationAccuracy() throws Exception {
		final Path shapes = dir.resolve("shapes");
		ShapesDataset.write(shapes, 40, 48, 1);
		final TrainSettings s = TrainerTest.settings(shapes, dir.resolve("out"));
		s.epochs = 8;
		s.int8 = true;
		final List<String> log = new ArrayList<>();
		final TrainingSummary summary = Trainer.train(s, TrainerTest.listener(log, -1));
		assertTrue(summary.saved());
		try (ModelArchive a = ModelArchive.open(summary.outputs.model());
			EmotionClassifier c = EmotionClassifier.load(summary.outputs.model(), null, InferenceEngine.ONNXRUNTIME, 0))
		{
			@SuppressWarnings("unchecked")
			final Map<String, Object> record = (Map<String, Object>) a.metadata().provenance.get("int8");
			assertNotNull(record, String.join("\n", log));
			final double fp32 = ((Number) record.get("validation_accuracy_fp32")).doubleValue();
			final double int8 = ((Number) record.get("validation_accuracy_int8")).doubleValue();
			final boolean used = (Boolean) record.get("used");
			System.out.println("int8 training test: fp32 " + fp32 + ", int8 " + int8 + ", used " + used);
			assertTrue(fp32 > 0.5, "the model learned: " + fp32);
			assertEquals(int8 >= fp32 - 0.01, used);
			assertEquals(used, a.onnxInt8Model() != null);
			assertEquals(used, c.engineDescription().contains("int8"), c.engineDescription());
			assertEquals(used ? int8 : fp32, summary.validationAccuracy, 1.5 / 24, "the served model scores as recorded");
		}
	}
}
