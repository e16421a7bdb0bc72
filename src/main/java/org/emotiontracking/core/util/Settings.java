package org.emotiontracking.core.util;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
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

	/** Parses "key=value" words (values may be [bracketed] as ImageJ macros write them): {@link KeyValues#parseWords}.
	 * */
	public static Map<String, String> parse(final List<String> words) {
		return KeyValues.parseWords(words);
	}

	/** Sets every given key on {@code target}; unknown keys and bad values are errors naming them. */
	public static <T> T apply(final T target, final Map<String, String> values) {
		final Map<String, Field> fields = fields(target.getClass());
		for (final Map.Entry<String, String> e : values.entrySet()) {
			final Field f = fields.get(e.getKey());
			if (f == null) throw new IllegalArgumentException("Unknown key '" + e.getKey() + "'. Valid keys: " +
				String.join(", ", fields.keySet()));
			try {
				f.set(target, choice(f, KeyValues.decode(e.getKey(), f.getType(), e.getValue())));
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
				out.put(e.getKey(), asText(v));
			}
			catch (final IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return out;
	}

	/** Keys with their defaults and descriptions, one per line, for --help. */
	/** A setting's value as text: "" for null, a list comma-separated. */
	private static String asText(final Object v) {
		if (v == null) return "";
		if (v instanceof List) return String.join(",", ((List<?>) v).stream().map(String::valueOf)
			.toArray(String[]::new));
		return String.valueOf(v);
	}

	public static String describe(final Object defaults) {
		final StringBuilder sb = new StringBuilder();
		final Map<String, String> values = values(defaults);
		for (final Map.Entry<String, Field> e : fields(defaults.getClass()).entrySet()) {
			final String def = values.get(e.getKey());
			final String allowed = allowed(e.getValue());
			sb.append(String.format(Locale.ROOT, "  %-18s %s%s%s%n", e.getKey(), e.getValue()
				.getAnnotation(Setting.class).value(), def.isEmpty() ? "" : " [" + def + "]", allowed.isEmpty() ? ""
				: " (" + allowed + ")"));
		}
		return sb.toString();
	}

	/** What a key allows, for --help: "1 or more", "val_loss or val_accuracy", "" for anything of its type. */
	public static String allowed(final Field f) {
		final Setting s = f.getAnnotation(Setting.class);
		if (!s.range().isEmpty()) return Range.of(s.range()).describe();
		if (s.choices().length > 0) return choiceText(s.choices());
		if (f.getType().isEnum()) return choiceText(Arrays.stream(f.getType().getEnumConstants()).map(String::valueOf)
			.toArray( String[]::new));
		return "";
	}

	public static Map<String, Field> fields(final Class<?> type) {
		final Map<String, Field> out = new LinkedHashMap<>();
		for (final Field f : type.getFields())
			if (f.isAnnotationPresent(Setting.class) && !Modifier.isStatic(f.getModifiers())) out.put(f.getName(), f);
		return out;
	}

	/**
	 * A value for field {@code f} with its {@link Setting#choices()} spelt as declared (the user may
	 * write any case).
	 *
	 * @throws IllegalArgumentException "Bad value for key=value: expected one of ..." for text that is none of them
	 */
	public static Object choice(final Field f, final Object value) {
		final String[] choices = f.getAnnotation(Setting.class).choices();
		if (choices.length == 0 || !(value instanceof String)) return value;
		for (final String c : choices) if (c.equalsIgnoreCase(((String) value).trim())) return c;
		throw new IllegalArgumentException("Bad value for " + f.getName() + "=" + value + ": expected one of "
			+ String.join( ", ", choices));
	}

	/**
	 * Checks every key against what its {@link Setting} allows: a number inside {@link Setting#range()},
	 * a text among {@link Setting#choices()}, an enum set. The one place those limits are checked;
	 * each settings class's {@code validate} calls it before its checks that involve several keys.
	 *
	 * @throws IllegalArgumentException naming the first key out of bounds, what it must be and its value
	 */
	public static void check(final Object settings) {
		for (final Map.Entry<String, Field> e : fields(settings.getClass()).entrySet()) {
			final Field f = e.getValue();
			final Setting s = f.getAnnotation(Setting.class);
			final Object v;
			try {
				v = f.get(settings);
			}
			catch (final IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
			if (f.getType().isEnum() && v == null) throw new IllegalArgumentException(e.getKey() + " must be "
				+ choiceText(
				Arrays.stream(f.getType().getEnumConstants()).map(String::valueOf).toArray(String[]::new)));
			if (!s.range().isEmpty() && v instanceof Number) {
				final Range r = Range.of(s.range());
				final double d = ((Number) v).doubleValue();
				if (!r.contains(d)) throw new IllegalArgumentException(e.getKey() + " must be " + r.describe()
					+ ", got " + KeyValues.encode(v));
			}
			if (s.choices().length > 0 && (v == null || Arrays.stream(s.choices())
				.noneMatch(c -> c.equalsIgnoreCase(String
				.valueOf(v).trim())))) throw new IllegalArgumentException(e.getKey() + " must be "
					+ choiceText(s.choices()) + ", got " + v);
		}
	}

	/** The allowed values of a key for help texts: "a, b or c". */
	static String choiceText(final String[] choices) {
		if (choices.length == 1) return choices[0];
		return String.join(", ", Arrays.asList(choices).subList(0, choices.length - 1)) + " or "
			+ choices[choices.length - 1];
	}

	/** The declared interval of {@link Setting#range()}, e.g. {@code [0, 1)}. */
	public static final class Range {

		public final double min, max;
		public final boolean minInclusive, maxInclusive;

		private Range(final double min, final boolean minInclusive, final double max, final boolean maxInclusive) {
			this.min = min;
			this.minInclusive = minInclusive;
			this.max = max;
			this.maxInclusive = maxInclusive;
		}

		/**
		 * Parses {@code [a, b]}, {@code (a, b)}, {@code [a, )} and mixes; an empty end is unbounded.
		 *
		 * @throws IllegalArgumentException for any other text (a programming error in a settings class)
		 */
		public static Range of(final String text) {
			final String t = text.trim();
			final int comma = t.indexOf(',');
			if (t.length() < 3 || comma < 0 || "[(".indexOf(t.charAt(0)) < 0
				|| "])".indexOf(t.charAt(t.length() - 1)) < 0)
				throw new IllegalArgumentException("Not an interval: '" + text + "'");
			final String a = t.substring(1, comma).trim(), b = t.substring(comma + 1, t.length() - 1).trim();
			return new Range(a.isEmpty() ? Double.NEGATIVE_INFINITY : Double.parseDouble(a), t.charAt(0) == '[',
				b.isEmpty() ? Double.POSITIVE_INFINITY : Double.parseDouble(b), t.charAt(t.length() - 1) == ']');
		}

		/** Whether {@code d} is inside (NaN never is; an infinite value only on an unbounded side). */
		public boolean contains(final double d) {
			if (Double.isNaN(d)) return false;
			final boolean low = minInclusive ? d >= min : d > min;
			final boolean high = maxInclusive ? d <= max : d < max;
			return low && high && (!Double.isInfinite(d) || Double.isInfinite(d > 0 ? max : min));
		}

		public boolean hasMin() { return min != Double.NEGATIVE_INFINITY; }

		public boolean hasMax() { return max != Double.POSITIVE_INFINITY; }

		/** "between 0 and 1", "0 or more", "more than 1", "at least 0 and less than 1", ... */
		public String describe() {
			final String a = KeyValues.encode(min), b = KeyValues.encode(max);
			if (!hasMax()) return minInclusive ? a + " or more" : "more than " + a;
			if (!hasMin()) return maxInclusive ? b + " or less" : "less than " + b;
			if (minInclusive && maxInclusive) return "between " + a + " and " + b;
			return (minInclusive ? "at least " : "more than ") + a + " and "
				+ (maxInclusive ? "at most " : "less than ") + b;
		}

		@Override
		public String toString() {
			return (minInclusive ? "[" : "(") + (hasMin() ? KeyValues.encode(min) : "") + ", "
				+ (hasMax() ? KeyValues.encode(max) : "") + (maxInclusive ? "]" : ")");
		}
	}
}
