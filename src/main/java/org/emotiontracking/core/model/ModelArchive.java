package org.emotiontracking.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.ZipException;

import org.emotiontracking.core.engine.TensorFlowRuntime;
import org.emotiontracking.core.model.onnx.MobileNetV2Onnx;
import org.emotiontracking.core.util.FileTrees;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;

/**
 * The model file: one zip ({@value #DEFAULT_FILE_NAME} by default) holding a TensorFlow SavedModel
 * (signatures {@value #SERVING} and {@value #GRADCAM}), labels.txt (class names in output order) and
 * metadata.json. An unpacked folder with the same layout opens too.
 */
public final class ModelArchive implements AutoCloseable {

	public static final String DEFAULT_FILE_NAME = "emotion_mobilenet_model.zip";
	public static final String SAVED_MODEL = "saved_model";
	public static final String METADATA = "metadata.json";
	public static final String LABELS = "labels.txt";
	public static final String SERVING = "serving_default";
	public static final String GRADCAM = "gradcam";
	/** The serving network as ONNX ({@link MobileNetV2Onnx}), for ONNX Runtime; optional. */
	public static final String ONNX = "model.onnx";
	/** The int8 ONNX model, present only when it kept validation accuracy within one point of fp32. */
	public static final String ONNX_INT8 = "model_int8.onnx";

	private final Path folder;
	private final ModelMetadata metadata;
	private final boolean temporary;
	private String description;
	/** Where an ONNX export made on open lives when the archive is the user's own folder; deleted on close. */
	private Path onnxFolder;

	private ModelArchive(final Path folder, final ModelMetadata metadata, final boolean temporary) {
		this.folder = folder;
		this.metadata = metadata;
		this.temporary = temporary;
		this.description = folder.toString();
	}

	/** Which model this is, for logs: the built-in model's name or the file it was opened from. */
	public String description() { return description; }

	private ModelArchive describedAs(final String d) {
		description = d;
		return this;
	}

	/** The SavedModel folder, for DJL or TensorFlow. */
	public Path savedModel() { return folder.resolve(SAVED_MODEL); }

	public ModelMetadata metadata() { return metadata; }

	/** The archive's validated int8 ONNX model, or null when it has none. */
	public Path onnxInt8Model() {
		final Path p = folder.resolve(ONNX_INT8);
		return Files.isRegularFile(p) ? p : null;
	}

	/**
	 * The archive's {@value #ONNX}. An archive written before ONNX export (or by a version whose export
	 * failed) gets one now, from the weights in its SavedModel (needs TensorFlow), written beside the
	 * unpacked copy, never into the user's file or folder.
	 *
	 * @throws IOException when the model cannot be written as ONNX (another architecture), saying why
	 */
	public synchronized Path onnxModel() throws IOException {
		final Path inArchive = folder.resolve(ONNX);
		if (Files.isRegularFile(inArchive)) return inArchive;
		if (onnxFolder != null) return onnxFolder.resolve(ONNX);
		if (!MobileNetV2Onnx.exportable(metadata)) throw new IOException("a " + metadata.architecture +
			" model has no ONNX export");
		final byte[] bytes;
		try {
			bytes = MobileNetV2Onnx.export(metadata, readWeights());
		}
		catch (final RuntimeException e) {
			throw new IOException("ONNX export failed: " + e.getMessage(), e);
		}
		final Path target = temporary ? folder : Files.createTempDirectory("emotion-model-onnx");
		writeAtomically(target.resolve(ONNX), bytes);
		if (!temporary) onnxFolder = target;
		return target.resolve(ONNX);
	}

	private static void writeAtomically(final Path file, final byte[] bytes) throws IOException {
		final Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
		Files.write(partial, bytes);
		Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
	}

	/**
	 * Opens a model archive (.zip), an unpacked archive folder, or a Keras .h5 file (converted on the fly;
	 * see {@link KerasModels}).
	 */
	public static ModelArchive open(final Path path) throws IOException {
		return open(path, null);
	}

	/**
	 * As {@link #open(Path)}; {@code kerasClassNames} names the classes of a Keras .h5 model in output
	 * order (null or empty: the notebook's seven). Ignored for archives, which carry their own names.
	 */
	public static ModelArchive open(final Path path, final List<String> kerasClassNames) throws IOException {
		return open(path, kerasClassNames, false);
	}

	/**
	 * As {@link #open(Path, java.util.List)}. No path, an empty one or "builtin" opens the
	 * {@link BuiltinModel}. Before TensorFlow sees an archive's graph, its ops are checked against
	 * {@link GraphOpPolicy} (a SavedModel is code: it could read or write files); an op outside it is
	 * refused naming it and the file, unless {@code trust} (then the log says the check was skipped).
	 */
	public static ModelArchive open(final Path path, final List<String> kerasClassNames, final boolean trust)
		throws IOException
	{
		if (BuiltinModel.isBuiltin(path)) return BuiltinModel.open();
		if (!Files.exists(path)) throw new IOException("Model not found: " + path);
		final String name = path.getFileName().toString().toLowerCase();
		if (Files.isDirectory(path)) {
			final ModelMetadata m = readMetadata(path, path);
			GraphOpPolicy.check(path.resolve(SAVED_MODEL), path, trust);
			return current(new ModelArchive(path, m, false)).describedAs(describe(path, trust));
		}
		if (name.endsWith(".h5") || name.endsWith(".hdf5") || name.endsWith(".keras"))
			return KerasModels.open(path, kerasClassNames == null || kerasClassNames.isEmpty() ? null : kerasClassNames)
				.describedAs(path.toString());
		return openFile(path, describe(path, trust), trust);
	}

	private static String describe(final Path path, final boolean trust) {
		return path + (trust ? " (trust=true: its graph's ops were not checked)" : "");
	}

	/** Opens a .zip archive. */
	static ModelArchive openFile(final Path path, final String description, final boolean trust) throws IOException {
		final Path tmp = Files.createTempDirectory("emotion-model");
		try (InputStream in = Files.newInputStream(path)) {
			FileTrees.unzip(in, tmp);
			final ModelMetadata m = readMetadata(tmp, path);
			GraphOpPolicy.check(tmp.resolve(SAVED_MODEL), path, trust);
			return current(new ModelArchive(tmp, m, true)).describedAs(description);
		}
		catch (final ZipException | IllegalArgumentException e) {
			FileTrees.deleteQuietly(tmp);
			throw new IOException("Model " + path + " is not an Emotion Tracking model archive: " + e.getMessage(), e);
		}
		catch (final IOException | RuntimeException e) {
			FileTrees.deleteQuietly(tmp);
			throw e;
		}
	}

	/**
	 * The archive itself, or for an archive written before {@link ModelMetadata#FORMAT_VERSION} 2 (its
	 * graph reads weight variables, with separate batch-norm ops: about half the speed at batch 1) the same
	 * weights re-exported into a temporary folder with the current serving graph. The file is not changed.
	 */
	private static ModelArchive current(final ModelArchive archive) throws IOException {
		if (archive.metadata.format_version >= 2 || !archive.metadata.isMobileNetV2()) return archive;
		try {
			final Weights weights = archive.readWeights();
			final ModelMetadata upgraded = ModelMetadata.fromJson(archive.metadata.toJson());
			upgraded.format_version = ModelMetadata.FORMAT_VERSION;
			final Path tmp = Files.createTempDirectory("emotion-model");
			try {
				exportFolder(tmp, upgraded, weights);
				return new ModelArchive(tmp, upgraded, true);
			}
			catch (final IOException | RuntimeException e) {
				FileTrees.deleteQuietly(tmp);
				throw e;
			}
		}
		finally {
			archive.close();
		}
	}

	private static ModelMetadata readMetadata(final Path folder, final Path shownAs) throws IOException {
		final Path json = folder.resolve(METADATA);
		if (!Files.isRegularFile(json) || !Files.isRegularFile(folder.resolve(SAVED_MODEL).resolve("saved_model.pb")))
			throw new IOException("Model " + shownAs + " is not an Emotion Tracking model: it needs " + METADATA +
				" and " + SAVED_MODEL
				+ "/saved_model.pb (a .zip written by Train Emotion Model, its unpacked folder, or a Keras .h5)");
		try {
			return ModelMetadata.fromJson(new String(Files.readAllBytes(json), StandardCharsets.UTF_8));
		}
		catch (final IllegalArgumentException e) {
			throw new IOException("Model " + shownAs + ": " + e.getMessage(), e);
		}
	}

	/**
	 * Writes an archive for the given weights: builds the serving graph (batch norms folded, see
	 * {@link EmotionNetwork#forServing}), exports the SavedModel with both signatures and zips
	 * everything. Atomic: written beside {@code file} and moved over it, so a failure never leaves a
	 * broken file in place of a good one.
	 */
	public static void write(final Path file, final ModelMetadata metadata, final Weights weights) throws IOException {
		write(file, metadata, weights, null);
	}

	/** As {@link #write(Path, ModelMetadata, Weights)}, with an int8 ONNX model ({@value #ONNX_INT8}; null: none). */
	public static void write(final Path file, final ModelMetadata metadata, final Weights weights, final byte[] int8)
		throws IOException
	{
		writeZip(file, folder -> {
			exportFolder(folder, metadata, weights);
			if (int8 != null) Files.write(folder.resolve(ONNX_INT8), int8);
		});
	}

	/** Fills an empty folder with an archive's layout. */
	public interface FolderWriter {
		void write(Path folder) throws IOException;
	}

	/**
	 * Zips what {@code contents} writes into a staging folder to {@code file}, atomically: written beside
	 * {@code file} and moved over it, so a failure never leaves a broken file in place of a good one.
	 */
	public static void writeZip(final Path file, final FolderWriter contents) throws IOException {
		final Path parent = file.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		final Path staging = Files.createTempDirectory(parent, ".model-staging");
		final Path partial = parent.resolve("." + file.getFileName() + ".partial");
		try {
			contents.write(staging);
			try (OutputStream out = Files.newOutputStream(partial)) {
				FileTrees.zip(staging, out);
			}
			try {
				Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (final AtomicMoveNotSupportedException e) {
				Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			FileTrees.deleteQuietly(staging);
			Files.deleteIfExists(partial);
		}
	}

	/** Writes metadata.json and labels.txt into an archive folder. */
	public static void writeDescription(final Path folder, final ModelMetadata metadata) throws IOException {
		Files.write(folder.resolve(METADATA), metadata.toJson().getBytes(StandardCharsets.UTF_8));
		Files.write(folder.resolve(LABELS), String.join("\n", metadata.class_names).concat("\n")
			.getBytes(StandardCharsets.UTF_8));
	}

	/** Writes the unpacked archive layout into an empty folder. */
	public static void exportFolder(final Path folder, final ModelMetadata metadata, final Weights weights)
		throws IOException
	{
		TensorFlowRuntime.engine();
		try (EmotionNetwork net = EmotionNetwork.forServing(metadata, weights);
			Session session = new Session(net.graph, TensorFlowRuntime.sessionConfig()))
		{
			final EmotionNetwork.GradCamOutputs gc = net.addGradCam(metadata.gradcam_layer);
			net.variables.assign(session, weights, false, 0);
			final Signature serving = Signature.builder().key(SERVING).input(EmotionNetwork.IMAGE, net.image)
				.output(EmotionNetwork.PROBABILITIES, net.probabilities).build();
			final Signature gradcam = Signature.builder().key(GRADCAM).input(EmotionNetwork.IMAGE, net.image)
				.input(EmotionNetwork.TARGET_CLASS, gc.targetClass).output("activations", gc.activations)
				.output("gradients", gc.gradients).output(EmotionNetwork.PROBABILITIES, net.probabilities).build();
			SavedModelBundle.exporter(folder.resolve(SAVED_MODEL).toString()).withSession(session)
				.withSignatures(serving, gradcam).export();
		}
		if (MobileNetV2Onnx.exportable(metadata)) {
			try {
				Files.write(folder.resolve(ONNX), MobileNetV2Onnx.export(metadata, weights));
			}
			catch (final RuntimeException e) { // the archive still serves through TensorFlow
				Files.deleteIfExists(folder.resolve(ONNX));
			}
		}
		writeDescription(folder, metadata);
	}

	/** Reads the weights back out of the SavedModel (for fine-tuning or re-export). */
	public Weights readWeights() {
		if (!metadata.isMobileNetV2()) throw new IllegalStateException(
			"Only MobileNetV2 archives have Keras weights to " + "read; this one is " + metadata.architecture);
		TensorFlowRuntime.engine();
		try (SavedModelBundle bundle = SavedModelBundle.loader(savedModel().toString()).withTags("serve")
			.withConfigProto(TensorFlowRuntime.sessionConfig()).load())
		{
			try (EmotionNetwork shape = EmotionNetwork.forInference(metadata)) {
				return shape.variables.read(bundle.session());
			}
		}
	}

	/** Wraps a folder this class made (e.g. from a Keras import); deleted on close. */
	static ModelArchive temporary(final Path folder, final ModelMetadata metadata) {
		return new ModelArchive(folder, metadata, true);
	}

	@Override
	public void close() {
		if (temporary) FileTrees.deleteQuietly(folder);
		if (onnxFolder != null) FileTrees.deleteQuietly(onnxFolder);
	}
}
