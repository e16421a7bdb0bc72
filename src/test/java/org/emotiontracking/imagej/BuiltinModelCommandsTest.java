package org.emotiontracking.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import org.emotiontracking.core.classify.ClassificationReports;
import org.emotiontracking.core.classify.ClassifyFixtures;
import org.emotiontracking.core.model.BuiltinModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.module.Module;

/** model= left out: the macro path and a CommandService run both classify with the built-in model. */
class BuiltinModelCommandsTest extends SciJavaCommandTest {

	@TempDir
	Path dir;

	@Test
	void commandServiceRunWithoutModel() throws Exception {
		assumeTrue(BuiltinModel.available(), "no built-in model in this build");
		final Module m = ClassifyEmotionsCommandTest.run(ClassifyEmotionsCommand.class, "input",
			ClassifyFixtures.messiFile().toFile(), "output", dir.resolve("out").toFile());
		assertNull(ClassifyEmotionsCommandTest.failure(m));
		assertEquals(1L, m.getOutput("face_count"));
		assertTrue(String.join("\n", ClassifyEmotionsCommandTest.log).contains("built-in model"),
			ClassifyEmotionsCommandTest.log.toString());
		assertTrue(ClassifyFixtures.readCsv(dir.resolve("out").resolve(ClassificationReports.LOG)).get(0).contains(
			"p_surprise"));
	}

	@Test
	void macroWithoutModel() throws Exception {
		assumeTrue(BuiltinModel.available(), "no built-in model in this build");
		final EmotionTrackingPlugin.Outcome o = EmotionTrackingPlugin.run(ClassifyEmotionsCommandTest.context, "classify", "input=[" + ClassifyFixtures
			.messiFile() + "] output=[" + dir.resolve("macro") + "] faces=whole");
		assertNotNull(o.module);
		assertNull(o.failure, o.failure);
		assertEquals(null, o.module.getInput("model"));
		assertEquals(1L, o.module.getOutput("image_count"));
		final List<List<String>> csv = ClassifyFixtures.readCsv(dir.resolve("macro").resolve(ClassificationReports.LOG));
		assertTrue(csv.get(0).contains("p_disgust"), csv.get(0).toString());
		assertTrue(new File(dir.resolve("macro").toString()).isDirectory());
	}
}
