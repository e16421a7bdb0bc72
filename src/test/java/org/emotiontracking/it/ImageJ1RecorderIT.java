package org.emotiontracking.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.io.Opener;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.emotiontracking.core.classify.ClassificationReports;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.data.SyntheticFaces;
import org.emotiontracking.core.live.LiveOutputs;
import org.emotiontracking.core.live.LiveTestVideos;
import org.emotiontracking.core.model.BuiltinModel;
import org.emotiontracking.core.model.TestModels;
import org.emotiontracking.core.report.Csv;
import org.emotiontracking.core.util.KeyChoices;
import org.emotiontracking.core.util.ProgressListener;
import org.emotiontracking.imagej.CommandDialog;
import org.emotiontracking.imagej.MacroOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four commands as a user runs them in plain ImageJ 1.x with the macro recorder open (issue 16,
 * parts 6 and 7), in one ImageJ session under Xvfb ({@link InteractiveImageJ}): each command is
 * started from its menu entry (plugins.config of the packaged plugin), its dialog is shown, described,
 * photographed (PNGs in {@code target/dialog-screenshots/}, with its Help window) and filled by label,
 * and OK is pressed. Then:
 * <ul>
 * <li>the recorder holds exactly one {@code run("<command>", "...")} line per command, with the keys
 * as they were filled;</li>
 * <li>that text, replayed as a batch-mode macro (after the interactive outputs were moved aside), gives
 * the same outputs: the same rows (timestamps aside) and the same images;</li>
 * <li>the dialogs have folder and file choosers on the path keys, choice lists with the core's items
 * ({@link KeyChoices}) and, for Grad-CAM, the chosen model's classes as targets, and a Help button
 * showing the command's README section.</li>
 * </ul>
 * Small data (a random-weights alpha 0.35 model at 96 px, a 48 px training set, an 8-frame video)
 * keeps it within a minute or two. Needs {@code mvn package} first.
 */
class ImageJ1RecorderIT {

	private static final List<String> CLASSES = Arrays.asList("happy", "neutral", "sad");
	private static final Path MESSI = Paths.get("/usr/share/doc/opencv-doc/examples/data/messi5.jpg");
	private static final Path SCREENSHOTS = PackagedJar.TARGET.resolve("dialog-screenshots");
	private static final String TRAIN = "Train Emotion Model", CLASSIFY = "Classify Emotions", GRADCAM = "Grad-CAM Overlay",
		LIVE = "Live Webcam";

	@TempDir
	static Path dir;
	static Path data, model, photos, video, cascade, trainOut, classifyOut, gradcamOut, liveOut;
	static String sessionOutput;
	static Map<String, Map<String, String>> dialogs = new LinkedHashMap<>(), filled = new LinkedHashMap<>();
	static Map<String, String> help = new LinkedHashMap<>();

	@BeforeAll
	static void runTheSession() throws Exception {
		final Path ij = PackagedJar.TARGET.resolve("lib/ij-1.54p.jar");
		assertTrue(Files.isRegularFile(ij), "Run `mvn package` first: no " + ij);
		assertTrue(Files.isRegularFile(PackagedJar.TARGET.resolve("imagej/plugins/Emotion_Tracking.jar")));
		assertTrue(ImageJ1MacroIT.xvfbAvailable(), "xvfb-run is needed (Debian package xvfb; .ci/run installs it)");
		assertTrue(Files.isRegularFile(MESSI), "Debian package opencv-doc is needed for " + MESSI);

		final Path work = Files.createDirectories(dir.resolve("my work")); // spaces: values in [brackets]
		data = work.resolve("faces");
		new SyntheticFaces(48, 1).writeDataset(data, 4, false, ProgressListener.SILENT);
		model = work.resolve("tiny model.zip");
		TestModels.randomArchive(model, TestModels.metadata(0.35, 96, CLASSES.toArray(new String[0])), 5);
		photos = Files.createDirectories(work.resolve("photos"));
		Files.copy(MESSI, photos.resolve("messi.jpg"));
		Files.copy(MESSI, photos.resolve("messi copy.jpg"));
		final RgbImage face = LiveTestVideos.messiFace();
		video = LiveTestVideos.writeAvi(work.resolve("one face.avi"), LiveTestVideos.frames(8, Collections.singletonList(
			face), Collections.singletonList(LiveTestVideos.moving(face, 20, 60, 10))), 15);
		cascade = work.resolve("my cascade.xml");
		try (InputStream in = BuiltinModel.class.getResourceAsStream(
			"/org/emotiontracking/core/detect/haarcascade_frontalface_default.xml"))
		{
			Files.copy(in, cascade);
		}
		trainOut = work.resolve("train out");
		classifyOut = work.resolve("classify out");
		gradcamOut = work.resolve("gradcam out");
		liveOut = work.resolve("live out");

		Files.createDirectories(SCREENSHOTS);
		try (Stream<Path> old = Files.list(SCREENSHOTS)) {
			for (final Path p : old.collect(Collectors.toList())) Files.delete(p);
		}
		final List<String> script = new ArrayList<>(Arrays.asList("out " + SCREENSHOTS.toAbsolutePath(),
			"command " + TRAIN, "set dataset " + data, "set output " + trainOut, "set weights none", "set epochs 1",
			"set image_size 48", "set alpha 0.35", "set batch_size 8", "set gradcam false",
			"command " + CLASSIFY, "set model " + model, "set input " + photos, "set output " + classifyOut,
			"command " + GRADCAM, "set model " + model, "set target sad", "set input " + photos, "set output " + gradcamOut,
			"set method gradcam++", "set detector " + CommandDialog.FILE_ITEM, "set detector_file " + cascade,
			"command " + LIVE, "set model " + model, "set source " + video, "set output " + liveOut, "set detect_width 0"));
		for (final Path p : Arrays.asList(trainOut, classifyOut, gradcamOut, liveOut))
			script.add("rename " + p + "\t" + interactive(p));
		final Path scriptFile = dir.resolve("session.txt");
		Files.write(scriptFile, script, StandardCharsets.UTF_8);

		final List<String> cmd = new ArrayList<>(PackagedJar.withoutNetwork());
		cmd.addAll(Arrays.asList("xvfb-run", "-a", "-s", "-screen 0 1600x1200x24"));
		cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
		cmd.addAll(Arrays.asList("-cp", ij.toAbsolutePath() + java.io.File.pathSeparator + Paths.get(
			InteractiveImageJ.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
			"-Dplugins.dir=" + PackagedJar.TARGET.resolve("imagej").toAbsolutePath(),
			"-DEMOTION_TRACKING_CACHE=" + dir.resolve("cache"), "-Duser.home=" + dir.resolve("home"), "-Xmx2g",
			"-DsocksProxyHost=127.0.0.1", "-DsocksProxyPort=9", InteractiveImageJ.class.getName(), scriptFile.toString()));
		final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("session.log")
			.toFile()).start();
		if (!p.waitFor(480, java.util.concurrent.TimeUnit.SECONDS)) { // the session's own watchdog ends it first
			p.descendants().forEach(ProcessHandle::destroyForcibly);
			p.destroyForcibly();
		}
		sessionOutput = new String(Files.readAllBytes(dir.resolve("session.log")), StandardCharsets.UTF_8);
		final Path report = SCREENSHOTS.resolve("dialogs.txt");
		assertTrue(Files.isRegularFile(report), sessionOutput);
		String dialog = null;
		for (final String line : Files.readAllLines(report, StandardCharsets.UTF_8)) {
			if (line.startsWith("dialog ")) dialog = line.substring(7);
			else if (line.startsWith("field ") || line.startsWith("filled ")) {
				final String[] f = line.split(" ", 3);
				(line.startsWith("field ") ? dialogs : filled).computeIfAbsent(dialog, k -> new LinkedHashMap<>()).put(f[1],
					f[2]);
			}
			else if (line.startsWith("help ")) help.put(dialog, line.substring(5));
		}
		assertTrue(sessionOutput.contains("interactive session done: 0"), sessionOutput + "\n" + String.join("\n",
			Files.readAllLines(report)));
	}

	private static Path interactive(final Path p) {
		return p.resolveSibling(p.getFileName() + " interactive");
	}

	/** The recorded run(...) lines: command to its options. */
	private static Map<String, Map<String, String>> recorded(final String text) {
		final Map<String, Map<String, String>> out = new LinkedHashMap<>();
		final Matcher m = Pattern.compile("^run\\(\"([^\"]+)\", \"(.*)\"\\);$").matcher("");
		for (final String line : text.split("\\R")) {
			if (line.trim().isEmpty()) continue;
			assertTrue(m.reset(line).matches(), "a run(\"...\", \"...\") line: " + line);
			assertFalse(out.containsKey(m.group(1)), "one line per command:\n" + text);
			out.put(m.group(1), MacroOptions.parse(m.group(2).replace("\\\\", "\\")));
		}
		return out;
	}

	@Test
	void recordsOneRunLinePerCommandWithTheFilledKeys() throws Exception {
		final String text = new String(Files.readAllBytes(SCREENSHOTS.resolve("recorded.ijm")), StandardCharsets.UTF_8);
		final Map<String, Map<String, String>> lines = recorded(text);
		assertEquals(Arrays.asList(TRAIN, CLASSIFY, GRADCAM, LIVE), new ArrayList<>(lines.keySet()), text);
		assertEquals(4, text.trim().split("\\R").length, "nothing else recorded:\n" + text);

		final Map<String, String> train = lines.get(TRAIN);
		assertEquals(data.toString(), train.get("dataset"));
		assertTrue(text.contains("dataset=[" + data + "]"), "a path with spaces in brackets:\n" + text);
		assertEquals(trainOut.toString(), train.get("output"));
		assertEquals("none", train.get("weights"));
		assertEquals("1", train.get("epochs"));
		assertEquals("0.35", train.get("alpha"));
		assertEquals("false", train.get("gradcam"));
		assertEquals("0", train.get("warmup_epochs"), "every key, defaults included");
		assertEquals("true", train.get("augment"));

		final Map<String, String> classify = lines.get(CLASSIFY);
		assertEquals(model.toString(), classify.get("model"));
		assertEquals(photos.toString(), classify.get("input"));
		assertEquals("detect", classify.get("faces"));
		assertEquals("blazeface", classify.get("detector"));

		final Map<String, String> gradcam = lines.get(GRADCAM);
		assertEquals("sad", gradcam.get("target"), "a class of the chosen model");
		assertEquals("gradcam++", gradcam.get("method"));
		assertEquals(cascade.toString(), gradcam.get("detector"), "the detector file given under the list");

		final Map<String, String> live = lines.get(LIVE);
		assertEquals(video.toString(), live.get("source"));
		assertEquals(liveOut.toString(), live.get("output"));
		assertEquals("0", live.get("detect_width"));

		assertEquals(text, new String(Files.readAllBytes(SCREENSHOTS.resolve("recorded-after-replay.ijm")),
			StandardCharsets.UTF_8), "the replay (a macro) records nothing");
	}

	@Test
	void theRecordedLinesReplayedInBatchModeGiveTheSameResults() throws Exception {
		final String log = new String(Files.readAllBytes(SCREENSHOTS.resolve("log.txt")), StandardCharsets.UTF_8);
		assertFalse(log.contains(" failed: "), log);
		assertTrue(log.contains("replaying the recorded macro in batch mode"), log);
		for (final Path p : Arrays.asList(trainOut, classifyOut, gradcamOut, liveOut)) {
			assertTrue(Files.isDirectory(interactive(p)), "interactive run wrote " + interactive(p) + "\n" + log);
			assertEquals(files(interactive(p)), files(p), "the same output files in " + p);
		}
		// Train: the same predictions for every image, the same confusion matrix and metrics, the same epoch.
		sameRows(trainOut, "mobilenet_emotion_logs.csv", "timestamp");
		sameRows(trainOut, "training_history.csv", "seconds");
		sameRows(trainOut, "confusion_matrix.csv");
		sameRows(trainOut, "metrics.csv");
		// Classify: the same rows and summary.
		assertEquals(3, sameRows(classifyOut, ClassificationReports.LOG, "timestamp"), "two photos, one face each");
		sameRows(classifyOut, ClassificationReports.SUMMARY);
		// Grad-CAM: the same blends and heatmaps.
		for (final String f : files(gradcamOut)) samePixels(gradcamOut, f);
		// Live: the same timeline (timestamps aside) and face summary.
		assertTrue(sameRows(liveOut, LiveOutputs.TIMELINE_CSV, "timestamp") > 1);
		sameRows(liveOut, "face_summary.csv");
	}

	@Test
	void dialogsHaveChoosersChoiceListsAndHelp() throws Exception {
		final Map<String, String> train = dialogs.get(TRAIN), classify = dialogs.get(CLASSIFY), gradcam = dialogs.get(
			GRADCAM), live = dialogs.get(LIVE);
		assertNotNull(train, dialogs.toString());
		for (final String key : Arrays.asList("dataset", "output", "validation_dataset", "models"))
			assertTrue(train.get(key).startsWith("text") && train.get(key).endsWith("button:Browse"), key + ": " + train);
		assertEquals(choice(KeyChoices.WEIGHTS, CommandDialog.FILE_ITEM) + " imagenet", train.get("weights"));
		assertTrue(train.get("weights_file").startsWith("text disabled"), train.get("weights_file"));
		assertEquals(choice(KeyChoices.ALPHA) + " 1.0", train.get("alpha"));
		assertEquals(choice(KeyChoices.MONITOR) + " val_loss", train.get("monitor"));
		assertTrue(train.get("augment").equals("checkbox true"), train.toString());

		for (final Map<String, String> d : Arrays.asList(classify, gradcam, live)) {
			assertEquals(choice(KeyChoices.DETECTOR, CommandDialog.FILE_ITEM) + " blazeface", d.get("detector"), d.toString());
			assertTrue(d.get("detector_file").endsWith("button:Browse"), d.toString());
			assertEquals(choice(KeyChoices.TILES) + " auto", d.get("tiles"));
			assertEquals("text enabled [" + BuiltinModel.KEY + "] button:Browse button:Folder", d.get("model"),
				"the built-in model until another is chosen (an archive or its folder)");
			assertTrue(d.get("output").endsWith("button:Browse"), d.toString());
		}
		for (final Map<String, String> d : Arrays.asList(classify, gradcam)) {
			assertEquals("text enabled [] button:Browse button:Folder", d.get("input"), "an image or a folder");
			assertEquals(choice(KeyChoices.FACES) + " detect", d.get("faces"));
		}
		assertEquals(choice(KeyChoices.ENGINE) + " onnxruntime", classify.get("engine"));
		assertEquals(choice(KeyChoices.ENGINE) + " onnxruntime", live.get("engine"));
		assertEquals("text enabled [] button:Browse", live.get("source"));
		assertEquals(choice(KeyChoices.METHOD) + " gradcam", gradcam.get("method"));
		// target: the built-in model's classes first, the chosen model's once it is chosen
		assertEquals(choice(KeyChoices.targets(BuiltinModel.CLASSES)) + " predicted", gradcam.get("target"));
		assertEquals(choice(KeyChoices.targets(CLASSES)) + " sad", filled.get(GRADCAM).get("target"));
		assertTrue(filled.get(GRADCAM).get("detector_file").startsWith("text enabled [" + cascade + "]"), filled.get(GRADCAM)
			.toString());
		assertFalse(gradcam.get("alpha").startsWith("choice"), "Grad-CAM's alpha is the heatmap's weight, a number");

		// Help: the command's README section (and the detection keys for the three that find faces).
		assertTrue(help.get(TRAIN).startsWith("train (Train Emotion Model)"), help.get(TRAIN));
		assertTrue(help.get(CLASSIFY).startsWith("classify (Classify Emotions)"), help.get(CLASSIFY));
		assertTrue(help.get(GRADCAM).startsWith("gradcam (Grad-CAM Overlay)"), help.get(GRADCAM));
		assertTrue(help.get(LIVE).startsWith("live (Live Webcam)"), help.get(LIVE));
		for (final String c : Arrays.asList(CLASSIFY, GRADCAM, LIVE))
			assertTrue(help.get(c).contains("Face detection (Classify, Grad-CAM, Live)"), help.get(c));
		assertFalse(help.get(TRAIN).contains("Face detection (Classify"), help.get(TRAIN));
		assertTrue(help.get(TRAIN).contains("Keys"), "then the keys with their descriptions");

		for (final String stem : Arrays.asList("train_emotion_model", "classify_emotions", "grad_cam_overlay", "live_webcam"))
			for (final String suffix : Arrays.asList(".png", "_help.png", "_filled.png")) {
				final BufferedImage png = ImageIO.read(SCREENSHOTS.resolve(stem + suffix).toFile());
				assertNotNull(png, stem + suffix);
				assertTrue(png.getWidth() > 200 && png.getHeight() > 200, stem + suffix);
				final double text = darkFraction(png);
				assertTrue(text > 0.002 && text < 0.4, "a dialog with text, not a blank capture: " + stem + suffix + " " + text);
			}
	}

	private static String choice(final List<String> items, final String... more) {
		final List<String> all = new ArrayList<>(items);
		all.addAll(Arrays.asList(more));
		return "choice [" + String.join("|", all) + "]";
	}

	/** The fraction of dark (text-like) pixels. */
	private static double darkFraction(final BufferedImage img) {
		long dark = 0;
		for (int y = 0; y < img.getHeight(); y++)
			for (int x = 0; x < img.getWidth(); x++) {
				final int rgb = img.getRGB(x, y);
				if ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff) < 300) dark++;
			}
		return (double) dark / img.getWidth() / img.getHeight();
	}

	private static List<String> files(final Path root) throws Exception {
		try (Stream<Path> s = Files.walk(root)) {
			return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().collect(Collectors
				.toList());
		}
	}

	/** Both runs' CSV rows are the same but for the named columns; returns the row count (header included). */
	private static int sameRows(final Path out, final String file, final String... ignored) throws Exception {
		final List<List<String>> a = csv(interactive(out).resolve(file)), b = csv(out.resolve(file));
		assertEquals(a.get(0), b.get(0), file);
		final List<Integer> skip = new ArrayList<>();
		for (final String c : ignored) {
			assertTrue(a.get(0).contains(c), c + " in " + a.get(0));
			skip.add(a.get(0).indexOf(c));
		}
		assertEquals(a.size(), b.size(), file);
		for (int i = 1; i < a.size(); i++)
			for (int j = 0; j < a.get(i).size(); j++)
				if (!skip.contains(j)) assertEquals(a.get(i).get(j), b.get(i).get(j), file + " row " + i + " column " + a
					.get(0).get(j));
		return a.size();
	}

	private static List<List<String>> csv(final Path p) throws Exception {
		return Csv.parse(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
	}

	private static void samePixels(final Path out, final String file) {
		final ImagePlus a = new Opener().openImage(interactive(out).resolve(file).toString()), b = new Opener().openImage(out
			.resolve(file).toString());
		assertNotNull(a, file);
		assertNotNull(b, file);
		assertEquals(a.getWidth(), b.getWidth(), file);
		assertEquals(a.getHeight(), b.getHeight(), file);
		for (int y = 0; y < a.getHeight(); y++)
			for (int x = 0; x < a.getWidth(); x++)
				if (a.getBitDepth() == 24) assertEquals(a.getProcessor().getPixel(x, y), b.getProcessor().getPixel(x, y), file +
					" at " + x + "," + y);
				else assertEquals(a.getProcessor().getPixelValue(x, y), b.getProcessor().getPixelValue(x, y), 0f, file + " at " +
					x + "," + y);
	}
}
