package org.emotiontracking.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandService;

/** Macro option strings, and their conversion to a command's inputs, as ImageJ writes them. */
class MacroOptionsTest {

	@Test
	void parsesBracketsBareWordsAndExactKeys() {
		final Map<String, String> m = MacroOptions.parse(
			"validation_dataset=[/data/val set] dataset=[/data/my faces] output=/out epochs=2 augment Overwrite ");
		assertEquals("/data/val set", m.get("validation_dataset"));
		assertEquals("/data/my faces", m.get("dataset"));
		assertEquals("/out", m.get("output"));
		assertEquals("2", m.get("epochs"));
		assertTrue(m.containsKey("augment"));
		assertNull(m.get("augment"));
		assertTrue(m.containsKey("overwrite"));
		assertTrue(MacroOptions.parse(null).isEmpty());
		assertEquals("", MacroOptions.parse("classes=[]").get("classes"));
		assertThrows(IllegalArgumentException.class, () -> MacroOptions.parse("dataset=[/a b"));
	}

	@Test
	void formatsAsTheRecorder() {
		final Map<String, String> v = new LinkedHashMap<>();
		v.put("dataset", "/data/my faces");
		v.put("epochs", "2");
		v.put("classes", "");
		v.put("skipped", null);
		assertEquals("dataset=[/data/my faces] epochs=2 classes=[]", MacroOptions.format(v));
		assertEquals(v.get("dataset"), MacroOptions.parse(MacroOptions.format(v)).get("dataset"));
	}

	@Test
	void convertsToTheInputsOfACommand() {
		try (Context context = new Context(CommandService.class)) {
			final CommandInputs inputs = CommandInputs.of(context, EmotionTrackingPlugin.find(context, "train"));
			assertEquals("Train Emotion Model", inputs.title);
			assertFalse(inputs.inputs.stream().anyMatch(i -> i.name.endsWith("Service")), "services are not inputs");
			assertTrue(inputs.inputs.stream().anyMatch(i -> i.name.equals("dataset") && i.isDirectory()));
			assertTrue(inputs.inputs.stream().noneMatch(i -> i.name.equals("validation_accuracy")), "outputs are not inputs");
			assertTrue(inputs.inputs.stream().filter(i -> i.name.equals("learning_rate")).findFirst().get().description
				.contains("Adam"), "descriptions come from the core's @Setting");

			final List<String> unknown = new ArrayList<>();
			final Map<String, Object> v = inputs.fromMacroOptions(
				"dataset=[/data/my faces] output=/out epochs=2 learning_rate=0.0001 augment=false overwrite epoch=3", unknown);
			assertEquals(new File("/data/my faces"), v.get("dataset"));
			assertEquals(new File("/out"), v.get("output"));
			assertEquals(2, v.get("epochs"));
			assertEquals(0.0001, (Double) v.get("learning_rate"), 0);
			assertEquals(false, v.get("augment"));
			assertEquals(true, v.get("overwrite"));
			assertEquals(true, v.get("gradcam"), "left out: the default");
			assertEquals(32, v.get("batch_size"), "left out: the default");
			assertNull(v.get("validation_dataset"));
			assertEquals(List.of("epoch"), unknown);
			assertTrue(inputs.missingRequired(v).isEmpty());
			assertEquals(List.of("dataset", "output"), inputs.missingRequired(inputs.fromMacroOptions("", unknown)));

			final Map<String, String> text = inputs.toMacroText(v);
			assertEquals("/data/my faces", text.get("dataset"));
			assertEquals("0.0001", text.get("learning_rate"));
			assertEquals("false", text.get("augment"));
			assertFalse(text.containsKey("validation_dataset"));
			assertEquals(v, inputs.fromMacroOptions(MacroOptions.format(text), new ArrayList<>()), "recorded text reads back");

			final IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> inputs.fromMacroOptions(
				"epochs=two", new ArrayList<>()));
			assertTrue(bad.getMessage().contains("epochs=two"), bad.getMessage());
			assertThrows(IllegalArgumentException.class, () -> inputs.fromMacroOptions("epochs=2.5", new ArrayList<>()));
			assertThrows(IllegalArgumentException.class, () -> inputs.fromMacroOptions("augment=maybe", new ArrayList<>()));
		}
	}
}
