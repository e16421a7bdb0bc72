/**
 * Fiji / ImageJ front end: thin SciJava commands, the ImageJ 1.x bridge, results tables, overlays and
 * progress adapters. No model maths here; every command parses its inputs and calls the core.
 *
 * <h2>Adding a command (Classify, Grad-CAM, Live, ...)</h2>
 * <ol>
 * <li>One class extending {@link org.emotiontracking.imagej.EmotionCommand EmotionCommand&lt;S&gt;},
 * where {@code S} is the core's settings class (public {@code @Setting} fields, e.g.
 * {@code TrainSettings}):
 *
 * <pre>
 * &#64;Plugin(type = Command.class, name = "classify", headless = true,
 * 	menuPath = "Plugins&gt;Emotion Tracking&gt;Classify Emotions")
 * public class ClassifyEmotionsCommand extends EmotionCommand&lt;ClassifySettings&gt; {
 * 	private static final ClassifySettings DEFAULTS = new ClassifySettings();
 * 	&#64;Parameter(style = FileWidget.OPEN_STYLE) private File model;   // same name as the @Setting key
 * 	&#64;Parameter(min = "1", max = "1024") private int batch_size = DEFAULTS.batch_size; // the key's type, default,
 * range
 * 	&#64;Parameter private FaceMode faces = DEFAULTS.faces;             // an enum: SciJava lists its choices
 * 	&#64;Parameter(type = ItemIO.OUTPUT) private int faces_found;       // outputs: any names
 * 	protected ClassifySettings newSettings() { return new ClassifySettings(); }
 * 	protected void execute(ClassifySettings s, ProgressListener progress) throws Exception {
 * 		... call the core; fill EmotionResultsTable / EmotionOverlay; set the output fields ...
 * 	}
 * }
 * </pre>
 *
 * Every {@code @Parameter} field whose name equals a key of {@code S} is copied into a fresh {@code S}
 * by name, value to value ({@link org.emotiontracking.imagej.SettingsBinding}: File to Path, "a,b" to a
 * list, the rest as they are); other fields (outputs, an input {@code ImagePlus}, ...) are the
 * command's own. Give each parameter the key's type (File for a Path, a comma-separated String for a
 * list), the core's default ({@code DEFAULTS.key}) and the key's {@code range}/{@code choices} as widget
 * limits; the test helper {@link org.emotiontracking.imagej.SettingsBinding#mismatches} checks all of
 * it. Leave the checks to the core call ({@code validate(Required...)} of the settings). An
 * {@code ImagePlus} input ({@code required = false, persist = false}) receives the current image, from
 * imagej-legacy in Fiji and from the bridge in ImageJ 1.x; fall back to
 * {@code WindowManager.getCurrentImage()} (see {@link org.emotiontracking.imagej.ClassifyEmotionsCommand}).</li>
 * <li>{@code @Plugin(name = ...)} is the CLI command name; the menu label is the leaf of
 * {@code menuPath}. Add the same path and label, with the name as argument, to {@code plugins.config}:
 * <pre>Plugins&gt;Emotion Tracking, "Classify Emotions",
 * org.emotiontracking.imagej.EmotionTrackingPlugin("classify")</pre>
 * In Fiji, imagej-legacy lets the SciJava command take over that menu item (no duplicate); in plain
 * ImageJ 1.x, {@link org.emotiontracking.imagej.EmotionTrackingPlugin} runs the same command with a
 * GenericDialog or the macro options.</li>
 * </ol>
 * The base class picks the progress listener (ImageJ status bar, progress bar and Log window with Esc
 * to cancel when ImageJ 1.x hosts the command; SciJava StatusService and LogService otherwise), catches
 * failures and reports them as one clean message ({@link org.emotiontracking.imagej.EmotionCommand#failure()}),
 * and is SciJava {@code Cancelable}: a failure cancels the module with the message as reason, a stop
 * without one. Both progress listeners are {@code CancellableProgress} (cancel, finish).
 * <p>
 * The base class is a SciJava {@code DynamicCommand}: its module is the command itself, so run it with
 * {@code moduleService.run(commandService.getCommand(type), true, ...)} ({@code CommandService.run}
 * returns null for a DynamicCommand). A command that finds faces extends
 * {@link org.emotiontracking.imagej.DetectingCommand DetectingCommand&lt;S&gt;}, which declares the
 * shared inputs once; override {@link org.emotiontracking.imagej.EmotionCommand#choices(String)} for a
 * list in SciJava's dialog that follows other inputs (Grad-CAM's target).
 */
package org.emotiontracking.imagej;
