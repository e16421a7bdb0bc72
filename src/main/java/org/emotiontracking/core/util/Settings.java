package org.emotiontracking.core.util;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Binds key=value pairs to the {@link Setting} fields of a settings object, with clear errors for
 * unknown keys and bad values, and describes the keys for help texts.
 */
public final class Settings {

	private Settings() {}

	/** Parses "key=value" words (values may be [bracketed] as ImageJ macros write them). */
	public static Map<String, String> parse(final List<String> words) {
		final Map<String, String> out = new LinkedHashMap<>();
		for (final String w : words) {
			final int eq = w.indexOf('=');
			if (eq <= 0) throw new IllegalArgumentException("Expected key=value, got '" + w + "'");
			out.put(w.substring(0, eq).trim(), unbracket(w.substring(eq + 1).trim()));
		}
		return out;
	}

	static String unbracket(final String v) {
		return v.length() >= 2 && v.startsWith("[") && v.endsWith("]") ? v.substring(1, v.length() - 1) : v;
	}

	/** Sets every given key on {@code target}; unknown keys and bad values are errors naming them. */
	public static <T> T apply(final T target, final Map<String, String> values) {
		final Map<String, Field> fields = fields(target.getClass());
		for (final Map.Entry<String, String> e : values.entrySet()) {
			final Field f = fields.get(e.getKey());
			if (f == null) throw new IllegalArgumentException("Unknown key '" + e.getKey() + "'. Valid keys: " +
				String.join(", ", fields.keySet()));
			try {
				f.set(target, convert(f.getType(), e.getValue()));
			}
			catch (final IllegalArgumentException ex) {
				throw new IllegalArgumentException("Bad value for " + e.getKey() + "=" + e.getValue() + ": " + ex.getMessage(), ex);
			}
			catch (final IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return target;
	}

	/** The settings' current values as key=value strings (for logs and provenance). */
	public static Map<String, String> values(final Object settings) {
		final Map<String, String> out = new LinkedHashMap<>();
		for (final Map.Entry<String, Field> e : fields(settings.getClass()).entrySet()) {
			try {
				final Object v = e.getValue().get(settings);
				out.put(e.getKey(), v == null ? "" : v instanceof List ? String.join(",", ((List<?>) v).stream()
					.map(String::valueOf).toArray(String[]::new)) : String.valueOf(v));
			}
			catch (final IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return out;
	}

	/** Keys with their defaults and descriptions, one per line, for --help. */
	public static String describe(final Object defaults) {
		final StringBuilder sb = new StringBuilder();
		final Map<String, String> values = values(defaults);
		for (final Map.Entry<String, Field> e : fields(defaults.getClass()).entrySet()) {
			final String def = values.get(e.getKey());
			sb.append(String.format(Locale.ROOT, "  %-18s %s%s%n", e.getKey(), e.getValue().getAnnotation(Setting.class)
				.value(), def.isEmpty() ? "" : " [" + def + "]"));
		}
		return sb.toString();
	}

	public static Map<String, Field> fields(final Class<?> type) {
		final Map<String, Field> out = new LinkedHashMap<>();
		for (final Field f : type.getFields())
			if (f.isAnnotationPresent(Setting.class) && !Modifier.isStatic(f.getModifiers())) out.put(f.getName(), f);
		return out;
	}

	static Object convert(final Class<?> type, final String v) {
		if (type == String.class) return v;
		if (type == Path.class) return v.isEmpty() ? null : Paths.get(v);
		if (type == int.class || type == Integer.class) return Integer.parseInt(v);
		if (type == long.class || type == Long.class) return Long.parseLong(v);
		if (type == double.class || type == Double.class) return Double.parseDouble(v);
		if (type == boolean.class || type == Boolean.class) {
			if (v.isEmpty() || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes") || v.equals("1")) return true;
			if (v.equalsIgnoreCase("false") || v.equalsIgnoreCase("no") || v.equals("0")) return false;
			throw new IllegalArgumentException("expected true or false");
		}
		if (type == List.class) {
			final List<String> out = new ArrayList<>();
			for (final String s : Arrays.asList(v.split(","))) if (!s.trim().isEmpty()) out.add(s.trim());
			return out;
		}
		if (type.isEnum()) {
			for (final Object c : type.getEnumConstants())
				if (c.toString().equalsIgnoreCase(v)) return c;
			throw new IllegalArgumentException("expected one of " + Arrays.toString(type.getEnumConstants()));
		}
		throw new IllegalArgumentException("unsupported type " + type.getSimpleName());
	}
}
