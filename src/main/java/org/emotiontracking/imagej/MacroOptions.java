package org.emotiontracking.imagej;

import java.util.Map;

import org.emotiontracking.core.util.KeyValues;

/**
 * ImageJ macro option strings as {@code run("Command", options)} passes them and the Recorder writes
 * them: {@code key=value} words separated by spaces, values with spaces in [brackets], and bare
 * words for checked checkboxes ({@code augment} means {@code augment=true}). Parsed into exact keys,
 * so {@code dataset=} never matches inside {@code validation_dataset=}. The syntax and the values are
 * those of {@link KeyValues}, the codec the command line uses too.
 */
public final class MacroOptions {

	private MacroOptions() {}

	/**
	 * Keys (lower case) to values without brackets; a bare word maps to null. Later duplicates win.
	 *
	 * @throws IllegalArgumentException on an unclosed [bracket]
	 */
	public static Map<String, String> parse(final String options) {
		return KeyValues.parseOptions(options);
	}

	/** One value as the Recorder writes it: in [brackets] if it is empty or holds a space. */
	public static String quote(final String value) {
		return KeyValues.quote(value);
	}

	/** {@code key=value ...} for the given values (null values left out). */
	public static String format(final Map<String, String> values) {
		return KeyValues.formatOptions(values);
	}
}
