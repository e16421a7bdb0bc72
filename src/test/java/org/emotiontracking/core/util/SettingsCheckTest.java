package org.emotiontracking.core.util;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.emotiontracking.core.classify.ClassifySettings;
import org.emotiontracking.core.classify.MergeSettings;
import org.emotiontracking.core.detect.FaceDetectionSettings;
import org.emotiontracking.core.explain.GradCamSettings;
import org.emotiontracking.core.live.LiveSettings;
import org.emotiontracking.core.model.MobileNetV2Architecture;
import org.emotiontracking.core.train.TrainSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The limits declared on @Setting, checked once by Settings.check and each settings class's validate(). */
class SettingsCheckTest {

	@TempDir
	Path tmp;

	private static final List<Object> ALL = Arrays.asList(new FaceDetectionSettings(), new ClassifySettings(),
		new GradCamSettings(), new LiveSettings(), new TrainSettings(), new MergeSettings());

	@Test
	void everyDefaultIsInsideItsOwnLimitsAndEveryRangeParses() {
		for (final Object s : ALL) {
			assertDoesNotThrow(() -> Settings.check(s), s.getClass().getSimpleName());
			for (final Field f : Settings.fields(s.getClass()).values()) {
				final Setting a = f.getAnnotation(Setting.class);
				if (!a.range().isEmpty()) {
					assertTrue(f.getType().isPrimitive() && f.getType() != boolean.class, f.getName() + ": a range on a number");
					Settings.Range.of(a.range());
				}
				if (a.choices().length > 0) assertEquals(String.class, f.getType(), f.getName() + ": choices on a text");
			}
		}
		assertEquals(MobileNetV2Architecture.BLOCK_COUNT, (int) Settings.Range.of(rangeOf(TrainSettings.class, "fine_tune")).max);
	}

	@Test
	void valuesOutsideTheirLimitsAreRefusedNamingKeyLimitAndValue() {
		final TrainSettings t = new TrainSettings();
		t.dropout = 1;
		assertEquals("dropout must be at least 0 and less than 1, got 1", assertThrows(IllegalArgumentException.class,
			t::validate).getMessage());
		t.dropout = 0.5;
		t.learning_rate = 0;
		assertEquals("learning_rate must be more than 0, got 0", assertThrows(IllegalArgumentException.class, t::validate)
			.getMessage());
		t.learning_rate = Double.NaN;
		assertThrows(IllegalArgumentException.class, t::validate);
		t.learning_rate = 0.01;
		t.monitor = "accuracy";
		assertEquals("monitor must be val_loss or val_accuracy, got accuracy", assertThrows(IllegalArgumentException.class,
			t::validate).getMessage());
		t.monitor = "val_accuracy";
		assertEquals("No output folder given: set output=", assertThrows(IllegalArgumentException.class, () -> t.validate(
			Required.OUTPUT)).getMessage());
		t.output = tmp;
		t.validate(Required.OUTPUT);

		final ClassifySettings c = new ClassifySettings();
		c.margin = 2.5;
		assertEquals("margin must be between -0.45 and 2, got 2.5", assertThrows(IllegalArgumentException.class, c::validate)
			.getMessage());
		c.margin = 0;
		c.batch_size = 0;
		assertTrue(assertThrows(IllegalArgumentException.class, c::validate).getMessage().startsWith(
			"batch_size must be between 1 and 1024"));
		c.batch_size = 8;
		c.tiles = null;
		assertEquals("tiles must be auto, on or off", assertThrows(IllegalArgumentException.class, c::validate).getMessage());
	}

	@Test
	void theCallerSaysWhatItsContextRequires() throws Exception {
		final ClassifySettings c = new ClassifySettings();
		c.validate(); // in-memory images: nothing needed
		assertTrue(assertThrows(IllegalArgumentException.class, () -> c.validate(Required.INPUT)).getMessage().contains(
			"input="));
		c.input = tmp.resolve("absent.png");
		assertTrue(assertThrows(IllegalArgumentException.class, () -> c.validate(Required.INPUT)).getMessage().contains(
			"not found"));
		c.input = tmp;
		c.validate(Required.INPUT);
		assertTrue(assertThrows(IllegalArgumentException.class, () -> c.validate(Required.INPUT, Required.OUTPUT))
			.getMessage().contains("output="));
		c.shard = "1/4";
		assertTrue(assertThrows(IllegalArgumentException.class, c::validate).getMessage().contains(
			"shard= needs output="), "a shard always needs its folder");

		final LiveSettings l = new LiveSettings();
		l.validate();
		l.record = true;
		assertTrue(assertThrows(IllegalArgumentException.class, l::validate).getMessage().contains("record=true"));

		final GradCamSettings g = new GradCamSettings();
		g.method = "GradCAMpp";
		g.validate();
		assertEquals("gradcam++", g.method, "aliases of gradcam++ are spelt as declared");
		assertFalse(g.method.isEmpty());
	}

	@Test
	void choicesAreSpeltAsDeclaredWhateverTheCaseGiven() {
		final TrainSettings t = Settings.apply(new TrainSettings(), java.util.Collections.singletonMap("monitor", "VAL_Accuracy"));
		assertEquals("val_accuracy", t.monitor);
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Settings.apply(new TrainSettings(), java.util.Collections
			.singletonMap("monitor", "loss"))).getMessage().contains("monitor=loss"));
	}

	private static String rangeOf(final Class<?> type, final String key) {
		return Settings.fields(type).get(key).getAnnotation(Setting.class).range();
	}
}
