package org.emotiontracking.it;

import ij.IJ;
import ij.ImageJ;
import ij.gui.GenericDialog;
import ij.plugin.frame.Recorder;

import java.awt.Button;
import java.awt.Checkbox;
import java.awt.Choice;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dialog;
import java.awt.EventQueue;
import java.awt.Label;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.TextField;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.swing.JEditorPane;

/**
 * A user at plain ImageJ 1.x, for {@link ImageJ1RecorderIT}: a fresh JVM with only ij.jar and this
 * class on its class path and the packaged plugins in {@code -Dplugins.dir} (so the plugin is loaded
 * from plugins.config by ImageJ's own plugin class loader). It opens ImageJ and the macro recorder,
 * then for each command of the script starts it from the menu (as a click does: {@code IJ.doCommand},
 * on a thread of its own, not a macro), waits for its dialog, describes the dialog's fields, saves a
 * screenshot of it and of its Help, fills the fields by label as a user types, presses OK and waits
 * until the command is done. Then it writes the recorder's text, renames the given folders and replays
 * the recorded text as a batch-mode macro. Only ij.* and AWT are used here: no plugin class.
 * <p>
 * The script, one instruction per line: {@code command <menu label>}, {@code set <key> <value>}
 * (key as the label shows it, spaces as underscores; a choice takes the item, a checkbox true/false),
 * {@code rename <from> <to>} (done after recording, before the replay); {@code out <folder>} for the
 * report files (dialogs.txt, recorded.ijm, recorded-after-replay.ijm, PNGs).
 */
public final class InteractiveImageJ {

	private static final long TIMEOUT_MS = 300_000, WATCHDOG_MS = 400_000;

	private final Path out;
	private final StringBuilder report = new StringBuilder();
	private final Robot robot;

	private InteractiveImageJ(final Path out) throws Exception {
		this.out = out;
		this.robot = new Robot();
	}

	public static void main(final String[] args) throws Exception {
		final List<String> script = Files.readAllLines(Paths.get(args[0]), StandardCharsets.UTF_8);
		Path outDir = null;
		for (final String line : script) if (line.startsWith("out ")) outDir = Paths.get(line.substring(4).trim());
		Files.createDirectories(outDir);
		final InteractiveImageJ user = new InteractiveImageJ(outDir);
		final Path reportFile = outDir.resolve("dialogs.txt");
		final Thread watchdog = new Thread(() -> { // an unexpected dialog (an error?) would block forever
			try {
				Thread.sleep(WATCHDOG_MS);
				final StringBuilder open = new StringBuilder("TIMED OUT; windows:\n");
				for (final Window w : Window.getWindows())
					if (w.isShowing()) {
						open.append("  ").append(w instanceof Dialog ? ((Dialog) w).getTitle() : w instanceof java.awt.Frame
							? ((java.awt.Frame) w).getTitle() : w.toString()).append(":");
						walk(w, c -> {
							if (c instanceof Label) open.append(' ').append(((Label) c).getText());
							if (c instanceof java.awt.TextArea) open.append(' ').append(((java.awt.TextArea) c).getText());
						});
						open.append('\n');
					}
				Files.write(reportFile, (user.report + open.toString()).getBytes(StandardCharsets.UTF_8));
				System.out.println(open);
				Runtime.getRuntime().halt(3);
			}
			catch (final Exception e) {
				// interrupted: done in time
			}
		});
		watchdog.setDaemon(true);
		watchdog.start();
		int status = 0;
		try {
			user.run(script);
		}
		catch (final Throwable e) {
			e.printStackTrace();
			user.report.append("FAILED ").append(e).append('\n');
			status = 1;
		}
		Files.write(outDir.resolve("dialogs.txt"), user.report.toString().getBytes(StandardCharsets.UTF_8));
		System.out.println("interactive session done: " + status);
		System.exit(status);
	}

	private void run(final List<String> script) throws Exception {
		new ImageJ(); // the main window; menus from the plugins folder
		EventQueue.invokeAndWait(Recorder::new);
		if (Recorder.getInstance() == null || !Recorder.record) throw new IllegalStateException("no recorder");
		String command = null;
		final Map<String, String> values = new LinkedHashMap<>();
		final List<String[]> renames = new ArrayList<>();
		for (final String line : script) {
			if (line.startsWith("command ")) {
				if (command != null) runCommand(command, values);
				command = line.substring(8).trim();
				values.clear();
			}
			else if (line.startsWith("set ")) {
				final String[] kv = line.substring(4).split(" ", 2);
				values.put(kv[0], kv.length > 1 ? kv[1] : "");
			}
			else if (line.startsWith("rename ")) renames.add(line.substring(7).split("\t"));
		}
		if (command != null) runCommand(command, values);

		final String recorded = Recorder.getInstance().getText();
		Files.write(out.resolve("recorded.ijm"), recorded.getBytes(StandardCharsets.UTF_8));
		for (final String[] r : renames) Files.move(Paths.get(r[0]), Paths.get(r[1]));
		IJ.log("replaying the recorded macro in batch mode");
		IJ.runMacro("setBatchMode(true);\n" + recorded + "setBatchMode(false);\n");
		Files.write(out.resolve("recorded-after-replay.ijm"), Recorder.getInstance().getText().getBytes(
			StandardCharsets.UTF_8));
		Files.write(out.resolve("log.txt"), IJ.getLog() == null ? new byte[0] : IJ.getLog().getBytes(StandardCharsets.UTF_8));
	}

	/** Starts the command from the menu, handles its dialog, waits until it is done. */
	private void runCommand(final String command, final Map<String, String> values) throws Exception {
		IJ.doCommand(command);
		final GenericDialog gd = waitForDialog(command);
		Thread.sleep(500); // painted
		final String stem = command.replaceAll("[^A-Za-z0-9]+", "_").toLowerCase();
		report.append("dialog ").append(command).append('\n');
		final Map<String, Field> fields = describe(gd);
		for (final Map.Entry<String, Field> f : fields.entrySet())
			report.append("field ").append(f.getKey()).append(' ').append(f.getValue()).append('\n');
		screenshot(gd, out.resolve(stem + ".png"));
		help(gd, out.resolve(stem + "_help.png"));
		for (final Map.Entry<String, String> v : values.entrySet()) fill(fields, v.getKey(), v.getValue());
		Thread.sleep(200);
		// after filling: what the lists hold now (e.g. target once the model is chosen)
		for (final Map.Entry<String, Field> f : describe(gd).entrySet())
			report.append("filled ").append(f.getKey()).append(' ').append(f.getValue()).append('\n');
		screenshot(gd, out.resolve(stem + "_filled.png"));
		final Button ok = gd.getButtons()[0];
		EventQueue.invokeAndWait(() -> ok.dispatchEvent(new ActionEvent(ok, ActionEvent.ACTION_PERFORMED, ok.getLabel())));
		final Thread worker = findThread(command);
		if (worker != null) worker.join(TIMEOUT_MS);
		if (worker != null && worker.isAlive()) throw new IllegalStateException(command + " did not finish");
		report.append("done ").append(command).append('\n');
	}

	/** One field of a dialog: its kind, its choices, the buttons beside it. */
	private static final class Field {
		final Component component;
		final List<String> buttons = new ArrayList<>();

		Field(final Component component) {
			this.component = component;
		}

		@Override
		public String toString() {
			final StringBuilder sb = new StringBuilder();
			if (component instanceof Checkbox) sb.append("checkbox ").append(((Checkbox) component).getState());
			else if (component instanceof Choice) {
				final Choice c = (Choice) component;
				sb.append("choice [");
				for (int i = 0; i < c.getItemCount(); i++) sb.append(i == 0 ? "" : "|").append(c.getItem(i));
				sb.append("] ").append(c.getSelectedItem());
			}
			else sb.append("text ").append(component.isEnabled() ? "enabled" : "disabled").append(" [").append(
				((TextField) component).getText()).append(']');
			for (final String b : buttons) sb.append(" button:").append(b);
			return sb.toString();
		}
	}

	/** The dialog's fields by key (a label's text with spaces as underscores), in the order shown. */
	private static Map<String, Field> describe(final GenericDialog gd) {
		final Map<String, Field> out = new LinkedHashMap<>();
		final String[] label = { null };
		final Field[] last = { null };
		final List<Button> dialogButtons = java.util.Arrays.asList(gd.getButtons());
		walk(gd, c -> {
			if (c instanceof Label) label[0] = ((Label) c).getText().trim().replace(' ', '_');
			else if (c instanceof Checkbox) {
				last[0] = new Field(c);
				out.put(((Checkbox) c).getLabel().trim().replace(' ', '_'), last[0]);
			}
			else if ((c instanceof TextField || c instanceof Choice) && label[0] != null) {
				last[0] = new Field(c);
				out.put(label[0], last[0]);
				label[0] = null;
			}
			else if (c instanceof Button && last[0] != null && c.getParent() != gd && !dialogButtons.contains(c))
				last[0].buttons.add(((Button) c).getLabel().trim());
		});
		return out;
	}

	private interface Visitor {
		void visit(Component c);
	}

	private static void walk(final Container parent, final Visitor v) {
		for (final Component c : parent.getComponents()) {
			v.visit(c);
			if (c instanceof Container) walk((Container) c, v);
		}
	}

	private static void fill(final Map<String, Field> fields, final String key, final String value) throws Exception {
		final Field f = fields.get(key);
		if (f == null) throw new IllegalStateException("No field " + key + " in " + fields.keySet());
		final Exception[] error = { null };
		EventQueue.invokeAndWait(() -> {
			if (f.component instanceof Checkbox) ((Checkbox) f.component).setState(Boolean.parseBoolean(value));
			else if (f.component instanceof Choice) {
				final Choice c = (Choice) f.component;
				boolean found = false;
				for (int i = 0; i < c.getItemCount(); i++) found |= c.getItem(i).equals(value);
				if (!found) error[0] = new IllegalStateException("No item " + value + " in the list of " + key + ": " + f);
				else {
					c.select(value);
					// as a click does: listeners hear about it
					c.dispatchEvent(new java.awt.event.ItemEvent(c, java.awt.event.ItemEvent.ITEM_STATE_CHANGED, value,
						java.awt.event.ItemEvent.SELECTED));
				}
			}
			else ((TextField) f.component).setText(value);
		});
		if (error[0] != null) throw error[0];
	}

	/** Presses Help, saves a screenshot of the help window and the start of its text, closes it. */
	private void help(final GenericDialog gd, final Path png) throws Exception {
		Button help = null;
		for (final Button b : gd.getButtons()) if (b != null && b.getLabel().trim().equals("Help")) help = b;
		if (help == null) {
			report.append("help none\n");
			return;
		}
		final Button h = help;
		EventQueue.invokeLater(() -> h.dispatchEvent(new ActionEvent(h, ActionEvent.ACTION_PERFORMED, h.getLabel())));
		final long end = System.currentTimeMillis() + 30_000;
		Window window = null;
		while (window == null && System.currentTimeMillis() < end) {
			for (final Window w : Window.getWindows())
				if (w.isShowing() && w instanceof Dialog && ((Dialog) w).getTitle().equals(gd.getTitle() + " Help")) window = w;
			Thread.sleep(100);
		}
		if (window == null) throw new IllegalStateException("No help window for " + gd.getTitle());
		Thread.sleep(700);
		screenshot(window, png);
		final StringBuilder text = new StringBuilder();
		walk((Container) window, c -> {
			if (c instanceof JEditorPane) try {
				final JEditorPane p = (JEditorPane) c;
				text.append(p.getDocument().getText(0, p.getDocument().getLength()));
			}
			catch (final Exception e) {
				text.append(e);
			}
		});
		report.append("help ").append(text.toString().replaceAll("\\s+", " ").trim()).append('\n');
		final Window w = window;
		EventQueue.invokeAndWait(w::dispose);
		Thread.sleep(200);
	}

	/** Saves what the screen shows of the window, once it is painted (tries for up to 10 s under load). */
	private void screenshot(final Window w, final Path png) throws Exception {
		EventQueue.invokeAndWait(w::toFront);
		Rectangle r = w.getBounds();
		BufferedImage img = robot.createScreenCapture(r);
		for (int i = 0; i < 10 && blackFraction(img) > 0.3; i++) {
			Thread.sleep(500);
			EventQueue.invokeAndWait(w::toFront);
			r = w.getBounds();
			img = robot.createScreenCapture(r);
		}
		String how = "screen";
		if (blackFraction(img) > 0.3) { // not on the screen where it says it is (seen under heavy load): let it paint itself
			final BufferedImage painted = new BufferedImage(r.width, r.height, BufferedImage.TYPE_INT_RGB);
			EventQueue.invokeAndWait(() -> {
				final java.awt.Graphics2D g = painted.createGraphics();
				g.setColor(w.getBackground() == null ? java.awt.Color.LIGHT_GRAY : w.getBackground());
				g.fillRect(0, 0, painted.getWidth(), painted.getHeight());
				w.printAll(g);
				g.dispose();
			});
			img = painted;
			how = "painted at " + w.getLocationOnScreen();
		}
		ImageIO.write(img, "png", png.toFile());
		report.append("screenshot ").append(png.getFileName()).append(' ').append(r.width).append('x').append(r.height)
			.append(' ').append(how).append('\n');
	}

	private static double blackFraction(final BufferedImage img) {
		long black = 0;
		for (int y = 0; y < img.getHeight(); y += 2)
			for (int x = 0; x < img.getWidth(); x += 2)
				if ((img.getRGB(x, y) & 0xffffff) == 0) black++;
		return 4.0 * black / img.getWidth() / img.getHeight();
	}

	private static GenericDialog waitForDialog(final String title) throws InterruptedException {
		final long end = System.currentTimeMillis() + TIMEOUT_MS;
		while (System.currentTimeMillis() < end) {
			for (final Window w : Window.getWindows())
				if (w instanceof GenericDialog && w.isShowing() && ((GenericDialog) w).getTitle().equals(title))
					return (GenericDialog) w;
			Thread.sleep(100);
		}
		throw new IllegalStateException("No dialog " + title + " appeared");
	}

	/** The Executer thread ImageJ runs a menu command on (named after the command). */
	private static Thread findThread(final String name) {
		for (final Thread t : Thread.getAllStackTraces().keySet())
			if (t.getName().equals(name)) return t;
		return null;
	}
}
