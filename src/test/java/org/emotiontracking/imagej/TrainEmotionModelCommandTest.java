package org.emotiontracking.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.emotiontracking.core.data.SyntheticFaces;
import org.emotiontracking.core.train.TrainSettings;
import org.emotiontracking.core.util.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.app.event.StatusEvent;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;
import org.scijava.log.LogService;
import org.scijava.module.Module;
import org.scijava.plugin.Plugin;

/** Train Emotion Model run as a user of Fiji's scripting would: through SciJava's ModuleService. */
class TrainEmotionModelCommandTest {

	@TempDir
	Path dir;

	@Test
	void parametersMirrorTheCoreKeysAndDefaults() {
		assertEquals(Collections.emptyList(), SettingsBinding.mismatches(new TrainEmotionModelCommand(), new TrainSettings()));
		final Plugin plugin = TrainEmotionModelCommand.class.getAnnotation(Plugin.class);
		assertEquals("Plugins>Emotion Tracking>Train Emotion Model", plugin.menuPath());
		assertTrue(plugin.headless());
		assertEquals("Train Emotion Model", new TrainEmotionModelCommand().title());
	}

	@Test
	void trainsATinyModelHeadless() throws Exception {
		final Path data = dir.resolve("faces");
		new SyntheticFaces(48, 1).writeDataset(data, 4, false, ProgressListener.SILENT);
		final Path out = dir.resolve("out");
		try (Context context = new Context(CommandService.class, StatusService.class, LogService.class)) {
			final List<String> log = Collections.synchronizedList(new ArrayList<>());
			context.service(LogService.class).addLogListener(m -> log.add(m.text()));
			final StatusCollector status = new StatusCollector();
			context.service(EventService.class).subscribe(status);

			final Module module = ClassifyEmotionsCommandTest.run(context, TrainEmotionModelCommand.class,
				"dataset", data.toFile(), "output", out.toFile(), "weights", "none", "epochs", 1, "image_size", 48, "alpha",
				"0.35", "batch_size", 8, "gradcam", false);

			assertNull(((TrainEmotionModelCommand) module.getDelegateObject()).failure(), String.join("\n", log));
			final double accuracy = (Double) module.getOutput("validation_accuracy");
			assertTrue(accuracy >= 0 && accuracy <= 1, "validation_accuracy " + accuracy);
			assertEquals(1, module.getOutput("best_epoch"));
			final File model = (File) module.getOutput("model");
			assertTrue(model.isFile(), String.valueOf(model));
			assertTrue(Files.isRegularFile(out.resolve("training_history.csv")));
			assertTrue(log.stream().anyMatch(l -> l.startsWith("Epoch 1/1: loss")), String.join("\n", log));
			assertTrue(log.stream().anyMatch(l -> l.startsWith("Validation accuracy")), String.join("\n", log));
			assertTrue(status.progressed, "no progress events");
		}
	}

	@Test
	void reportsAFailureWithoutThrowing() throws Exception {
		try (Context context = new Context(CommandService.class, StatusService.class, LogService.class)) {
			final List<String> log = Collections.synchronizedList(new ArrayList<>());
			context.service(LogService.class).addLogListener(m -> log.add(m.text()));
			final Module module = ClassifyEmotionsCommandTest.run(context, TrainEmotionModelCommand.class,
				"dataset", dir.resolve("missing").toFile(), "output", dir.resolve("out").toFile(), "weights", "none");
			final String failure = ((TrainEmotionModelCommand) module.getDelegateObject()).failure();
			assertNotNull(failure);
			assertTrue(log.stream().anyMatch(l -> l.startsWith("Train Emotion Model failed: ") && l.contains(failure)), String
				.join("\n", log));
			assertFalse(Files.exists(dir.resolve("out/emotion_mobilenet_model.zip")));
		}
	}

	@Test
	void isFoundByTheBridgeName() {
		try (Context context = new Context(CommandService.class)) {
			final CommandInfo info = EmotionTrackingPlugin.find(context, "train");
			assertNotNull(info);
			assertEquals(TrainEmotionModelCommand.class.getName(), info.getClassName());
			assertNull(EmotionTrackingPlugin.find(context, "no-such-command"));
		}
	}

	public static final class StatusCollector {

		volatile boolean progressed;

		@EventHandler
		public void onEvent(final StatusEvent e) {
			if (e.getProgressValue() > 0) progressed = true;
		}
	}
}
