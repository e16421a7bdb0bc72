package org.emotiontracking.imagej;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;
import org.scijava.prefs.PrefService;

/**
 * The set-up of the tests that run the commands through a real, headless SciJava context: one
 * context per test class, its log collected, and commands run as Fiji's scripts run them.
 */
abstract class SciJavaCommandTest {

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

	/** Runs a command as Fiji's scripts do, without the values remembered from earlier runs. */
	static Module run(final Class<? extends Command> command, final Object... keyValues) throws Exception {
		log.clear();
		context.service(PrefService.class).clear(command);
		return run(context, command, keyValues);
	}

	/**
	 * Runs a command with pre- and postprocessing through the ModuleService, as SciJava says to for a
	 * DynamicCommand (CommandService.run gives back no module for one), and waits for it.
	 */
	static Module run(final Context context, final Class<? extends Command> command, final Object... keyValues)
		throws Exception
	{
		final CommandInfo info = context.service(CommandService.class).getCommand(command);
		return context.service(ModuleService.class).run(info, true, keyValues).get();
	}

	static String failure(final Module module) {
		return ((EmotionCommand<?>) module.getDelegateObject()).failure();
	}
}
