package org.emotiontracking.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;
import org.scijava.widget.Button;

/**
 * The Help button of SciJava's dialog (the one Fiji shows for the commands): each command has a
 * non-persisted, optional Button input whose callback, invoked through the ModuleItem API as SciJava's
 * input harvester does, shows the command's README section (in the log here: no ImageJ window).
 */
class SciJavaHelpButtonTest {

	private Context context;
	private final List<String> log = new ArrayList<>();

	@BeforeEach
	void createContext() {
		context = new Context(CommandService.class, ModuleService.class, LogService.class);
		context.service(LogService.class).addLogListener(m -> log.add(m.text()));
	}

	@AfterEach
	void disposeContext() {
		context.dispose();
	}

	@ParameterizedTest
	@ValueSource(classes = { ClassifyEmotionsCommand.class, GradCamOverlayCommand.class, LiveWebcamCommand.class,
		TrainEmotionModelCommand.class })
	void helpButtonShowsTheCommandsReadmeSection(final Class<? extends EmotionCommand<?>> type) throws Exception {
		final CommandInfo info = context.service(CommandService.class).getCommand(type);
		assertNotNull(info, type.getSimpleName());
		final ModuleItem<?> help = info.getInput("help");
		assertNotNull(help, "a help input");
		assertEquals(Button.class, help.getType());
		assertEquals("Help", help.getLabel());
		assertFalse(help.isPersisted());
		assertFalse(help.isRequired());
		assertEquals("showHelp", help.getCallback());

		final Module module = context.service(ModuleService.class).createModule(info);
		final EmotionCommand<?> command = (EmotionCommand<?>) module.getDelegateObject();
		help.callback(module); // what the harvester does when the button is pressed

		final String readme = new String(Files.readAllBytes(Paths.get("README.md")), StandardCharsets.UTF_8);
		final String own = ReadmeHelp.section(readme, command.commandName());
		assertNotNull(own, "README has a section for " + command.commandName());
		assertEquals(1, log.size(), log.toString());
		assertTrue(log.get(0).startsWith(own), log.get(0));
		final String detection = ReadmeHelp.section(readme, ReadmeHelp.DETECTION_SECTION);
		assertEquals(command instanceof DetectingCommand, log.get(0).contains(detection), "face-detection section");

		// Not a key: ImageJ 1.x's dialog, macro options and the recorder never see it.
		assertFalse(CommandInputs.of(context, info).inputs.stream().anyMatch(in -> in.name.equals("help")));
	}
}
