package org.emotiontracking.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.emotiontracking.core.classify.ClassificationReports;
import org.emotiontracking.core.classify.ClassifyFixtures;
import org.emotiontracking.core.data.SyntheticFaces;
import org.emotiontracking.core.data.TestImages;
import org.emotiontracking.core.model.TestModels;
import org.emotiontracking.core.util.ProgressListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;

/**
 * SciJava sees an Emotion Tracking command's failure and cancel: the module's isCanceled() and the reason.
 * The commands are DynamicCommands, so the module CommandService gives back is the command itself.
 */
class EmotionCommandCancelTest {

	@TempDir
	Path dir;

	private Context context;
	private final List<String> log = Collections.synchronizedList(new ArrayList<>());

	@BeforeEach
	void createContext() {
		context = new Context(CommandService.class, ModuleService.class, StatusService.class, LogService.class);
		context.service(LogService.class).addLogListener(m -> log.add(m.text()));
	}

	@AfterEach
	void disposeContext() {
		context.dispose();
	}

	@Test
	void aFailureCancelsTheModuleWithItsMessageAsReason() throws Exception {
		final EmotionCommand<?> module = (EmotionCommand<?>) ClassifyEmotionsCommandTest.run(context,
			ClassifyEmotionsCommand.class, "model", ClassifyFixtures.model().toFile(), "input", dir.resolve("missing")
			.toFile(), "output", dir.resolve("out").toFile());
		final EmotionCommand<?> command = (EmotionCommand<?>) module.getDelegateObject();
		assertNotNull(command.failure());
		assertTrue(command.failure().contains("missing"), command.failure());
		assertTrue(module.isCanceled(), "the module's isCanceled()");
		assertEquals(command.failure(), module.getCancelReason());
		assertEquals(1, log.stream().filter(l -> l.contains(command.failure())).count(), String.join("\n", log)); // reported once
	}

	@Test
	void aRunThatSucceedsIsNotCancelled() throws Exception {
		final Path in = Files.createDirectories(dir.resolve("in"));
		TestImages.write(TestModels.noiseImage(64, 64, 1), in.resolve("a.png"));
		final EmotionCommand<?> module = (EmotionCommand<?>) ClassifyEmotionsCommandTest.run(context,
			ClassifyEmotionsCommand.class, "model", ClassifyFixtures.model().toFile(), "input", in.toFile(), "output", dir
			.resolve("out").toFile(), "faces", "whole");
		assertNull(((EmotionCommand<?>) module.getDelegateObject()).failure(), String.join("\n", log));
		assertFalse(module.isCanceled());
		assertNull(module.getCancelReason());
		assertTrue(Files.isRegularFile(dir.resolve("out").resolve(ClassificationReports.LOG)));
	}

	@Test
	void cancellingARunningModuleStopsItWithoutAReason() throws Exception {
		final Path data = dir.resolve("faces");
		new SyntheticFaces(48, 1).writeDataset(data, 4, false, ProgressListener.SILENT);
		final ModuleService modules = context.service(ModuleService.class);
		final EmotionCommand<?> module = (EmotionCommand<?>) modules.createModule(context.service(CommandService.class).getCommand(
			TrainEmotionModelCommand.class));
		final Future<Module> done = modules.run(module, true, "dataset", data.toFile(), "output", dir.resolve("out").toFile(),
			"weights", "none", "epochs", 1000, "image_size", 48, "alpha", "0.35", "batch_size", 8, "gradcam", false);
		final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (log.stream().noneMatch(l -> l.startsWith("Epoch 1/1000")) && !done.isDone() && System.nanoTime() < deadline)
			Thread.sleep(50);
		assertFalse(done.isDone(), "1000 epochs ended before the cancel: " + String.join("\n", log));
		module.cancel(null); // what SciJava (or a script) calls: reaches EmotionCommand.cancel(String)
		done.get(120, TimeUnit.SECONDS);
		final TrainEmotionModelCommand command = (TrainEmotionModelCommand) module.getDelegateObject();
		assertTrue(module.isCanceled());
		assertNull(module.getCancelReason(), "a stop is no failure");
		assertNull(command.failure(), String.join("\n", log));
		assertTrue(log.stream().noneMatch(l -> l.startsWith("Epoch 1000/1000")), String.join("\n", log));
	}
}
