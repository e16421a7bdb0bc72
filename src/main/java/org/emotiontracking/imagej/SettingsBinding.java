package org.emotiontracking.imagej;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.emotiontracking.core.util.KeyValues;
import org.emotiontracking.core.util.Setting;
import org.emotiontracking.core.util.Settings;

/**
 * Copies a command's fields into a core settings object by name: a command field named like a
 * {@link Setting} key of the settings class supplies that key. Values are copied as values (no detour
 * through text); where a command holds text for a typed key (a list as "a,b"), the codec of the CLI
 * ({@link KeyValues}) reads it, so a Fiji dialog, an ImageJ macro and the command line read identically.
 */
public final class SettingsBinding {

	private SettingsBinding() {}

	/**
	 * Fills {@code settings} from the command's fields of the same names, value to value (a File
	 * becomes a Path, a text is decoded by {@link KeyValues}: "a,b" for a list, a choice in any case);
	 * null fields are left out (the settings keep their defaults). Returns {@code settings}.
	 *
	 * @throws IllegalArgumentException "Bad value for key=value: ..." for a value that does not fit
	 */
	public static <S> S apply(final Object command, final S settings) {
		final Map<String, Field> own = fields(command.getClass());
		for (final Map.Entry<String, Field> e : Settings.fields(settings.getClass()).entrySet()) {
			final Field f = own.get(e.getKey());
			if (f == null) continue;
			try {
				final Object v = f.get(command);
				if (v != null) e.getValue().set(settings, Settings.choice(e.getValue(), KeyValues.convert(e.getKey(), v, e
					.getValue().getType())));
			}
			catch (final IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return settings;
	}

	/** A value as macro / CLI text ({@link KeyValues#encode}). */
	public static String format(final Object v) {
		return KeyValues.encode(v);
	}

	/** The {@link Setting} description of a key, or "" if the settings class has no such key. */
	public static String description(final Class<?> settingsType, final String key) {
		final Field f = Settings.fields(settingsType).get(key);
		return f == null ? "" : f.getAnnotation(Setting.class).value();
	}

	/**
	 * For tests of each command: keys of the settings class that the command lacks, and keys where
	 * the command's initial value differs from the core's default. Empty when the command mirrors
	 * the settings exactly.
	 */
	public static List<String> mismatches(final Object freshCommand, final Object defaultSettings) {
		final List<String> out = new ArrayList<>();
		final Map<String, Field> own = fields(freshCommand.getClass());
		for (final String key : Settings.fields(defaultSettings.getClass()).keySet())
			if (!own.containsKey(key)) out.add(key + ": no command field");
		final Object bound;
		try {
			bound = apply(freshCommand, defaultSettings.getClass().getConstructor().newInstance());
		}
		catch (final ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
		final Map<String, String> want = Settings.values(defaultSettings);
		final Map<String, String> got = Settings.values(bound);
		for (final String key : want.keySet())
			if (own.containsKey(key) && !Objects.equals(want.get(key), got.get(key))) out.add(key + ": command default " +
				got.get(key) + ", core default " + want.get(key));
		return out;
	}

	/** Instance fields of a class and its superclasses, by name (subclass first), made accessible. */
	static Map<String, Field> fields(final Class<?> type) {
		final Map<String, Field> out = new LinkedHashMap<>();
		for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass())
			for (final Field f : c.getDeclaredFields()) {
				if (Modifier.isStatic(f.getModifiers()) || out.containsKey(f.getName())) continue;
				f.setAccessible(true);
				out.put(f.getName(), f);
			}
		return out;
	}
}
