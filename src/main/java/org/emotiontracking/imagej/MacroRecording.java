package org.emotiontracking.imagej;

import ij.plugin.frame.Recorder;

import java.awt.EventQueue;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;

/**
 * What ImageJ's macro recorder ({@code Plugins > Macros > Record...}) shows for a command run from its
 * menu entry in plain ImageJ 1.x: exactly one line, {@code run("Classify Emotions", "model=[...] input=[...] ...");},
 * which, replayed (also in batch mode), runs the command with the same values.
 * <ul>
 * <li>Every input is recorded, defaults included (as Fiji records SciJava commands), so the line means
 * the same run even after a default changes; values with spaces in [brackets], backslashes and quotes
 * escaped for the macro string. The line is written when the dialog closes, before the command runs.</li>
 * <li>ImageJ's own recording of the run is switched off: the options GenericDialog would record (its
 * duplicate-keyword check misreads keys that end another key, such as {@code epochs} after
 * {@code warmup_epochs}), the bare {@code run("...")} of a cancelled or failed dialog, and the
 * {@code selectImage(...)} lines of the chart and live windows the run opens (ImageJ leaves out window
 * activations while a command is being recorded, so {@link #finish} waits for the window events of the
 * run before it ends the recording).</li>
 * <li>Runs from a macro record nothing, as ImageJ's commands do.</li>
 * </ul>
 */
public final class MacroRecording {

	/** How long the window events of a run (activations of the windows it opened) may take to arrive. */
	private static final long SETTLE_MILLIS = 300;

	private MacroRecording() {}

	/**
	 * Writes the line of a run of the command {@code title} with these values (key to macro text), if
	 * the recorder is open and this run was started from the menu.
	 */
	public static void record(final String title, final Map<String, String> values) {
		if (!recordingThisRun(title)) return;
		Recorder.recordString(line(title, values, Recorder.scriptMode()));
	}

	/**
	 * Ends the recording of a run of {@code title} started from the menu: after the run's window events,
	 * ImageJ records nothing more for it (its own line after the command, or window activations).
	 */
	public static void finish(final String title) {
		if (!recordingThisRun(title)) return;
		settle();
		Recorder.disableCommandRecording();
	}

	/** The recorded line, {@code run("title", "key=value ...");} and a newline ({@code IJ.run} when recording JavaScript or Java). */
	public static String line(final String title, final Map<String, String> values, final boolean script) {
		return (script ? "IJ.run(\"" : "run(\"") + macroString(title) + "\", \"" + macroString(MacroOptions.format(values)) +
			"\");\n";
	}

	/** Text inside a macro string literal: backslashes and quotes escaped. */
	public static String macroString(final String s) {
		return s.replace("\\", "\\\\").replace("\"", "\\\"");
	}

	/** Whether the recorder is recording this run: it is open, ImageJ runs {@code title} from its menu, not a macro. */
	private static boolean recordingThisRun(final String title) {
		if (!Recorder.record || !title.equals(Recorder.getCommand())) return false;
		return !Thread.currentThread().getName().startsWith("Run$_") || Recorder.recordInMacros;
	}

	/** Lets the window events of the run (e.g. its windows becoming active) be handled. */
	private static void settle() {
		if (EventQueue.isDispatchThread()) return;
		try {
			EventQueue.invokeAndWait(() -> {});
			Thread.sleep(SETTLE_MILLIS);
			EventQueue.invokeAndWait(() -> {});
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (final InvocationTargetException e) {
			// an empty runnable: nothing to report
		}
	}
}
