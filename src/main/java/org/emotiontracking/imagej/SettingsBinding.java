package org.emotiontracking.imagej;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.emotiontracking.core.util.KeyValues;
import org.emotiontracking.core.util.Setting;
import org.emotiontracking.core.util.Settings;
import org.scijava.plugin.Parameter;

/**
 * Copies a command's fields into a core settings object by name: a command field named like a
 * {@link Setting} key of the settings class supplies that key. Values are copied as values (no detour
 * through text); where a command holds text for a typed key (a list as "a,b"), the codec of the CLI
 * ({@link KeyValues}) reads it, so a Fiji dialog, an ImageJ macro and the command line read identically.
 */
public final class SettingsBinding {

	/**
	 * The ending of the input that holds the file of a key that takes a name or a file ({@code detector_file},
	 * {@code weights_file}) when the key is {@link CommandDialog#FILE_ITEM}, as SciJava's dialog sets it.
	 */
	public static final String FILE_INPUT_SUFFIX = "_file";

	private SettingsBinding() {}

	/**
	 * Fills {@code settings} from the command's fields of the same names, value to value (a File
	 * becomes a Path, a text is decoded by {@link KeyValues}: "a,b" for a list, a choice in any case; a key
	 * set to {@value CommandDialog#FILE_ITEM} takes the path of the input {@code <key>_file});
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
				Object v = f.get(command);
				if (CommandDialog.FILE_ITEM.equals(v)) v = chosenFile(command, own, e.getKey());
				if (v != null) e.getValue().set(settings, Settings.choice(e.getValue(),
					KeyValues.convert(e.getKey(), v, e.getValue().getType())));
			}
			catch (final IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return settings;
	}

	/**
	 * For {@code key=}{@value CommandDialog#FILE_ITEM}: the path in the command's input
	 * {@code <key>_file}.
	 *
	 * @throws IllegalArgumentException when that input is missing or empty
	 */
	private static String chosenFile(final Object command, final Map<String, Field> own, final String key)
		throws IllegalAccessException
	{
		final Field f = own.get(key + FILE_INPUT_SUFFIX);
		final Object file = f == null ? null : f.get(command);
		if (file == null || file.toString().trim().isEmpty()) throw new IllegalArgumentException(key + "="
			+ CommandDialog.FILE_ITEM + " needs a file: choose one in \"" + key + " file\" (or give " + key
			+ "=<path>)");
		return file.toString().trim();
	}

	/** The key whose file input {@code name} is ({@code detector} for {@code detector_file}), or null. */
	static String keyOfFileInput(final String name) {
		if (!name.endsWith(FILE_INPUT_SUFFIX) || name.length() == FILE_INPUT_SUFFIX.length()) return null;
		return name.substring(0, name.length() - FILE_INPUT_SUFFIX.length());
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
	 * For tests of each command: every way its fields drift from the settings class. Empty when the
	 * command mirrors the settings exactly:
	 * <ul>
	 * <li>a key of the settings without a command field;</li>
	 * <li>a field of another type than its key: the same type, except a File for a Path and a
	 * comma-separated String for a list (SciJava has neither widget);</li>
	 * <li>an initial value other than the core's default;</li>
	 * <li>widget limits ({@code @Parameter} min, max, choices) other than the key's {@link Setting}
	 * range and choices: an inclusive bound the same, an exclusive one left out or inside it, no bound
	 * where the key has none; the key's choices, none for an enum (SciJava lists its constants), or for
	 * a number choices inside its range.</li>
	 * </ul>
	 */
	public static List<String> mismatches(final Object freshCommand, final Object defaultSettings) {
		final List<String> out = new ArrayList<>();
		final Map<String, Field> own = fields(freshCommand.getClass());
		for (final Map.Entry<String, Field> e : Settings.fields(defaultSettings.getClass()).entrySet()) {
			final Field f = own.get(e.getKey());
			if (f == null) out.add(e.getKey() + ": no command field");
			else out.addAll(drift(e.getKey(), f, e.getValue()));
		}
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
			if (own.containsKey(key) && !Objects.equals(want.get(key), got.get(key))) out.add(key + ": command default "
				+ got.get(key) + ", core default " + want.get(key));
		return out;
	}

	/** How the command field {@code f} differs from the key {@code s} in type and limits. */
	private static List<String> drift(final String key, final Field f, final Field s) {
		final List<String> out = new ArrayList<>();
		final Class<?> want = s.getType(), got = f.getType();
		final boolean typeOk = KeyValues.boxed(want) == KeyValues.boxed(got) || want == Path.class && got == File.class
			|| want == List.class && got == String.class;
		if (!typeOk) out.add(key + ": command type " + got.getSimpleName() + ", core type " + want.getSimpleName());
		final Setting setting = s.getAnnotation(Setting.class);
		final Parameter p = f.getAnnotation(Parameter.class);
		final String min = p == null ? "" : p.min(), max = p == null ? "" : p.max();
		final List<String> choices = p == null ? new ArrayList<>() : Arrays.asList(p.choices());
		final boolean number = KeyValues.isInteger(want) || KeyValues.isDecimal(want);
		if (number) {
			final Settings.Range r = setting.range().isEmpty() ? null : Settings.Range.of(setting.range());
			final String range = r == null ? "none" : r.toString();
			if (!bound(min, r == null || !r.hasMin() ? null : r.min, r != null && r.minInclusive, true)) out.add(key +
				": widget min " + (min.isEmpty() ? "none" : min) + ", core range " + range);
			if (!bound(max, r == null || !r.hasMax() ? null : r.max, r != null && r.maxInclusive, false)) out.add(key +
				": widget max " + (max.isEmpty() ? "none" : max) + ", core range " + range);
			for (final String c : choices)
				if (r != null && !r.contains(Double.parseDouble(c))) out.add(key + ": widget choice " + c + " outside "
					+ range);
		}
		else if (!want.isEnum() && !choices.equals(Arrays.asList(setting.choices()))) out.add(key + ": widget choices "
			+ choices + ", core choices " + Arrays.toString(setting.choices()));
		else if (want.isEnum() && !choices.isEmpty()) out.add(key + ": widget choices " + choices +
			" on an enum (SciJava lists its constants)");
		if (!number && (!min.isEmpty() || !max.isEmpty())) out.add(key + ": widget min/max on a key that is no number");
		return out;
	}

	/** Whether a widget bound fits the core's: the same if inclusive, absent or inside if exclusive, absent if none. */
	private static boolean bound(final String widget, final Double core, final boolean inclusive, final boolean lower) {
		if (core == null) return widget.isEmpty();
		if (widget.isEmpty()) return !inclusive;
		final double w = Double.parseDouble(widget);
		if (inclusive) return w == core;
		return lower ? w > core : w < core;
	}

	/**
	 * Instance fields of a class and its superclasses, by name (subclass first), made accessible; not
	 * those of SciJava's classes a command extends (DynamicCommand's context, info, ...).
	 */
	static Map<String, Field> fields(final Class<?> type) {
		final Map<String, Field> out = new LinkedHashMap<>();
		for (Class<?> c = type; c != null && c != Object.class && !c.getName().startsWith("org.scijava."); c = c
			.getSuperclass())
			for (final Field f : c.getDeclaredFields()) {
				if (Modifier.isStatic(f.getModifiers()) || out.containsKey(f.getName())) continue;
				f.setAccessible(true);
				out.put(f.getName(), f);
			}
		return out;
	}
}
