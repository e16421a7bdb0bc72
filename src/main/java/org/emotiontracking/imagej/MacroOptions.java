package org.emotiontracking.imagej;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * ImageJ macro option strings as {@code run("Command", options)} passes them and the Recorder writes
 * them: {@code key=value} words separated by spaces, values with spaces in [brackets], and bare
 * words for checked checkboxes ({@code augment} means {@code augment=true}). Parsed into exact keys,
 * so {@code dataset=} never matches inside {@code validation_dataset=}.
 */
public final class MacroOptions {

	private MacroOptions() {}

	/**
	 * Keys (lower case) to values without brackets; a bare word maps to null. Later duplicates win.
	 *
	 * @throws IllegalArgumentException on an unclosed [bracket]
	 */
	public static Map<String, String> parse(final String options) {
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
				if (close < 0) throw new IllegalArgumentException("Unclosed [ in the value of " + key + "= in: " + options);
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

	/** {@code key=value ...} for the given values (null values left out). */
	public static String format(final Map<String, String> values) {
		final StringBuilder sb = new StringBuilder();
		for (final Map.Entry<String, String> e : values.entrySet()) {
			if (e.getValue() == null) continue;
			if (sb.length() > 0) sb.append(' ');
			sb.append(e.getKey()).append('=').append(quote(e.getValue()));
		}
		return sb.toString();
	}
}
