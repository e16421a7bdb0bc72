package org.emotiontracking.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;

/** The ImageJ 1.x bridge's macro path, without ImageJ running (the full run is ImageJ1MacroIT). */
class EmotionTrackingPluginTest {

	private static Context context;

	@TempDir
	Path dir;

	@BeforeAll
	static void createContext() {
		context = new Context(); // what the bridge creates in plain ImageJ 1.x
	}

	@AfterAll
	static void disposeContext() {
		context.dispose();
	}

	@Test
	void runsTheCommandWithMacroOptions() {
		final EmotionTrackingPlugin.Outcome outcome = EmotionTrackingPlugin.run(context, "train", "dataset=[" + dir.resolve(
			"no faces") + "] output=[" + dir.resolve("out") + "] weights=none epochs=2 overwrite");
		assertNotNull(outcome.module, "the command ran");
		assertTrue(outcome.failure.contains("does not exist"), outcome.failure);
		assertEquals(new File(dir.resolve("no faces").toString()), outcome.module.getInput("dataset"));
		assertEquals(2, outcome.module.getInput("epochs"));
		assertEquals(true, outcome.module.getInput("overwrite"));
		assertEquals(true, outcome.module.getInput("augment"), "left out: the default");
	}

	@Test
	void reportsMissingKeysBadValuesAndUnknownCommands() {
		final EmotionTrackingPlugin.Outcome missing = EmotionTrackingPlugin.run(context, "train", "epochs=2");
		assertNull(missing.module);
		assertTrue(missing.failure.startsWith("Missing dataset=, output="), missing.failure);

		final EmotionTrackingPlugin.Outcome bad = EmotionTrackingPlugin.run(context, "train", "dataset=/a output=/b epochs=x");
		assertTrue(bad.failure.contains("epochs=x"), bad.failure);

		final EmotionTrackingPlugin.Outcome unknown = EmotionTrackingPlugin.run(context, "nope", "");
		assertTrue(unknown.failure.contains("'nope'"), unknown.failure);
	}
}
