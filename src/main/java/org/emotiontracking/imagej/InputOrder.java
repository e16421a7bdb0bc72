package org.emotiontracking.imagej;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import org.emotiontracking.core.detect.FaceDetectionSettings;
import org.emotiontracking.core.model.EmotionModelSettings;
import org.emotiontracking.core.util.KeyChoices;
import org.emotiontracking.core.util.Setting;

/**
 * The order in which both dialogs (ImageJ 1.x's and Fiji's) and the recorded line list a command's
 * inputs, whichever class of the command declares them: the model keys first, then the keys of the
 * command's own settings class and of its other superclasses in declaration order, then the inputs
 * that are no key (overlay, new_image, ...), then the face-detection keys (under their heading), each
 * {@code <key>_file} right after its key, buttons (Help) last.
 */
final class InputOrder {

	/** The keys in order, each name-or-file key followed by its file input. */
	private final List<String> keys = new ArrayList<>();
	/** Where the face-detection keys start in {@link #keys} (its size if there are none). */
	private int detection;

	private InputOrder(final Class<?> settingsType) {
		final List<Class<?>> chain = new ArrayList<>();
		for (Class<?> c = settingsType; c != null && c != Object.class; c = c.getSuperclass()) chain.add(c);
		if (chain.remove(EmotionModelSettings.class)) chain.add(0, EmotionModelSettings.class);
		final boolean detects = chain.remove(FaceDetectionSettings.class);
		for (final Class<?> c : chain) add(settingsType, c);
		detection = keys.size();
		if (detects) add(settingsType, FaceDetectionSettings.class);
	}

	/** The keys {@code declaring} declares, in declaration order (as SciJava reads {@code @Parameter} fields). */
	private void add(final Class<?> settingsType, final Class<?> declaring) {
		for (final Field f : declaring.getDeclaredFields()) {
			if (Modifier.isStatic(f.getModifiers()) || !f.isAnnotationPresent(Setting.class)) continue;
			keys.add(f.getName());
			if (!KeyChoices.open(settingsType, f.getName()).isEmpty()) keys.add(f.getName()
				+ SettingsBinding.FILE_INPUT_SUFFIX);
		}
	}

	/** Sorts the inputs of a command with these settings (null: keeps their order). */
	static <T> Comparator<T> of(final Class<?> settingsType, final Function<T, String> name,
		final Predicate<T> button)
	{
		final InputOrder order = new InputOrder(settingsType);
		return Comparator.comparingInt(item -> button.test(item) ? Integer.MAX_VALUE : order.rank(name.apply(item)));
	}

	/** A key's place; an input that is no key goes between the command's keys and the detection keys. */
	private int rank(final String name) {
		final int i = keys.indexOf(name);
		return i >= 0 && i < detection ? 2 * i : i >= 0 ? 2 * i + 1 : 2 * detection;
	}
}
