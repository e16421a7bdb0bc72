package org.emotiontracking.imagej;

import ij.IJ;
import ij.gui.HTMLDialog;
import ij.macro.Interpreter;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.emotiontracking.core.util.CancellableProgress;
import org.emotiontracking.core.util.KeyChoices;
import org.emotiontracking.core.util.ProgressListener;
import org.scijava.Cancelable;
import org.scijava.app.StatusService;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.command.DynamicCommand;
import org.scijava.command.DynamicCommandInfo;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.Button;

/**
 * Base of every Emotion Tracking command (see the package documentation for the pattern).
 * <p>
 * {@link #run()} copies the subclass's {@code @Parameter} fields into {@link #newSettings()} by name
 * ({@link SettingsBinding}), then calls {@link #execute} with a progress listener that shows where
 * the user looks: the ImageJ status bar, progress bar and Log window when ImageJ 1.x hosts the command
 * (Fiji, plain ImageJ 1.x, batch macros; Esc cancels), SciJava's StatusService and LogService
 * otherwise. A failure is reported once, as a clean message, and kept in {@link #failure()}; it is
 * not rethrown, because nobody would see an exception from a command started from a menu. SciJava
 * sees it all the same: the command is {@link Cancelable}, a failure cancels it with the message as
 * {@link #getCancelReason() reason} (so the module's {@code isCanceled()} is true), and a run the
 * user stopped (Esc, {@link #cancel()}, {@code module.cancel(null)}) is cancelled without one.
 * <p>
 * It is a SciJava {@link DynamicCommand}, so that SciJava's dialog (the one Fiji shows) can offer
 * choice lists that follow other inputs ({@link SciJavaDialogItems}: detector, weights, Grad-CAM's
 * target). {@code CommandService.run} therefore gives back the command itself as the module (no
 * {@code CommandModule}); {@link #getDelegateObject()} is the command, as before.
 *
 * @param <S> the core settings class whose {@code @Setting} keys the command's fields mirror
 */
public abstract class EmotionCommand<S> extends DynamicCommand {

	@Parameter(required = false)
	private LogService logService;

	@Parameter(required = false)
	private StatusService statusService;

	/**
	 * The Help button of SciJava's dialog (the one Fiji shows): opens this command's section of the
	 * README ({@link #showHelp()}). Not a key: ImageJ 1.x's dialog has its own Help, macros skip it.
	 */
	@Parameter(label = "Help", callback = "showHelp", persist = false, required = false,
		description = "This command's section of the README")
	private Button help;

	private volatile CancellableProgress progress;
	private volatile boolean arranged;
	private volatile boolean canceled;
	private volatile String cancelReason;
	private volatile String failure;

	/**
	 * The inputs as SciJava's dialog shows them: the command's keys, then the face-detection keys, then
	 * Help; choice lists that follow the other inputs ({@link SciJavaDialogItems}).
	 */
	@Override
	public DynamicCommandInfo getInfo() {
		final DynamicCommandInfo info = super.getInfo();
		if (!arranged) synchronized (this) {
			if (!arranged) {
				arranged = true;
				final CommandInfo declared = getContext().service(CommandService.class).getCommand(getClass());
				SciJavaDialogItems.arrange(this, info, declared);
			}
		}
		return info;
	}

	/**
	 * The choices SciJava's dialog lists for the text input {@code key} now, or null for a free text:
	 * for a key that takes a name or a file (detector, weights) the names and {@link CommandDialog#FILE_ITEM},
	 * which takes the file of the input named like the key with {@value SettingsBinding#FILE_INPUT_SUFFIX}.
	 * Asked again whenever the dialog refreshes, so the list may follow other inputs (Grad-CAM's target).
	 */
	protected List<String> choices(final String key) {
		final List<String> names = KeyChoices.open(newSettings().getClass(), key);
		if (names.isEmpty()) return null;
		final List<String> out = new ArrayList<>(names);
		out.add(CommandDialog.FILE_ITEM);
		return out;
	}

	/** A fresh settings object holding the core's defaults, e.g. {@code new TrainSettings()}. */
	protected abstract S newSettings();

	/**
	 * The work: call the core with the bound settings, report through {@code progress}, fill the
	 * output fields. Throw to fail; the message is what the user reads.
	 */
	protected abstract void execute(S settings, ProgressListener progress) throws Exception;

	@Override
	public final void run() {
		if (failure != null) { // a new run of the same command: the last one's failure is over
			failure = null;
			canceled = false;
			cancelReason = null;
		}
		final CancellableProgress p = createProgress();
		progress = p;
		if (canceled) p.cancel(); // asked before the run started
		try {
			execute(SettingsBinding.apply(this, newSettings()), p);
			if (p.isCancelled()) canceled = true;
		}
		catch (final CancellationException e) {
			if (p.isCancelled()) canceled = true; // stopped as asked
			else fail(e);
		}
		catch (final Exception | LinkageError | OutOfMemoryError e) {
			fail(e);
		}
		finally {
			p.finish();
		}
	}

	/** Why the last run failed, or null if it succeeded (or has not run). */
	public String failure() {
		return failure;
	}

	/** Asks a running command to stop at its next check (the same as Esc in ImageJ). */
	public void cancel() {
		cancel(null);
	}

	/**
	 * SciJava's cancel: stops a running command at its next check, or keeps a command that has not
	 * run yet from running (SciJava then skips it).
	 *
	 * @param reason why (null: the user stopped it; a message: it failed)
	 */
	@Override
	public void cancel(final String reason) {
		canceled = true;
		if (reason != null) cancelReason = reason;
		final CancellableProgress p = progress;
		if (p != null) p.cancel();
	}

	/** Whether the run was stopped or failed. */
	@Override
	public boolean isCanceled() {
		return canceled;
	}

	/** The failure's message ({@link #failure()}), or null when the user stopped the run or nothing went wrong. */
	@Override
	public String getCancelReason() {
		return cancelReason;
	}

	/** The menu label of this command (the leaf of its menu path), for messages. */
	public String title() {
		final Plugin plugin = getClass().getAnnotation(Plugin.class);
		if (plugin == null || plugin.menuPath().isEmpty()) return getClass().getSimpleName();
		final String[] path = plugin.menuPath().split(">");
		return path[path.length - 1].trim();
	}

	/** The command's name in the CLI and README (its {@code @Plugin} name, e.g. {@code classify}). */
	public String commandName() {
		final Plugin plugin = getClass().getAnnotation(Plugin.class);
		return plugin == null || plugin.name().isEmpty() ? getClass().getSimpleName() : plugin.name();
	}

	/**
	 * The callback of the Help button: this command's README section (and the face-detection section
	 * for a command that finds faces) in ImageJ's HTML window when a user watches ({@link #interactive()}),
	 * else, headless or without ImageJ's window, as Markdown in the log. Returns the Markdown shown.
	 */
	protected String showHelp() {
		final boolean detects = this instanceof DetectingCommand;
		final String markdown = ReadmeHelp.markdown(commandName(), detects);
		if (interactive()) new HTMLDialog(title() + " Help", ReadmeHelp.page(commandName(), title(), detects, ""),
			true);
		else {
			final String text = markdown == null ? title() + ": no README in this build" : markdown;
			if (logService != null) logService.info(text);
			else IJ.log(text);
		}
		return markdown;
	}

	protected LogService logService() {
		return logService;
	}

	protected StatusService statusService() {
		return statusService;
	}

	/**
	 * Whether ImageJ 1.x shows this run to the user: its main window exists (Fiji or plain ImageJ) or
	 * a macro runs in batch mode.
	 */
	public static boolean imageJ1Hosted() {
		return IJ.getInstance() != null || Interpreter.isBatchMode();
	}

	/**
	 * Whether a user watches this run in ImageJ's windows: ImageJ's main window exists, no batch
	 * macro runs and the JVM has a display. The default of keys such as {@code roi_manager}, and when
	 * charts open as image windows.
	 */
	public static boolean interactive() {
		return IJ.getInstance() != null && !Interpreter.isBatchMode() && !GraphicsEnvironment.isHeadless();
	}

	/** The listener for this run; override to add one (e.g. a live preview). */
	protected CancellableProgress createProgress() {
		return imageJ1Hosted() ? new ImageJProgress() : new SciJavaProgress(statusService, logService);
	}

	private void fail(final Throwable e) {
		final boolean expected = e instanceof IllegalArgumentException || e instanceof IOException ||
			e instanceof UncheckedIOException || !(e instanceof RuntimeException || e instanceof Error);
		final String reason = e instanceof FileAlreadyExistsException ? ((FileAlreadyExistsException) e).getReason()
			: null;
		final String message;
		if (reason != null) message = reason;
		else if (e.getMessage() == null || !expected && !(e instanceof IllegalStateException)) message = e.toString();
		else message = e.getMessage();
		failure = message;
		cancelReason = message;
		canceled = true;
		if (progress instanceof ImageJProgress) {
			IJ.log(title() + " failed: " + message);
			if (!expected && logService != null) logService.error(title() + " failed", e);
			if (IJ.getInstance() != null && !Interpreter.isBatchMode() && !GraphicsEnvironment.isHeadless()) IJ.error(
				title(), message);
		}
		else if (logService != null) {
			if (expected) logService.error(title() + " failed: " + message);
			else logService.error(title() + " failed: " + message, e);
		}
	}
}
