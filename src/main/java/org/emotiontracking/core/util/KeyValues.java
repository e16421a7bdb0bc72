package org.emotiontracking.core.util;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one codec of {@code key=value} text, shared by the command line ({@link Settings}), ImageJ macro
 * options and the Fiji commands, so that every entry point reads the same text the same way:
 * <ul>
 * <li>booleans: {@code true/false}, {@code yes/no}, {@code on/off}, {@code 1/0} (any case); an empty
 * value or a bare word (a macro's checked checkbox) is true;</li>
 * <li>whole numbers: {@code 16}, also written {@code 16.0} or {@code 1e3} (as ImageJ's number fields
 * and the Recorder write them); {@code 2.5} is refused;</li>
 * <li>decimals: Java's {@code Double.parseDouble};</li>
 * <li>files: the text as a path, empty for none;</li>
 * <li>lists: comma-separated, items trimmed, empty items dropped;</li>
 * <li>enums: the constant's key text ({@code toString()}), any case.</li>
 * </ul>
 * Also the two key=value syntaxes: command-line words and macro option strings.
 */
public final class KeyValues {

	private KeyValues() {}

	/**
	 * Command-line words {@code key=value} (values may be [bracketed] as ImageJ macros write them).
	 *
	 * @throws IllegalArgumentException for a word without {@code =}
	 */
	public static Map<String, String> parseWords(final List<String> words) {
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

	/**
	 * An ImageJ macro option string as {@code run("Command", options)} passes it and the Recorder
	 * writes it: {@code key=value} words separated by spaces, values with spaces in [brackets], bare
	 * words for checked checkboxes. Keys in lower case, values without brackets, a bare word maps to
	 * null; later duplicates win. Keys are exact: {@code dataset=} never matches inside
	 * {@code validation_dataset=}.
	 *
	 * @throws IllegalArgumentException on an unclosed [bracket]
	 */
	public static Map<String, String> parseOptions(final String options) {
		final Map<String, String> out = new LinkedHashMap<>();
		if (options == null) return out;
		final String s = options;
		int i = 0;
		final int n = s.length();
		while (i < n) {
			while (i < n && Character.isWhitespace(s.charAt(i))) i++;
			if (i >= n) break;
			final int keyStart = i;
			while (i < n && s.charAt(i) != '=' && !Character.isWhitespace(s.charAt(i))) i++;
			final String key = s.substring(keyStart, i).toLowerCase(Locale.ROOT);
			if (i >= n || s.charAt(i) != '=') {
				out.put(key, null);
				continue;
			}
			i++; // '='
			final String value;
			if (i < n && s.charAt(i) == '[') {
				final int close = s.indexOf(']', i + 1);
				if (close < 0) throw new IllegalArgumentException("Unclosed [ in the value of " + key + "= in: "
					+ options);
				value = s.substring(i + 1, close);
				i = close + 1;
			}
			else {
				final int start = i;
				while (i < n && !Character.isWhitespace(s.charAt(i))) i++;
				value = s.substring(start, i);
			}
			out.put(key, value);
		}
		return out;
	}

	/** One value as the Recorder writes it: in [brackets] if it is empty or holds a space. */
	public static String quote(final String value) {
		return value.isEmpty() || value.indexOf(' ') >= 0 || value.indexOf('[') >= 0 ? "[" + value + "]" : value;
	}

	/** {@code key=value ...} for the given values (null values left out), as the Recorder writes them. */
	public static String formatOptions(final Map<String, String> values) {
		final StringBuilder sb = new StringBuilder();
		for (final Map.Entry<String, String> e : values.entrySet()) {
			if (e.getValue() == null) continue;
			if (sb.length() > 0) sb.append(' ');
			sb.append(e.getKey()).append('=').append(quote(e.getValue()));
		}
		return sb.toString();
	}

	/**
	 * The text of {@code key=text} as a value of {@code type} (see the class comment for the forms).
	 *
	 * @param text the value, null for a bare word (true for a boolean, an error otherwise)
	 * @throws IllegalArgumentException "Bad value for key=text: why"
	 */
	public static Object decode(final String key, final Class<?> type, final String text) {
		try {
			return decode(type, text);
		}
		catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException("Bad value for " + key + "=" + (text == null ? "" : text) + ": "
				+ e.getMessage(), e);
		}
	}

	/**
	 * As {@link #decode(String, Class, String)}, the message without the key.
	 *
	 * @throws IllegalArgumentException saying what was expected
	 */
	public static Object decode(final Class<?> type, final String text) {
		if (isBoolean(type)) {
			if (text == null) return true;
			switch (text.trim().toLowerCase(Locale.ROOT)) {
				case "true": case "yes": case "on": case "1": case "": return true;
				case "false": case "no": case "off": case "0": return false;
				default: throw new IllegalArgumentException("expected true or false");
			}
		}
		if (text == null) throw new IllegalArgumentException("a value is needed");
		final String t = text.trim();
		if (type == String.class) return text;
		if (type == Path.class) return t.isEmpty() ? null : Paths.get(t);
		if (type == File.class) return t.isEmpty() ? null : new File(t);
		if (isInteger(type)) return integer(type, t);
		if (type == double.class || type == Double.class) return number(t);
		if (type == float.class || type == Float.class) return (float) number(t);
		if (type == List.class) {
			final List<String> out = new ArrayList<>();
			for (final String s : t.split(",")) if (!s.trim().isEmpty()) out.add(s.trim());
			return out;
		}
		if (type.isEnum()) {
			for (final Object c : type.getEnumConstants())
				if (c.toString().equalsIgnoreCase(t)) return c;
			throw new IllegalArgumentException("expected one of " + Arrays.stream(type.getEnumConstants())
				.map(String::valueOf).collect(Collectors.joining(", ")));
		}
		throw new IllegalArgumentException("unsupported type " + type.getSimpleName());
	}

	/**
	 * A typed value (e.g. a Fiji dialog's File or double) as a value of {@code type}, without going
	 * through text where the types fit: File and Path into each other, numbers into other number
	 * types (whole numbers only into integer types), a list copied; text is decoded.
	 *
	 * @throws IllegalArgumentException "Bad value for key=value: why"
	 */
	public static Object convert(final String key, final Object value, final Class<?> type) {
		if (value == null) return null;
		if (value instanceof String) return decode(key, type, (String) value);
		final Class<?> boxed = boxed(type);
		if (boxed.isInstance(value) && !(value instanceof Collection)) return value;
		if (type == Path.class && value instanceof File) return ((File) value).toPath();
		if (type == File.class && value instanceof Path) return ((Path) value).toFile();
		if (type == List.class && value instanceof Collection) {
			final List<String> out = new ArrayList<>();
			for (final Object o : (Collection<?>) value) out.add(String.valueOf(o));
			return out;
		}
		if (value instanceof Number && (isInteger(type) || Number.class.isAssignableFrom(boxed))) {
			try {
				if (isInteger(type)) return integer(type, new BigDecimal(value.toString()).toPlainString());
				return type == float.class || type == Float.class ? (Object) ((Number) value).floatValue()
					: (Object) ((Number) value).doubleValue();
			}
			catch (final IllegalArgumentException e) {
				throw new IllegalArgumentException("Bad value for " + key + "=" + value + ": " + e.getMessage(), e);
			}
		}
		throw new IllegalArgumentException("Bad value for " + key + "=" + value + ": a " + value.getClass()
			.getSimpleName() + ", expected " + type.getSimpleName());
	}

	/** A value as key=value text: paths as is, lists comma-separated, numbers without exponent, others by toString. */
	public static String encode(final Object v) {
		if (v == null) return "";
		if (v instanceof File) return ((File) v).getPath();
		if (v instanceof Path) return v.toString();
		if (v instanceof Collection) return ((Collection<?>) v).stream().map(String::valueOf)
			.collect(Collectors.joining(","));
		if (v instanceof Double || v instanceof Float) {
			final double d = ((Number) v).doubleValue();
			if (Double.isNaN(d) || Double.isInfinite(d)) return String.valueOf(d);
			return new BigDecimal(v.toString()).stripTrailingZeros().toPlainString();
		}
		return String.valueOf(v);
	}

	/** Whether {@link #decode(Class, String)} reads values of {@code type}. */
	public static boolean supports(final Class<?> type) {
		return isBoolean(type) || isInteger(type) || isDecimal(type) || type == String.class || type == Path.class ||
			type == File.class || type == List.class || type.isEnum();
	}

	public static boolean isBoolean(final Class<?> type) {
		return type == boolean.class || type == Boolean.class;
	}

	public static boolean isInteger(final Class<?> type) {
		return type == int.class || type == Integer.class || type == long.class || type == Long.class
			|| type == short.class || type == Short.class;
	}

	public static boolean isDecimal(final Class<?> type) {
		return type == double.class || type == Double.class || type == float.class || type == Float.class;
	}

	/** The wrapper class of a primitive type (others as they are). */
	public static Class<?> boxed(final Class<?> type) {
		if (!type.isPrimitive()) return type;
		if (type == int.class) return Integer.class;
		if (type == long.class) return Long.class;
		if (type == double.class) return Double.class;
		if (type == boolean.class) return Boolean.class;
		if (type == float.class) return Float.class;
		if (type == short.class) return Short.class;
		if (type == byte.class) return Byte.class;
		if (type == char.class) return Character.class;
		return type;
	}

	private static double number(final String t) {
		try {
			return Double.parseDouble(t);
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException("expected a number");
		}
	}

	private static Object integer(final Class<?> type, final String t) {
		final BigDecimal d;
		try {
			d = new BigDecimal(t);
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException("expected a whole number");
		}
		try {
			if (d.precision() - d.scale() > 20) throw new ArithmeticException();
			final BigDecimal whole = d.stripTrailingZeros();
			if (whole.scale() > 0) throw new IllegalArgumentException("expected a whole number");
			if (type == long.class || type == Long.class) return whole.longValueExact();
			if (type == short.class || type == Short.class) return whole.shortValueExact();
			return whole.intValueExact();
		}
		catch (final ArithmeticException e) {
			throw new IllegalArgumentException("out of range for " + type.getSimpleName());
		}
	}
}
