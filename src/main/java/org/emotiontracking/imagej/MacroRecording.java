package org.emotiontracking.imagej;

import ij.plugin.frame.Recorder;

import java.awt.EventQueue;
import java.awt.KeyboardFocusManager;
import java.awt.Window;
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

	/** How long the active window must stay the same before the run's window events count as handled. */
	private static final long SETTLE_MILLIS = 400, SETTLE_MAX_MILLIS = 3000, POLL_MILLIS = 50;

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

	/** The recorded line, {@code run("title", "key=value ...");} and a newline ({@code IJ.run} when recording
	 * JavaScript or Java). */
	public static String line(final String title, final Map<String, String> values, final boolean script) {
		return (script ? "IJ.run(\"" : "run(\"") + macroString(title) + "\", \""
			+ macroString(MacroOptions.format(values)) + "\");\n";
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

	/**
	 * Lets the window events of the run be handled: the windows it opened become active one after the
	 * other (each would record a selectImage once the recording ended), so wait until the active window
	 * has stayed the same for {@value #SETTLE_MILLIS} ms (at most {@value #SETTLE_MAX_MILLIS} ms).
	 */
	private static void settle() {
		if (EventQueue.isDispatchThread()) return;
		try {
			final long end = System.currentTimeMillis() + SETTLE_MAX_MILLIS;
			Window last = activeWindow();
			long stableSince = System.currentTimeMillis();
			while (System.currentTimeMillis() < end) {
				Thread.sleep(POLL_MILLIS);
				final Window now = activeWindow();
				if (now != last) {
					last = now;
					stableSince = System.currentTimeMillis();
				}
				else if (System.currentTimeMillis() - stableSince >= SETTLE_MILLIS) return;
			}
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (final InvocationTargetException e) {
			// reading the active window does not fail
		}
	}

	/** The active window, read on the event thread after the events before it were handled. */
	private static Window activeWindow() throws InterruptedException, InvocationTargetException {
		final Window[] out = new Window[1];
		EventQueue.invokeAndWait(() -> out[0] = KeyboardFocusManager.getCurrentKeyboardFocusManager()
			.getActiveWindow());
		return out[0];
	}
}
