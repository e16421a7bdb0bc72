package org.emotiontracking.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.File;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;

import org.emotiontracking.core.explain.GradCamSettings;
import org.emotiontracking.core.train.TrainSettings;
import org.junit.jupiter.api.Test;

/** The generic copy of command fields into core settings by name. */
class SettingsBindingTest {

	/** A command-like class: some keys of TrainSettings, one with a wrong default, plus own fields. */
	static class Fields {

		private File dataset = new File("/data/faces");
		private String classes = "happy, sad";
		private double learning_rate = 0.0001;
		private int epochs = 3;
		private boolean augment = false;
		private File validation_dataset;
		private int unrelated = 7;
	}

	@Test
	void copiesFieldsByName() {
		final TrainSettings s = SettingsBinding.apply(new Fields(), new TrainSettings());
		assertEquals(Paths.get("/data/faces"), s.dataset);
		assertEquals(Arrays.asList("happy", "sad"), s.classes);
		assertEquals(0.0001, s.learning_rate, 0);
		assertEquals(3, s.epochs);
		assertEquals(false, s.augment);
		assertNull(s.validation_dataset, "null fields keep the default");
		assertEquals(32, s.batch_size, "keys without a field keep the default");
	}

	@Test
	void formatsLikeTheCommandLine() {
		assertEquals("0.0001", SettingsBinding.format(0.0001));
		assertEquals("2", SettingsBinding.format(2.0));
		assertEquals("0.35", SettingsBinding.format(0.35f));
		assertEquals("a,b", SettingsBinding.format(Arrays.asList("a", "b")));
		assertEquals(new File("/x/y").getPath(), SettingsBinding.format(new File("/x/y")));
		assertEquals("true", SettingsBinding.format(true));
	}

	@Test
	void reportsMissingKeysAndDifferentDefaults() {
		final List<String> m = SettingsBinding.mismatches(new Fields(), new TrainSettings());
		assertEquals(true, m.contains("output: no command field"), m.toString());
		assertEquals(true, m.stream().anyMatch(s -> s.startsWith("epochs: command default 3, core default 16")), m
			.toString());
		assertEquals(false, m.stream().anyMatch(s -> s.startsWith("validation_dataset")), m.toString());
	}

	/** The drifts the check must catch: a text for a number, a text for an enum, widget limits not the core's. */
	static class Drifting {

		@org.scijava.plugin.Parameter(choices = { "0.35", "1.0" })
		private String alpha = "1.0";
		@org.scijava.plugin.Parameter(min = "0")
		private double learning_rate = new TrainSettings().learning_rate;
		@org.scijava.plugin.Parameter(min = "1", max = "100")
		private int epochs = new TrainSettings().epochs;
		@org.scijava.plugin.Parameter(choices = { "val_loss" })
		private String monitor = "val_loss";
		@org.scijava.plugin.Parameter(min = "0", max = "0.95")
		private double dropout = new TrainSettings().dropout;
	}

	/** GradCamSettings.faces was once a String beside ClassifySettings' FaceMode. */
	static class TextFaces {

		@org.scijava.plugin.Parameter(choices = { "detect", "whole" })
		private String faces = "detect";
	}

	@Test
	void reportsTypesAndWidgetLimitsThatDriftFromTheCore() {
		final List<String> m = SettingsBinding.mismatches(new Drifting(), new TrainSettings());
		assertTrue(m.contains("alpha: command type String, core type double"), m.toString());
		assertTrue(m.contains("learning_rate: widget min 0, core range (0, )"), m.toString());
		assertTrue(m.contains("epochs: widget max 100, core range [1, )"), m.toString());
		assertTrue(m.contains("monitor: widget choices [val_loss], core choices [val_loss, val_accuracy]"), m.toString());
		assertFalse(m.stream().anyMatch(s -> s.startsWith("dropout")), "an exclusive bound may be narrowed: " + m);
		final List<String> g = SettingsBinding.mismatches(new TextFaces(), new GradCamSettings());
		assertTrue(g.contains("faces: command type String, core type FaceMode"), g.toString());
	}
}
