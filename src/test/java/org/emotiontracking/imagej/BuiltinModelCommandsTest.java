package org.emotiontracking.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.emotiontracking.core.classify.ClassificationReports;
import org.emotiontracking.core.classify.ClassifyFixtures;
import org.emotiontracking.core.model.BuiltinModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;
import org.scijava.module.Module;
import org.scijava.prefs.PrefService;

/** model= left out: the macro path and a CommandService run both classify with the built-in model. */
class BuiltinModelCommandsTest {

	@TempDir
	Path dir;

	static Context context;
	static final List<String> log = Collections.synchronizedList(new ArrayList<>());

	@BeforeAll
	static void createContext() {
		context = new Context(CommandService.class, StatusService.class, LogService.class, PrefService.class);
		context.service(LogService.class).addLogListener(m -> log.add(m.text()));
	}

	@AfterAll
	static void disposeContext() {
		context.dispose();
	}

	@Test
	void commandServiceRunWithoutModel() throws Exception {
		assumeTrue(BuiltinModel.available(), "no built-in model in this build");
		log.clear();
		context.service(PrefService.class).clear(ClassifyEmotionsCommand.class);
		final Module m = context.service(CommandService.class).run(ClassifyEmotionsCommand.class, true, "input",
			ClassifyFixtures.messiFile().toFile(), "output", dir.resolve("out").toFile()).get();
		assertNull(((EmotionCommand<?>) m.getDelegateObject()).failure());
		assertEquals(1L, m.getOutput("face_count"));
		assertTrue(String.join("\n", log).contains("built-in model"), log.toString());
		assertTrue(ClassifyFixtures.readCsv(dir.resolve("out").resolve(ClassificationReports.LOG)).get(0).contains(
			"p_surprise"));
	}

	@Test
	void macroWithoutModel() throws Exception {
		assumeTrue(BuiltinModel.available(), "no built-in model in this build");
		final EmotionTrackingPlugin.Outcome o = EmotionTrackingPlugin.run(context, "classify", "input=[" + ClassifyFixtures
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
