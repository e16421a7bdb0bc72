package org.emotiontracking.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.emotiontracking.core.classify.ClassifySettings;
import org.emotiontracking.core.explain.GradCamSettings;
import org.emotiontracking.core.live.LiveSettings;
import org.emotiontracking.core.train.TrainSettings;
import org.junit.jupiter.api.Test;

/** The core's ordered choice lists: every item is a value its key accepts, and each key's default is listed. */
class KeyChoicesTest {

	private static final List<Class<?>> SETTINGS = List.of(TrainSettings.class, ClassifySettings.class,
		GradCamSettings.class, LiveSettings.class);

	@Test
	void everyItemIsAcceptedAndEveryDefaultIsAnItem() throws Exception {
		int lists = 0;
		for (final Class<?> type : SETTINGS) {
			final Object defaults = type.getConstructor().newInstance();
			final Map<String, String> values = Settings.values(defaults);
			for (final String key : Settings.fields(type).keySet()) {
				final List<String> closed = KeyChoices.closed(type, key), open = KeyChoices.open(type, key);
				for (final String item : closed.isEmpty() ? open : closed) {
					final Object s = Settings.apply(type.getConstructor().newInstance(), Map.of(key, item));
					assertTrue(same(Settings.values(s).get(key), item), type.getSimpleName() + " " + key + "=" + item);
				}
				if (!closed.isEmpty() || !open.isEmpty()) {
					lists++;
					final List<String> items = closed.isEmpty() ? open : closed;
					assertTrue(items.stream().anyMatch(i -> same(i, values.get(key))), type.getSimpleName() + " " + key +
						": default " + values.get(key) + " is one of " + items);
				}
			}
		}
		assertEquals(14, lists, "faces x2, method, engine x2, tiles x3, monitor, alpha, detector x3, weights");
	}

	@Test
	void keysArePerSettingsClass() {
		assertEquals(List.of("0.35", "0.5", "0.75", "1.0", "1.3", "1.4"), KeyChoices.closed(TrainSettings.class, "alpha"));
		assertTrue(KeyChoices.closed(GradCamSettings.class, "alpha").isEmpty(), "Grad-CAM's alpha is a number 0..1");
		assertEquals(List.of("blazeface", "blazeface-short", "haar"), KeyChoices.open(LiveSettings.class, "detector"));
		assertEquals(List.of("detect", "whole"), KeyChoices.closed(ClassifySettings.class, "faces"));
		assertEquals(List.of("gradcam", "gradcam++"), KeyChoices.closed(GradCamSettings.class, "method"));
		assertEquals(List.of("onnxruntime", "tensorflow"), KeyChoices.closed(LiveSettings.class, "engine"));
		assertEquals(List.of("auto", "on", "off"), KeyChoices.closed(ClassifySettings.class, "tiles"));
		assertEquals(List.of("predicted", "happy", "sad"), KeyChoices.targets(List.of("happy", "sad")));
		assertTrue(KeyChoices.closed(null, "faces").isEmpty());
	}

	private static boolean same(final String a, final String b) {
		if (a.equalsIgnoreCase(b)) return true;
		try {
			return Double.parseDouble(a) == Double.parseDouble(b);
		}
		catch (final NumberFormatException e) {
			return false;
		}
	}
}
