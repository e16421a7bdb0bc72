package org.emotiontracking.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.emotiontracking.core.classify.ClassifySettings;
import org.emotiontracking.core.train.TrainSettings;
import org.emotiontracking.core.util.Settings;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;

/**
 * The same key=value text through the three entry points that read it: the command line
 * ({@link Settings#parse} + {@link Settings#apply}), macro options in ImageJ 1.x
 * ({@link CommandInputs#fromMacroOptions}, which uses {@link MacroOptions}) and one input of a command
 * ({@link CommandInputs#parse}, what the dialog and the Recorder's text go through), each bound to the
 * core settings as a run would. They must give the same settings, or all refuse the text.
 */
class KeyValuesAgreementTest {

	/** key, text, and what the core settings must then hold (Settings.values text), or null: refused. */
	private static final String[][] TRAIN = {
		{ "epochs", "16", "16" }, { "epochs", "16.0", "16" }, { "epochs", " 7 ", "7" }, { "epochs", "1e2", "100" },
		{ "epochs", "2.5", null }, { "epochs", "two", null }, { "epochs", "", null }, { "epochs", "99999999999", null },
		{ "seed", "12345678901", "12345678901" }, { "seed", "-3", "-3" },
		{ "augment", "true", "true" }, { "augment", "FALSE", "false" }, { "augment", "on", "true" },
		{ "augment", "off", "false" }, { "augment", "yes", "true" }, { "augment", "No", "false" }, { "augment", "1", "true" },
		{ "augment", "0", "false" }, { "augment", "", "true" }, { "augment", "maybe", null },
		{ "learning_rate", "0.0001", "1.0E-4" }, { "learning_rate", "1e-3", "0.001" }, { "learning_rate", "2", "2.0" },
		{ "learning_rate", "fast", null },
		{ "classes", "a, b ,,c", "a,b,c" }, { "classes", "", "" }, { "classes", "happy", "happy" },
		{ "dataset", "/data/my faces", "/data/my faces" }, { "validation_dataset", "", "" },
		{ "weights", "none", "none" }, { "monitor", "val_accuracy", "val_accuracy" }, { "monitor", "VAL_ACCURACY", "val_accuracy" },
		{ "monitor", "loss", null }, { "dropout", "1", "1.0" } };

	private static final String[][] CLASSIFY = {
		{ "faces", "whole", "whole" }, { "faces", "WHOLE", "whole" }, { "faces", "both", null },
		{ "tiles", "on", "on" }, { "tiles", "Off", "off" }, { "tiles", "auto", "auto" }, { "tiles", "sometimes", null },
		{ "engine", "TensorFlow", "tensorflow" }, { "engine", "onnx", null },
		{ "min_confidence", "0.75", "0.75" }, { "max_pixels", "1000000.0", "1000000" }, { "largest", "on", "true" },
		{ "align", "off", "false" }, { "detector", "haar", "haar" }, { "shard", "1/4", "1/4" } };

	@Test
	void theCommandLineMacrosAndCommandInputsReadEveryValueAlike() {
		try (Context context = new Context(CommandService.class)) {
			final List<String> problems = new ArrayList<>();
			check(context, "train", TrainSettings::new, TRAIN, problems);
			check(context, "classify", ClassifySettings::new, CLASSIFY, problems);
			assertEquals(Collections.emptyList(), problems);
		}
	}

	private static void check(final Context context, final String command, final Supplier<Object> settings,
		final String[][] cases, final List<String> problems)
	{
		final CommandInputs inputs = CommandInputs.of(context, EmotionTrackingPlugin.find(context, command));
		for (final String[] c : cases) {
			final String key = c[0], text = c[1], want = c[2];
			final String cli = outcome(() -> Settings.values(Settings.apply(settings.get(), Settings.parse(Arrays.asList(key +
				"=" + text)))).get(key));
			final String macro = outcome(() -> {
				final List<String> unknown = new ArrayList<>();
				final Map<String, Object> v = inputs.fromMacroOptions(key + "=" + MacroOptions.quote(text), unknown);
				assertTrue(unknown.isEmpty(), unknown.toString());
				return bound(context, inputs, v, settings.get()).get(key);
			});
			final String input = outcome(() -> {
				final CommandInputs.Input in = inputs.inputs.stream().filter(i -> i.name.equals(key)).findFirst().get();
				final Map<String, Object> v = inputs.defaults();
				v.put(key, inputs.parse(in, text));
				return bound(context, inputs, v, settings.get()).get(key);
			});
			final String expected = want == null ? "refused" : want;
			if (!expected.equals(cli) || !expected.equals(macro) || !expected.equals(input)) problems.add(command + " " + key +
				"=[" + text + "]: expected " + expected + ", command line " + cli + ", macro " + macro + ", command input " + input);
		}
	}

	/** The settings a command run with these input values binds (as {@link EmotionCommand#run} does). */
	private static Map<String, String> bound(final Context context, final CommandInputs inputs, final Map<String, Object> values,
		final Object settings)
	{
		final Module module = context.service(ModuleService.class).createModule(inputs.info);
		for (final Map.Entry<String, Object> e : values.entrySet()) module.setInput(e.getKey(), e.getValue());
		return Settings.values(SettingsBinding.apply(module.getDelegateObject(), settings));
	}

	/** The value, or "refused" when the text was refused with a message naming the key. */
	private static String outcome(final Supplier<String> run) {
		try {
			return run.get();
		}
		catch (final IllegalArgumentException e) {
			return e.getMessage() != null && e.getMessage().contains("=") ? "refused" : "refused without naming the key: " + e
				.getMessage();
		}
	}
}
