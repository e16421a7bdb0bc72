package org.emotiontracking.imagej;

import ij.ImagePlus;

import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.emotiontracking.core.util.KeyChoices;
import org.emotiontracking.core.util.KeyValues;
import org.scijava.Context;
import org.scijava.ItemVisibility;
import org.scijava.command.CommandInfo;
import org.scijava.convert.ConvertService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;
import org.scijava.service.Service;
import org.scijava.widget.Button;
import org.scijava.widget.FileWidget;

/**
 * The user-editable inputs of a SciJava command (no services, no messages, no ImagePlus: the bridge
 * gives an image input the current image), with their defaults
 * and descriptions, and the conversion of macro text to their types. What the ImageJ 1.x bridge
 * asks for in a GenericDialog or reads from macro options.
 */
public final class CommandInputs {

	/** One input: a {@code @Parameter} field of the command. */
	public static final class Input {

		public final String name;
		public final Class<?> type;
		public final String style;
		public final List<String> choices;
		public final boolean required;
		public final Object defaultValue;
		public final String description;

		Input(final ModuleItem<?> item, final Object defaultValue, final String description) {
			this.name = item.getName();
			this.type = item.getType();
			this.style = item.getWidgetStyle() == null ? "" : item.getWidgetStyle();
			this.choices = item.getChoices() == null ? Collections.emptyList() : item.getChoices().stream().map(
				String::valueOf).collect(Collectors.toList());
			this.required = item.isRequired();
			this.defaultValue = defaultValue;
			this.description = description;
		}

		public boolean isBoolean() { return KeyValues.isBoolean(type); }

		public boolean isInteger() { return KeyValues.isInteger(type); }

		public boolean isDecimal() { return KeyValues.isDecimal(type); }

		public boolean isFile() { return type == File.class; }

		public boolean isDirectory() { return isFile() && style.toLowerCase(Locale.ROOT).contains("directory"); }

		/** A file or a folder ({@code FileWidget.FILE_AND_DIRECTORY_STYLE}), e.g. Classify's input. */
		public boolean isFileOrDirectory() { return isFile()
			&& style.equalsIgnoreCase(FileWidget.FILE_AND_DIRECTORY_STYLE); }
	}

	public final CommandInfo info;
	public final String title;
	/** The core settings class whose keys the command mirrors, or null for another kind of command. */
	public final Class<?> settingsType;
	public final List<Input> inputs;
	private final ConvertService convert;

	private CommandInputs(final CommandInfo info, final String title, final Class<?> settingsType,
		final List<Input> inputs, final ConvertService convert)
	{
		this.info = info;
		this.title = title;
		this.settingsType = settingsType;
		this.inputs = Collections.unmodifiableList(inputs);
		this.convert = convert;
	}

	/** The editable inputs of {@code info}, with the initial values of a fresh instance as defaults. */
	public static CommandInputs of(final Context context, final CommandInfo info) {
		final Module module = context.service(ModuleService.class).createModule(info);
		final Object command = module.getDelegateObject();
		final Class<?> settingsType = command instanceof EmotionCommand ? ((EmotionCommand<?>) command).newSettings()
			.getClass() : null;
		final List<Input> out = new ArrayList<>();
		for (final ModuleItem<?> item : info.inputs()) {
			if (Service.class.isAssignableFrom(item.getType())
				|| Context.class.isAssignableFrom(item.getType())) continue;
			if (ImagePlus.class.isAssignableFrom(item.getType())) continue; // the current image, filled by the bridge
			// SciJava's Help button: ImageJ's dialog has its own
			if (Button.class.isAssignableFrom(item.getType())) continue;
			// The file under a name-or-file list of SciJava's dialog: ImageJ's dialog has its own
			final String fileOf = SettingsBinding.keyOfFileInput(item.getName());
			if (fileOf != null && !KeyChoices.open(settingsType, fileOf).isEmpty()) continue;
			if (item.getVisibility() == ItemVisibility.MESSAGE
				|| item.getVisibility() == ItemVisibility.INVISIBLE) continue;
			String description = item.getDescription();
			if ((description == null || description.isEmpty()) && settingsType != null) description = SettingsBinding
				.description(settingsType, item.getName());
			out.add(new Input(item, module.getInput(item.getName()), description == null ? "" : description));
		}
		// The dialog's order (InputOrder): the command's keys, then the face-detection keys under their heading.
		out.sort(InputOrder.of(settingsType, in -> in.name, in -> false));
		final String title = command instanceof EmotionCommand ? ((EmotionCommand<?>) command).title()
			: info.getTitle();
		return new CommandInputs(info, title, settingsType, out, context.getService(ConvertService.class));
	}

	/** The defaults of every input, by name. */
	public Map<String, Object> defaults() {
		final Map<String, Object> out = new LinkedHashMap<>();
		for (final Input in : inputs) out.put(in.name, in.defaultValue);
		return out;
	}

	/**
	 * Values from macro options: each input given in {@code options} is converted to its type, the
	 * others keep their defaults. Keys that name no input are returned in {@code unknown}.
	 */
	public Map<String, Object> fromMacroOptions(final String options, final List<String> unknown) {
		final Map<String, String> given = MacroOptions.parse(options);
		final Map<String, Object> out = defaults();
		for (final Input in : inputs) {
			if (!given.containsKey(in.name)) continue;
			final String file = given.get(in.name + SettingsBinding.FILE_INPUT_SUFFIX);
			// a line Fiji recorded from SciJava's dialog: detector=[file (below)] detector_file=[...]
			final boolean fromFile = CommandDialog.FILE_ITEM.equals(given.get(in.name)) && file != null;
			out.put(in.name, parse(in, fromFile ? file : given.get(in.name)));
		}
		for (final String key : given.keySet())
			if (!out.containsKey(key) && !isFileOf(key, given)) unknown.add(key);
		return out;
	}

	/** Whether {@code key} is the {@code <key>_file} of a key given as {@value CommandDialog#FILE_ITEM}. */
	private static boolean isFileOf(final String key, final Map<String, String> given) {
		final String of = SettingsBinding.keyOfFileInput(key);
		return of != null && CommandDialog.FILE_ITEM.equals(given.get(of));
	}

	/** The values as macro text, in input order (null values left out), e.g. for the Recorder. */
	public Map<String, String> toMacroText(final Map<String, Object> values) {
		final Map<String, String> out = new LinkedHashMap<>();
		for (final Input in : inputs) {
			final Object v = values.get(in.name);
			if (v != null) out.put(in.name, KeyValues.encode(v));
		}
		return out;
	}

	/** Names of required inputs whose value is null or an empty text. */
	public List<String> missingRequired(final Map<String, Object> values) {
		final List<String> out = new ArrayList<>();
		for (final Input in : inputs) {
			final Object v = values.get(in.name);
			if (in.required && (v == null || v instanceof String && ((String) v).isEmpty() || v instanceof File &&
				((File) v).getPath().isEmpty())) out.add(in.name);
		}
		return out;
	}

	/**
	 * Converts macro text to the input's type with the codec the command line uses
	 * ({@link KeyValues#decode}): a bare word (null) is true for a boolean; booleans also accept
	 * yes/no, on/off, 1/0; whole numbers may be written 16.0; an empty text is null for a file.
	 *
	 * @throws IllegalArgumentException naming the key when the text does not fit the type
	 */
	public Object parse(final Input in, final String text) {
		if (KeyValues.supports(in.type)) return KeyValues.decode(in.name, in.type, text);
		if (text == null) throw new IllegalArgumentException("Bad value for " + in.name + "=: a value is needed");
		final String t = text.trim();
		if (convert != null && convert.supports(t, in.type)) return convert.convert(t, in.type);
		throw new IllegalArgumentException("Bad value for " + in.name + "=" + text + ": cannot convert text to "
			+ in.type.getSimpleName());
	}
}
