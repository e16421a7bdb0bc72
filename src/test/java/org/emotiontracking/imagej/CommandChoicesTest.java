package org.emotiontracking.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.emotiontracking.core.detect.FaceDetectionSettings;
import org.emotiontracking.core.util.KeyChoices;
import org.emotiontracking.core.util.Settings;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandService;

/**
 * The commands' fixed choices are the core's ({@link KeyChoices}): where a command still lists them for
 * Fiji's widgets, the lists are the same, so they cannot drift. The detection keys come after each
 * command's own keys (dialog and recorded line).
 */
class CommandChoicesTest {

	@Test
	void sciJavaChoicesAreTheCoresAndDetectionKeysComeLast() {
		final List<String> detection = new ArrayList<>(Settings.fields(FaceDetectionSettings.class).keySet());
		try (Context context = new Context(CommandService.class)) {
			int lists = 0;
			for (final String name : new String[] { "train", "classify", "gradcam", "live" }) {
				final CommandInputs inputs = CommandInputs.of(context, EmotionTrackingPlugin.find(context, name));
				boolean inDetection = false;
				for (final CommandInputs.Input in : inputs.inputs) {
					final List<String> core = KeyChoices.closed(inputs.settingsType, in.name);
					if (!in.choices.isEmpty()) {
						assertEquals(core, in.choices, name + " " + in.name);
						lists++;
					}
					if (!core.isEmpty()) assertEquals(core, CommandDialog.closedChoices(inputs.settingsType, in), in.name);
					if (detection.contains(in.name)) inDetection = true;
					else assertFalse(inDetection, name + ": " + in.name + " after the detection keys");
				}
				assertEquals(!name.equals("train"), inDetection, name);
			}
			assertTrue(lists >= 8, "lists checked: " + lists);
		}
	}
}
