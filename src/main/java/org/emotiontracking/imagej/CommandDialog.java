package org.emotiontracking.imagej;

import ij.gui.GenericDialog;
import ij.io.DirectoryChooser;

import java.awt.Button;
import java.awt.Checkbox;
import java.awt.Choice;
import java.awt.Container;
import java.awt.Font;
import java.awt.Panel;
import java.awt.TextField;
import java.awt.event.TextListener;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Vector;

import org.emotiontracking.core.detect.FaceDetectionSettings;
import org.emotiontracking.core.model.BuiltinModel;
import org.emotiontracking.core.model.ModelClassNames;
import org.emotiontracking.core.util.KeyChoices;
import org.emotiontracking.core.util.Settings;

/**
 * An ImageJ 1.x GenericDialog for a command's inputs, one field per input labelled with its key (as
 * ImageJ shows them: underscores as spaces):
 * <ul>
 * <li>folders ({@code dataset}, {@code output}, ...) with a Browse button opening a folder chooser,
 * files ({@code source}) with a file chooser, and keys that take a file or a folder ({@code input}: an
 * image or a folder; {@code model}: an archive or its unpacked folder) with both (Browse, Folder);</li>
 * <li>choice lists for the fixed choices of {@link KeyChoices} (faces, method, engine, tiles, monitor,
 * alpha, and the command's own SciJava choices), and for the keys that take a name or a file
 * (detector, weights) a list with "file" as the last item and a file field under it;</li>
 * <li>{@code target}: predicted and the classes of the model in the model field, updated as soon as
 * another model is chosen;</li>
 * <li>a Help button showing the command's section of the README that ships in the jar, then the
 * keys with their descriptions ({@link ReadmeHelp}).</li>
 * </ul>
 * The face-detection keys follow under a heading of their own. {@link #build()} and
 * {@link #read(GenericDialog)} are separate so that a test can show and fill the dialog.
 */
public final class CommandDialog {

	/** The last item of the lists of keys that take a name or a file: the file field under it then counts. */
	public static final String FILE_ITEM = "file (below)";
	/** The label of the file field under such a list, e.g. "detector file". */
	public static final String FILE_FIELD_SUFFIX = " file";
	/** The heading above the face-detection keys. */
	public static final String DETECTION_HEADING = "Face detection";

	private static final int PATH_COLUMNS = 36;
	private static final List<String> DETECTION_KEYS = new ArrayList<>(Settings.fields(FaceDetectionSettings.class)
		.keySet());

	private final CommandInputs inputs;
	private final Map<String, Object> initial;
	/** After build(): the components of each input, by input name. */
	private final Map<String, Field> fields = new LinkedHashMap<>();

	/** What one input shows: a checkbox, a text field, a choice, or a choice with a file field. */
	private static final class Field {
		Checkbox checkbox;
		TextField text;
		Choice choice;
	}

	/** A dialog showing {@code initial} values (by input name; missing ones show the defaults). */
	public CommandDialog(final CommandInputs inputs, final Map<String, Object> initial) {
		this.inputs = inputs;
		this.initial = new LinkedHashMap<>(inputs.defaults());
		if (initial != null) this.initial.putAll(initial);
	}

	/** The dialog, not yet shown. */
	public GenericDialog build() {
		fields.clear();
		final GenericDialog gd = new GenericDialog(inputs.title);
		final List<CommandInputs.Input> own = new ArrayList<>(), detection = new ArrayList<>();
		for (final CommandInputs.Input in : inputs.inputs)
			(DETECTION_KEYS.contains(in.name) ? detection : own).add(in);
		addAll(gd, own);
		if (!detection.isEmpty()) {
			gd.setInsets(12, 0, 0);
			gd.addMessage(DETECTION_HEADING, new Font("SansSerif", Font.BOLD, 12));
			addAll(gd, detection);
		}
		linkTargetToModel();
		gd.addHelp(ReadmeHelp.page(inputs.info.getName(), inputs.title, !detection.isEmpty(), keysTable()));
		return gd;
	}

	/**
	 * Adds the inputs in order, two short ones of the same kind (numbers and lists; checkboxes) side by
	 * side in one row, so that the dialog fits on a laptop screen.
	 */
	private void addAll(final GenericDialog gd, final List<CommandInputs.Input> list) {
		boolean pairable = false;
		String previousKind = null;
		for (final CommandInputs.Input in : list) {
			final String kind = shortKind(in);
			if (pairable && kind != null && kind.equals(previousKind)) {
				gd.addToSameRow();
				pairable = false;
			}
			else pairable = kind != null;
			previousKind = kind;
			add(gd, in);
		}
	}

	/** "check" for a checkbox, "short" for a number or a list of fixed choices, null for a wide field. */
	private String shortKind(final CommandInputs.Input in) {
		if (in.isBoolean()) return "check";
		if (!KeyChoices.open(inputs.settingsType, in.name).isEmpty()) return null;
		if (in.isInteger() || in.isDecimal() || !closedChoices(inputs.settingsType, in).isEmpty()) return "short";
		return null;
	}

	private void add(final GenericDialog gd, final CommandInputs.Input in) {
		final Object v = initial.get(in.name);
		final Field f = new Field();
		fields.put(in.name, f);
		final List<String> closed = closedChoices(inputs.settingsType, in);
		final List<String> open = KeyChoices.open(inputs.settingsType, in.name);
		if (in.isBoolean()) {
			gd.addCheckbox(in.name, Boolean.TRUE.equals(v));
			f.checkbox = last(gd.getCheckboxes());
		}
		else if (!closed.isEmpty()) addChoice(gd, in.name, closed, v == null ? null : text(v), f);
		else if (!open.isEmpty()) addNameOrFile(gd, in, open, v == null ? "" : text(v), f);
		else if (in.name.equals("target")) addChoice(gd, in.name, KeyChoices.targets(modelClasses()), v == null ? null
			: text(v), f);
		else if (in.isInteger()) {
			gd.addNumericField(in.name, v == null ? 0 : ((Number) v).doubleValue(), 0, 10, null);
			f.text = last(gd.getNumericFields());
		}
		else if (in.isDecimal()) {
			final double d = v == null ? Double.NaN : ((Number) v).doubleValue();
			gd.addNumericField(in.name, d, decimals(d), 8, null);
			f.text = last(gd.getNumericFields());
		}
		else if (in.isDirectory()) {
			gd.addDirectoryField(in.name, v == null ? "" : text(v), PATH_COLUMNS);
			f.text = last(gd.getStringFields());
		}
		else if (in.isFile()) {
			final String shown;
			if (v != null) shown = text(v);
			else shown = in.name.equals("model") ? BuiltinModel.KEY : "";
			gd.addFileField(in.name, shown, PATH_COLUMNS);
			f.text = last(gd.getStringFields());
			// an image or a folder; a model archive (.zip, .h5) or its unpacked folder
			if (in.isFileOrDirectory() || in.name.equals("model")) addFolderButton(f.text);
		}
		else {
			gd.addStringField(in.name, v == null ? "" : text(v), 20);
			f.text = last(gd.getStringFields());
		}
	}

	/** A choice list showing {@code value} (added at the end when it is none of the items). */
	private static void addChoice(final GenericDialog gd, final String label, final List<String> items,
		final String value, final Field f)
	{
		final String[] shown = withValue(items, value);
		gd.addChoice(label, shown, value == null ? shown[0] : match(shown, value));
		f.choice = last(gd.getChoices());
	}

	/** A list of the names and "file", with a file field under it (enabled only when "file" is chosen). */
	private static void addNameOrFile(final GenericDialog gd, final CommandInputs.Input in, final List<String> names,
		final String value, final Field f)
	{
		final List<String> items = new ArrayList<>(names);
		items.add(FILE_ITEM);
		final boolean isName = names.stream().anyMatch(n -> n.equalsIgnoreCase(value.trim()));
		final String selected;
		if (value.trim().isEmpty()) selected = names.get(0);
		else selected = isName ? value.trim().toLowerCase(Locale.ROOT) : FILE_ITEM;
		gd.addChoice(in.name, items.toArray(new String[0]), selected);
		f.choice = last(gd.getChoices());
		gd.addFileField(in.name + FILE_FIELD_SUFFIX, isName ? "" : value, PATH_COLUMNS);
		f.text = last(gd.getStringFields());
		final Choice choice = f.choice;
		final TextField file = f.text;
		file.setEnabled(FILE_ITEM.equals(choice.getSelectedItem()));
		choice.addItemListener(e -> file.setEnabled(FILE_ITEM.equals(choice.getSelectedItem())));
		file.addTextListener(e -> {
			if (!file.getText().trim().isEmpty() && !FILE_ITEM.equals(choice.getSelectedItem())) {
				choice.select(FILE_ITEM);
				file.setEnabled(true);
			}
		});
	}

	/** A second button beside a file field's Browse: a folder chooser (for inputs that take either). */
	private static void addFolderButton(final TextField field) {
		final Container parent = field.getParent();
		if (!(parent instanceof Panel)) return; // headless: a plain text field
		final Button folder = new Button("Folder");
		folder.addActionListener(e -> {
			final String dir = new DirectoryChooser("Choose a folder").getDirectory();
			if (dir != null) field.setText(new File(dir).getPath());
		});
		parent.add(folder);
	}

	/** When the model (or the class names of a Keras model) changes, target lists that model's classes. */
	private void linkTargetToModel() {
		final Field target = fields.get("target");
		if (target == null || target.choice == null) return;
		final TextListener update = e -> {
			final String selected = target.choice.getSelectedItem();
			final String[] items = KeyChoices.targets(modelClasses()).toArray(new String[0]);
			if (Arrays.equals(items, choiceItems(target.choice))) return;
			target.choice.removeAll();
			for (final String item : items) target.choice.add(item);
			final String keep = selected == null ? null : match(items, selected); // another model's class: predicted
			target.choice.select(keep == null ? items[0] : keep);
		};
		for (final String key : Arrays.asList("model", "classes")) {
			final Field f = fields.get(key);
			if (f != null && f.text != null) f.text.addTextListener(update);
		}
	}

	/** The class names of the model now in the model field (none if it cannot be read). */
	private List<String> modelClasses() {
		final String model = currentText("model");
		return modelClasses(model == null ? null : new File(model), currentText("classes"));
	}

	/**
	 * The class names of a model from its description ({@link ModelClassNames}), for the lists of
	 * Grad-CAM's target here and in SciJava's dialog: the built-in model's for none, and for a Keras .h5
	 * the comma-separated {@code classes} (if any). None if the file cannot be read.
	 */
	static List<String> modelClasses(final File model, final String classes) {
		try {
			final List<String> keras = new ArrayList<>();
			if (classes != null) for (final String c : classes.split(",")) if (!c.trim().isEmpty()) keras.add(c.trim());
			final String path = model == null ? "" : model.getPath().trim();
			return ModelClassNames.of(path.isEmpty() ? null : Paths.get(path), keras);
		}
		catch (final Exception e) {
			return List.of();
		}
	}

	/** The text of an input's field once built, else its initial value as text (null if none). */
	private String currentText(final String key) {
		final Field f = fields.get(key);
		if (f != null && f.text != null) return f.text.getText();
		final Object v = initial.get(key);
		return v == null ? null : text(v);
	}

	/**
	 * The values of a dialog from {@link #build()} after it was shown, by input name, or null if it
	 * was cancelled.
	 *
	 * @throws IllegalArgumentException naming the key for a field whose text does not fit it
	 */
	public Map<String, Object> read(final GenericDialog gd) {
		if (gd.wasCanceled()) return null;
		final Map<String, Object> out = new LinkedHashMap<>();
		for (final CommandInputs.Input in : inputs.inputs) {
			final Field f = fields.get(in.name);
			if (f.checkbox != null) out.put(in.name, f.checkbox.getState());
			else if (f.choice != null && f.text != null) {
				final String item = f.choice.getSelectedItem();
				if (!FILE_ITEM.equals(item)) out.put(in.name, inputs.parse(in, item));
				else if (f.text.getText().trim().isEmpty()) throw new IllegalArgumentException(in.name +
					": choose one of " + KeyChoices.open(inputs.settingsType, in.name) + " or give a file");
				else out.put(in.name, inputs.parse(in, f.text.getText().trim()));
			}
			else if (f.choice != null) out.put(in.name, inputs.parse(in, f.choice.getSelectedItem()));
			else if (in.isInteger() || in.isDecimal()) {
				final String t = f.text.getText().trim();
				if (t.isEmpty()) throw new IllegalArgumentException(in.name + " must be a number");
				out.put(in.name, inputs.parse(in, t));
			}
			else out.put(in.name, inputs.parse(in, f.text.getText()));
		}
		return out;
	}

	/** Shows the dialog and returns the values, or null if the user cancelled. */
	public Map<String, Object> ask() {
		final GenericDialog gd = build();
		gd.showDialog();
		return read(gd);
	}

	/** The items of a choice list of {@code in}: its fixed choices (core first, then SciJava's, then an enum's). */
	static List<String> closedChoices(final Class<?> settingsType, final CommandInputs.Input in) {
		final List<String> core = KeyChoices.closed(settingsType, in.name);
		if (!core.isEmpty()) return core;
		if (!in.choices.isEmpty()) return in.choices;
		if (in.type.isEnum()) {
			final List<String> out = new ArrayList<>();
			for (final Object c : in.type.getEnumConstants()) out.add(c.toString());
			return out;
		}
		return List.of();
	}

	/** The items, with {@code value} added at the end when it is not one of them (e.g. a value from a macro). */
	private static String[] withValue(final List<String> items, final String value) {
		final String[] in = items.toArray(new String[0]);
		if (value == null || value.isEmpty() || match(in, value) != null) return in;
		final String[] out = Arrays.copyOf(in, in.length + 1);
		out[in.length] = value;
		return out;
	}

	/** The item that is {@code value} (ignoring case; numbers by value: 1 is 1.0), or null. */
	static String match(final String[] items, final String value) {
		for (final String item : items)
			if (item.equalsIgnoreCase(value.trim())) return item;
		try {
			final double d = Double.parseDouble(value.trim());
			for (final String item : items)
				try {
					if (Double.parseDouble(item) == d) return item;
				}
				catch (final NumberFormatException e) {
					// not a number: no match
				}
		}
		catch (final NumberFormatException e) {
			// not a number: no match
		}
		return null;
	}

	private static String[] choiceItems(final Choice choice) {
		final String[] out = new String[choice.getItemCount()];
		for (int i = 0; i < out.length; i++) out[i] = choice.getItem(i);
		return out;
	}

	private String keysTable() {
		final StringBuilder help = new StringBuilder(
			"<h3>Keys</h3><p>The labels are the keys of macros and of the command line (a space in a label is an "
			+ "underscore in its key).</p><table>");
		for (final CommandInputs.Input in : inputs.inputs)
			help.append("<tr><td><b>").append(in.name).append("</b></td><td>").append(escape(in.description)).append(
				"</td></tr>");
		return help.append("</table>").toString();
	}

	private static String text(final Object v) {
		return SettingsBinding.format(v);
	}

	@SuppressWarnings("unchecked")
	private static <T> T last(final Vector<?> v) {
		return (T) v.lastElement();
	}

	/** Decimals that show {@code d} exactly (1 to 9). */
	static int decimals(final double d) {
		if (Double.isNaN(d) || Double.isInfinite(d)) return 3;
		final int scale = BigDecimal.valueOf(d).stripTrailingZeros().scale();
		return Math.max(1, Math.min(9, scale));
	}

	private static String escape(final String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}
}
