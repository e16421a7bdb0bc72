package org.emotiontracking.imagej;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import java.io.File;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;

import org.emotiontracking.core.classify.ClassifyFixtures;
import org.emotiontracking.core.detect.FaceDetectionSettings;
import org.emotiontracking.core.model.BuiltinModel;
import org.emotiontracking.core.model.ModelArchive;
import org.emotiontracking.core.util.KeyChoices;
import org.emotiontracking.core.util.Settings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModuleItem;
import org.scijava.command.CommandService;
import org.scijava.convert.ConvertService;
import org.scijava.log.LogService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;
import org.scijava.module.process.DefaultValuePreprocessor;
import org.scijava.object.ObjectService;
import org.scijava.service.Service;
import org.scijava.thread.ThreadService;
import org.scijava.widget.Button;
import org.scijava.widget.DefaultWidgetModel;
import org.scijava.widget.WidgetModel;

/**
 * What SciJava's dialog (Fiji's) reads from each command's module, on a real SciJava context: the
 * inputs in order (each shared input declared once, in the base class), detector and weights as
 * choice lists with "file (below)", Grad-CAM's target listing the classes of the model chosen. The
 * lists are read as the dialog reads them: through SciJava's {@link DefaultWidgetModel}, whose
 * choices and value the Swing widgets show.
 */
class SciJavaDialogChoicesTest {

	private static final List<String> DETECTION = new ArrayList<>(Settings.fields(FaceDetectionSettings.class)
		.keySet());

	private static Context context;

	@BeforeAll
	static void createContext() {
		context = new Context(CommandService.class, ModuleService.class, ConvertService.class, ObjectService.class,
			ThreadService.class, LogService.class);
	}

	@AfterAll
	static void disposeContext() {
		context.dispose();
	}

	private static Module module(final Class<? extends EmotionCommand<?>> type) {
		return context.service(ModuleService.class).createModule(context.service(CommandService.class).getCommand(type));
	}

	/** The widget model SciJava's harvester builds for {@code name} (no panel: values set here). */
	private static WidgetModel widget(final Module module, final String name) {
		return new DefaultWidgetModel(context, null, module, module.getInfo().getInput(name), List.of());
	}

	private static List<String> names(final Module module) {
		final List<String> out = new ArrayList<>();
		for (final ModuleItem<?> item : module.getInfo().inputs()) out.add(item.getName());
		return out;
	}

	@ParameterizedTest
	@ValueSource(classes = { ClassifyEmotionsCommand.class, GradCamOverlayCommand.class, LiveWebcamCommand.class,
		TrainEmotionModelCommand.class })
	void inputsComeOnceInTheDialogsOrder(final Class<? extends EmotionCommand<?>> type) {
		final CommandInfo info = context.service(CommandService.class).getCommand(type);
		assertTrue(info.isValid(), info.getProblems().toString()); // no "duplicate parameter"
		final Module module = module(type);
		assertTrue(module instanceof EmotionCommand, "a DynamicCommand: the module is the command");
		final List<String> names = names(module);
		assertEquals(names.stream().distinct().collect(Collectors.toList()), names, "each input once");
		final List<String> declared = new ArrayList<>();
		for (final ModuleItem<?> item : info.inputs()) declared.add(item.getName());
		assertEquals(declared.stream().sorted().collect(Collectors.toList()), names.stream().sorted().collect(Collectors
			.toList()), "the dialog shows what the annotations declare");
		assertEquals("help", names.get(names.size() - 1), "Help last");
		assertEquals(Button.class, module.getInfo().getInput("help").getType());
		final boolean detects = DetectingCommand.class.isAssignableFrom(type);
		int lastOwn = -1, firstDetection = names.size();
		for (int i = 0; i < names.size() - 1; i++) {
			final String n = names.get(i);
			if (DETECTION.contains(n) || n.equals(DetectingCommand.DETECTOR_FILE)) firstDetection = Math.min(
				firstDetection, i);
			else lastOwn = i;
		}
		assertTrue(lastOwn < firstDetection, "the command's keys, then the detection keys: " + names);
		// The same order as ImageJ 1.x's dialog and the recorded line (InputOrder), wherever a field is declared.
		final List<String> ij1 = CommandInputs.of(context, info).inputs.stream().map(in -> in.name).collect(Collectors
			.toList());
		assertEquals(ij1, names.stream().filter(ij1::contains).collect(Collectors.toList()));
		if (detects) assertEquals(List.of("model", "trust", "classes"), names.subList(0, 3), "the model first");
		if (!detects) {
			assertEquals(names.size(), firstDetection, names.toString());
			return;
		}
		assertTrue(names.subList(firstDetection, names.size() - 1).containsAll(DETECTION), names.toString());
		assertEquals(names.indexOf("detector") + 1, names.indexOf(DetectingCommand.DETECTOR_FILE), "its file under it");
		assertEquals("detector file", module.getInfo().getInput(DetectingCommand.DETECTOR_FILE).getLabel());
		// The shared inputs are the base class's fields, read by SciJava from there.
		for (final String shared : new String[] { "image", "model", "trust", "classes", "output", "overwrite",
			"detector" }) {
			final CommandModuleItem<?> item = (CommandModuleItem<?>) info.getInput(shared);
			assertNotNull(item, shared);
			assertEquals(DetectingCommand.class, item.getField().getDeclaringClass(), shared);
		}
		if (AnalysisCommand.class.isAssignableFrom(type)) for (final String shared : new String[] { "engine",
			"inference_threads", "every", "start", "end", "max_frames", "duration", "smoothing" })
			assertEquals(AnalysisCommand.class, ((CommandModuleItem<?>) info.getInput(shared)).getField()
				.getDeclaringClass(), shared);
		assertEquals(DetectingCommand.class, ((CommandModuleItem<?>) info.getOutput("summary")).getField()
			.getDeclaringClass());
	}

	@Test
	void writesWhatFijisDialogShowsForEachCommand() throws Exception {
		// Fiji's Swing dialog (scijava-ui-swing) is not on Maven Central: the widget models it would show are
		// written out instead, one line an input (label, widget, value, choices), to look at.
		final Path folder = Files.createDirectories(Paths.get("target", "dialog-screenshots"));
		for (final Class<? extends EmotionCommand<?>> type : List.of(TrainEmotionModelCommand.class,
			ClassifyEmotionsCommand.class, GradCamOverlayCommand.class, LiveWebcamCommand.class))
		{
			final Module module = module(type);
			if (type == GradCamOverlayCommand.class) module.setInput("model", ClassifyFixtures.model().toFile());
			final List<String> lines = new ArrayList<>();
			lines.add(((EmotionCommand<?>) module).title() + " (SciJava dialog, as Fiji shows it)");
			for (final ModuleItem<?> item : module.getInfo().inputs()) {
				if (Service.class.isAssignableFrom(item.getType()) || Context.class.isAssignableFrom(item.getType()))
					continue;
				final WidgetModel w = widget(module, item.getName());
				final String kind = w.isMultipleChoice() ? "choice " + Arrays.toString(w.getChoices()) : Button.class
					.isAssignableFrom(item.getType()) ? "button" : w.isBoolean() ? "checkbox" : w.isNumber() ? "number"
						: File.class == item.getType() ? "file (" + item.getWidgetStyle() + ")" : item.getType().isEnum()
							? "choice " + Arrays.toString(item.getType().getEnumConstants()) : item.getType().getSimpleName();
				lines.add(String.format("%-22s %-40s %s", w.getWidgetLabel(), kind, Button.class.isAssignableFrom(item
					.getType()) ? "" : String.valueOf(w.getValue())));
			}
			final Path file = folder.resolve("scijava_" + ((EmotionCommand<?>) module).commandName() + ".txt");
			Files.write(file, lines, StandardCharsets.UTF_8);
			assertTrue(lines.stream().anyMatch(l -> l.startsWith("help ") || l.startsWith("Help ")), lines.toString());
		}
		final List<String> gradcam = Files.readAllLines(folder.resolve("scijava_gradcam.txt"));
		assertTrue(gradcam.stream().anyMatch(l -> l.startsWith("Target ") && l.contains("[predicted, happy, neutral, sad]")),
			String.join("\n", gradcam));
	}

	@ParameterizedTest
	@ValueSource(classes = { ClassifyEmotionsCommand.class, GradCamOverlayCommand.class, LiveWebcamCommand.class,
		TrainEmotionModelCommand.class })
	void sciJavasDefaultValuesAreTheFieldsInitialValues(final Class<? extends EmotionCommand<?>> type) throws Exception {
		// SciJava's DefaultValuePreprocessor replaces a zero by the item's default, else its minimum: margin=0
		// must stay 0 (its minimum is -0.45), every other input its initial value.
		final Module module = module(type);
		final DefaultValuePreprocessor defaults = new DefaultValuePreprocessor();
		context.inject(defaults);
		defaults.process(module);
		final Object fresh = type.getConstructor().newInstance();
		final CommandInfo info = context.service(CommandService.class).getCommand(type);
		int checked = 0;
		for (final ModuleItem<?> item : module.getInfo().inputs()) {
			if (Service.class.isAssignableFrom(item.getType()) || Context.class.isAssignableFrom(item.getType())) continue;
			final Field f = ((CommandModuleItem<?>) info.getInput(item.getName())).getField();
			assertEquals(f.get(fresh), module.getInput(item.getName()), item.getName());
			checked++;
		}
		assertTrue(checked > 15, "inputs checked: " + checked);
		if (DetectingCommand.class.isAssignableFrom(type)) assertEquals(0.0, module.getInput("margin"));
	}

	@ParameterizedTest
	@ValueSource(classes = { ClassifyEmotionsCommand.class, GradCamOverlayCommand.class, LiveWebcamCommand.class })
	void detectorIsAListOfTheBuiltInDetectorsAndFile(final Class<? extends EmotionCommand<?>> type) throws Exception {
		final Module module = module(type);
		final List<String> expected = new ArrayList<>(KeyChoices.DETECTOR);
		expected.add(CommandDialog.FILE_ITEM);
		final WidgetModel detector = widget(module, "detector");
		assertTrue(detector.isMultipleChoice());
		assertArrayEquals(expected.toArray(), detector.getChoices());
		assertEquals(new FaceDetectionSettings().detector, detector.getValue());

		// A path from a macro or an earlier run stays the value (added to the list), not replaced by the first item.
		final String path = "/data/my detectors/face.tflite";
		module.setInput("detector", path);
		assertEquals(path, detector.getValue());
		assertEquals(path, detector.getChoices()[expected.size()]);

		// Choosing a detector file selects "file (below)" (its callback, as the harvester calls it).
		module.setInput(DetectingCommand.DETECTOR_FILE, new File(path));
		module.getInfo().getInput(DetectingCommand.DETECTOR_FILE).callback(module);
		assertEquals(CommandDialog.FILE_ITEM, detector.getValue());
		assertArrayEquals(expected.toArray(), detector.getChoices());

		// ImageJ 1.x's dialog keeps its own list and file field: neither the live list nor detector_file reach it.
		final CommandInputs inputs = CommandInputs.of(context, context.service(CommandService.class).getCommand(type));
		assertTrue(inputs.inputs.stream().noneMatch(in -> in.name.equals(DetectingCommand.DETECTOR_FILE)));
		assertEquals(List.of(), inputs.inputs.stream().filter(in -> in.name.equals("detector")).findFirst().get().choices);
	}

	@ParameterizedTest
	@ValueSource(classes = { ClassifyEmotionsCommand.class, GradCamOverlayCommand.class, LiveWebcamCommand.class,
		TrainEmotionModelCommand.class })
	void theImageJ1BridgesRunLeavesNoFileForSciJavaToAskFor(final Class<? extends EmotionCommand<?>> type) {
		// The bridge sets every key; SciJava's FilePreprocessor opens a file chooser for a single File input
		// left unset that it may fill in (detector_file, weights_file must not be one).
		final Module module = module(type);
		for (final CommandInputs.Input in : CommandInputs.of(context, context.service(CommandService.class).getCommand(
			type)).inputs)
			module.resolveInput(in.name);
		assertEquals(null, context.service(ModuleService.class).getSingleInput(module, File.class));
	}

	@Test
	void trainsWeightsIsAListOfImagenetNoneAndFile() {
		final Module module = module(TrainEmotionModelCommand.class);
		final List<String> expected = new ArrayList<>(KeyChoices.WEIGHTS);
		expected.add(CommandDialog.FILE_ITEM);
		assertArrayEquals(expected.toArray(), widget(module, "weights").getChoices());
		assertEquals("weights file", module.getInfo().getInput("weights_file").getLabel());
	}

	@Test
	void gradCamTargetListsTheClassesOfTheModelChosen(@TempDir final Path dir) throws Exception {
		final Module module = module(GradCamOverlayCommand.class);
		final WidgetModel target = widget(module, "target");
		assertTrue(target.isMultipleChoice());
		assertEquals(KeyChoices.TARGET_PREDICTED, target.getValue());
		// No model: the built-in model's classes.
		assertEquals(targets(BuiltinModel.CLASSES), Arrays.asList(target.getChoices()));

		// A model file chosen: its classes, read here from its metadata.json with gson.
		final Path model = ClassifyFixtures.model();
		final List<String> classes = classNames(model);
		assertEquals(ClassifyFixtures.CLASSES, classes);
		module.setInput("model", model.toFile());
		assertEquals(targets(classes), Arrays.asList(target.getChoices()));
		target.setValue("sad");
		assertEquals("sad", module.getInput("target"));
		assertEquals("sad", target.getValue());

		// A file that is no model: predicted only (and the value the user had).
		module.setInput("model", dir.resolve("missing.zip").toFile());
		assertEquals(List.of(KeyChoices.TARGET_PREDICTED, "sad"), Arrays.asList(target.getChoices()));
		module.setInput("target", KeyChoices.TARGET_PREDICTED);
		assertEquals(List.of(KeyChoices.TARGET_PREDICTED), Arrays.asList(target.getChoices()));

		// A Keras .h5: the classes typed in classes=.
		final Path keras = Files.write(dir.resolve("weights.h5"), new byte[] { 1 });
		module.setInput("model", keras.toFile());
		module.setInput("classes", "calm, angry");
		assertEquals(List.of(KeyChoices.TARGET_PREDICTED, "calm", "angry"), Arrays.asList(target.getChoices()));
	}

	private static List<String> targets(final List<String> classes) {
		final List<String> out = new ArrayList<>();
		out.add(KeyChoices.TARGET_PREDICTED);
		out.addAll(classes);
		return out;
	}

	/** class_names of an archive's metadata.json, parsed with gson (not the plugin's reader). */
	private static List<String> classNames(final Path archive) throws Exception {
		try (ZipFile zip = new ZipFile(archive.toFile()); InputStream in = zip.getInputStream(zip.getEntry(
			ModelArchive.METADATA)))
		{
			final JsonArray names = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
				.getAsJsonObject().getAsJsonArray("class_names");
			final List<String> out = new ArrayList<>();
			for (final JsonElement e : names) out.add(e.getAsString());
			return out;
		}
	}

	@Test
	void theCommandInfoHasNoStaticListForTheLiveOnes() {
		// The lists live on the module (they follow other inputs); the annotations declare none.
		final CommandInfo info = context.service(CommandService.class).getCommand(GradCamOverlayCommand.class);
		for (final String key : new String[] { "detector", "target" }) {
			final List<?> choices = info.getInput(key).getChoices();
			assertTrue(choices == null || choices.isEmpty(), key + ": " + choices);
		}
	}
}
