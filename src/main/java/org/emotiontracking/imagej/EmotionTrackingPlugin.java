package org.emotiontracking.imagej;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.macro.Interpreter;
import ij.plugin.PlugIn;

import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.emotiontracking.core.util.ContextClassLoader;
import org.scijava.Cancelable;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;
import org.scijava.module.process.PostprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.PluginService;

/**
 * The ImageJ 1.x entry point of every command, registered in {@code plugins.config} with the
 * command's {@code @Plugin(name = ...)} as argument:
 * {@code Plugins>Emotion Tracking, "Train Emotion Model", org.emotiontracking.imagej.EmotionTrackingPlugin("train")}.
 * <p>
 * It runs the same SciJava command as Fiji: in a macro with the values of {@code Macro.getOptions()}
 * ({@code key=value}, {@code [bracketed values]}, bare words for true booleans; keys left out take
 * the command's defaults), otherwise with a GenericDialog built from the command's parameters
 * ({@link CommandDialog}); an {@code ImagePlus} input gets the current image (never asked for); and
 * with the macro recorder open, a run started from the menu records one {@code run(...)} line with every
 * key as {@code key=value} ({@link MacroRecording}). The SciJava context
 * is Fiji's when imagej-legacy is present, else one context created on first use and kept.
 * <p>
 * In Fiji this class is normally not reached: imagej-legacy gives the menu item of the same path and
 * label to the SciJava command, so the menu shows one entry and {@code run("Train Emotion Model", ...)}
 * runs the command directly.
 */
public class EmotionTrackingPlugin implements PlugIn {

	private static Context ownContext;

	@Override
	public void run(final String arg) {
		ContextClassLoader.of(EmotionTrackingPlugin.class, () -> {
			final String options = Macro.getOptions();
			final Outcome outcome = run(context(), arg == null ? "" : arg.trim(), options);
			if (outcome.failure != null && options != null) Interpreter.abort(); // stops the macro quietly
			return null;
		});
	}

	/** What {@link #run(Context, String, String)} did. */
	public static final class Outcome {

		/** The finished module (outputs via {@code getOutput}), or null if it did not run. */
		public final Module module;
		/** Why it failed, or null (also null when the user cancelled the dialog). */
		public final String failure;

		Outcome(final Module module, final String failure) {
			this.module = module;
			this.failure = failure;
		}
	}

	/**
	 * Runs the command named {@code name} in {@code context}: with {@code options} as macro options,
	 * or, if they are null, with values asked in a dialog. Reports problems in the Log window (and
	 * in an error dialog when interactive) and returns them.
	 */
	public static Outcome run(final Context context, final String name, final String options) {
		final CommandInfo info = find(context, name);
		if (info == null) return fail("Emotion Tracking", "No Emotion Tracking command named '" + name + "'", options);
		final CommandInputs inputs = CommandInputs.of(context, info);
		try {
			return run(context, info, inputs, options);
		}
		finally {
			MacroRecording.finish(inputs.title); // nothing more of this run reaches the recorder
		}
	}

	private static Outcome run(final Context context, final CommandInfo info, final CommandInputs inputs,
		final String options)
	{
		final Map<String, Object> values;
		try {
			if (options != null) {
				final List<String> unknown = new ArrayList<>();
				values = inputs.fromMacroOptions(options, unknown);
				if (!unknown.isEmpty()) IJ.log(inputs.title + ": ignored unknown key(s) " + String.join(", ", unknown) +
					". Keys: " + String.join(", ", inputs.defaults().keySet()));
			}
			else {
				values = new CommandDialog(inputs, null).ask();
				if (values == null) return new Outcome(null, null);
			}
		}
		catch (final IllegalArgumentException e) {
			return fail(inputs.title, e.getMessage(), options);
		}
		MacroRecording.record(inputs.title, inputs.toMacroText(values));
		currentImage(info, values);
		final List<String> missing = inputs.missingRequired(values);
		if (!missing.isEmpty()) return fail(inputs.title, "Missing " + String.join("=, ", missing) + "= (e.g. run(\"" +
			inputs.title + "\", \"" + missing.get(0) + "=[...]\"))", options);
		final Module module;
		try {
			// Preprocessing (services, initializers, validation) but no postprocessing: ImageJ 1.x has no
			// displays for the outputs (the command logs them) and we record the options ourselves.
			final List<PreprocessorPlugin> pre = context.service(PluginService.class).createInstancesOfType(
				PreprocessorPlugin.class);
			module = context.service(ModuleService.class).run(info, pre, Collections.<PostprocessorPlugin> emptyList(),
				values).get();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			return fail(inputs.title, "Interrupted", options);
		}
		catch (final ExecutionException e) {
			final Throwable cause = e.getCause() == null ? e : e.getCause();
			return fail(inputs.title, cause.getMessage() == null ? cause.toString() : cause.getMessage(), options);
		}
		if (module instanceof Cancelable && ((Cancelable) module).isCanceled()) {
			final String reason = ((Cancelable) module).getCancelReason();
			if (reason == null || reason.isEmpty()) return new Outcome(module, null); // the user stopped it
			// an EmotionCommand that failed has reported its failure already (and cancelled itself with it)
			return module.getDelegateObject() instanceof EmotionCommand ? new Outcome(module, reason)
				: fail(inputs.title, reason, options);
		}
		return new Outcome(module, null);
	}

	/** The command whose {@code @Plugin(name)} is {@code name}, among the Emotion Tracking commands. */
	public static CommandInfo find(final Context context, final String name) {
		for (final CommandInfo info : context.service(CommandService.class).getCommands())
			if (name.equals(info.getName()) && info.getClassName().startsWith("org.emotiontracking.")) return info;
		return null;
	}

	/** Fiji's context when imagej-legacy is present, else our own (created once). */
	public static synchronized Context context() {
		if (insideFiji()) {
			final Object o = IJ.runPlugIn("org.scijava.Context", "");
			if (o instanceof Context) return (Context) o;
		}
		if (ownContext == null) ownContext = new Context();
		return ownContext;
	}

	/** Whether ImageJ2's legacy layer (Fiji) is on the class path. */
	public static boolean insideFiji() {
		try {
			Class.forName("net.imagej.legacy.LegacyService", false, EmotionTrackingPlugin.class.getClassLoader());
			return true;
		}
		catch (final ClassNotFoundException | LinkageError e) {
			return false;
		}
	}

	/**
	 * Gives each ImagePlus input the current image (the macro's batch-mode image, the front window), as
	 * imagej-legacy does in Fiji; it stays unset if no image is open.
	 */
	private static void currentImage(final CommandInfo info, final Map<String, Object> values) {
		ImagePlus current = null;
		for (final ModuleItem<?> item : info.inputs())
			if (ImagePlus.class.isAssignableFrom(item.getType()) && values.get(item.getName()) == null) {
				if (current == null) current = WindowManager.getCurrentImage();
				if (current != null) values.put(item.getName(), current);
			}
	}

	private static Outcome fail(final String title, final String message, final String options) {
		IJ.log(title + ": " + message);
		if (options == null && IJ.getInstance() != null && !GraphicsEnvironment.isHeadless()) IJ.error(title,
			message);
		return new Outcome(null, message);
	}
}
