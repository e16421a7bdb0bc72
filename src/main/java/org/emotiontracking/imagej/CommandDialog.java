package org.emotiontracking.imagej;

import ij.gui.GenericDialog;

import java.io.File;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.emotiontracking.core.util.KeyValues;

/**
 * An ImageJ 1.x GenericDialog for a command's inputs: one field per input, labelled with its key
 * (directory/file fields with a Browse button, checkboxes, numbers, choices, text), the descriptions
 * behind the Help button. {@link #build()} and {@link #read(GenericDialog)} are separate so that a
 * test can fill the dialog (or run it in macro mode) without a user.
 */
public final class CommandDialog {

	private final CommandInputs inputs;
	private final Map<String, Object> initial;

	/** A dialog showing {@code initial} values (by input name; missing ones show the defaults). */
	public CommandDialog(final CommandInputs inputs, final Map<String, Object> initial) {
		this.inputs = inputs;
		this.initial = new LinkedHashMap<>(inputs.defaults());
		if (initial != null) this.initial.putAll(initial);
	}

	/** The dialog, not yet shown. */
	public GenericDialog build() {
		final GenericDialog gd = new GenericDialog(inputs.title);
		final StringBuilder help = new StringBuilder("<html><h3>").append(inputs.title).append(
			"</h3><p>The labels are the keys of macros and of the command line.</p><table>");
		for (final CommandInputs.Input in : inputs.inputs) {
			final Object v = initial.get(in.name);
			if (in.isBoolean()) gd.addCheckbox(in.name, Boolean.TRUE.equals(v));
			else if (!in.choices.isEmpty()) gd.addChoice(in.name, in.choices.toArray(new String[0]), v == null ? in.choices
				.get(0) : String.valueOf(v));
			else if (in.isInteger()) gd.addNumericField(in.name, v == null ? 0 : ((Number) v).doubleValue(), 0);
			else if (in.isDecimal()) {
				final double d = v == null ? Double.NaN : ((Number) v).doubleValue();
				gd.addNumericField(in.name, d, decimals(d), 8, null);
			}
			else if (in.isDirectory()) gd.addDirectoryField(in.name, v == null ? "" : ((File) v).getPath(), 30);
			else if (in.isFile()) gd.addFileField(in.name, v == null ? "" : ((File) v).getPath(), 30);
			else if (in.type.isEnum()) {
				final Object[] constants = in.type.getEnumConstants();
				final String[] names = new String[constants.length];
				for (int i = 0; i < names.length; i++) names[i] = constants[i].toString();
				gd.addChoice(in.name, names, v == null ? names[0] : v.toString());
			}
			else gd.addStringField(in.name, v == null ? "" : String.valueOf(v), 20);
			help.append("<tr><td><b>").append(in.name).append("</b></td><td>").append(escape(in.description)).append(
				"</td></tr>");
		}
		gd.addHelp(help.append("</table></html>").toString());
		return gd;
	}

	/**
	 * The values of a dialog from {@link #build()} after it was shown (or run in macro mode), by input
	 * name, or null if it was cancelled.
	 *
	 * @throws IllegalArgumentException for a number field that does not hold a number
	 */
	public Map<String, Object> read(final GenericDialog gd) {
		if (gd.wasCanceled()) return null;
		final Map<String, Object> out = new LinkedHashMap<>();
		for (final CommandInputs.Input in : inputs.inputs) {
			if (in.isBoolean()) out.put(in.name, gd.getNextBoolean());
			else if (!in.choices.isEmpty() || in.type.isEnum()) out.put(in.name, inputs.parse(in, gd.getNextChoice()));
			else if (in.isInteger() || in.isDecimal()) {
				final double d = gd.getNextNumber();
				if (gd.invalidNumber()) throw new IllegalArgumentException(in.name + " must be a number");
				out.put(in.name, KeyValues.convert(in.name, d, in.type));
			}
			else out.put(in.name, inputs.parse(in, gd.getNextString()));
		}
		return out;
	}

	/** Shows the dialog and returns the values, or null if the user cancelled. */
	public Map<String, Object> ask() {
		final GenericDialog gd = build();
		gd.showDialog();
		return read(gd);
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
