package org.emotiontracking.imagej;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.emotiontracking.core.util.Setting;
import org.emotiontracking.core.util.Settings;

/**
 * Copies a command's fields into a core settings object by name: a command field named like a
 * {@link Setting} key of the settings class supplies that key. Values go through the same
 * {@code key=value} text as the CLI ({@link Settings#apply}), so a Fiji dialog, an ImageJ macro and
 * the command line read identically.
 */
public final class SettingsBinding {

	private SettingsBinding() {}

	/**
	 * The command's values for the settings' keys as {@code key=value} text; null fields are left
	 * out (the settings keep their defaults).
	 */
	public static Map<String, String> keys(final Object command, final Class<?> settingsType) {
		final Map<String, Field> own = fields(command.getClass());
		final Map<String, String> out = new LinkedHashMap<>();
		for (final String key : Settings.fields(settingsType).keySet()) {
			final Field f = own.get(key);
			if (f == null) continue;
			final Object v;
			try {
				v = f.get(command);
			}
			catch (final IllegalAccessException e) {
				throw new IllegalStateException(e);
			}
			if (v != null) out.put(key, format(v));
		}
		return out;
	}

	/** Fills {@code settings} from the command's fields of the same names; returns {@code settings}. */
	public static <S> S apply(final Object command, final S settings) {
		return Settings.apply(settings, keys(command, settings.getClass()));
	}

	/** A value as macro / CLI text: paths as is, lists comma-separated, numbers without exponent, others by toString. */
	public static String format(final Object v) {
		if (v instanceof File) return ((File) v).getPath();
		if (v instanceof Path) return v.toString();
		if (v instanceof Collection) return ((Collection<?>) v).stream().map(String::valueOf).collect(Collectors.joining(","));
		if (v instanceof Double || v instanceof Float) {
			final double d = ((Number) v).doubleValue();
			if (Double.isNaN(d) || Double.isInfinite(d)) return String.valueOf(d);
			return new BigDecimal(v.toString()).stripTrailingZeros().toPlainString();
		}
		return String.valueOf(v);
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
