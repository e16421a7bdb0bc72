package org.emotiontracking.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A model's class names, read from its description only (metadata.json of an archive or its folder),
 * without loading the network: quick enough for a dialog that lists the classes as soon as a model is
 * chosen (Grad-CAM's target).
 */
public final class ModelClassNames {

	private ModelClassNames() {}

	/**
	 * The class names of {@code model} in output order: the built-in model's for no model or "builtin",
	 * an archive's own, and for a Keras .h5 {@code kerasClassNames} (if not empty) or the notebook's
	 * seven.
	 *
	 * @throws IOException naming the file when it is missing or not a model
	 */
	public static List<String> of(final Path model, final List<String> kerasClassNames) throws IOException {
		if (BuiltinModel.isBuiltin(model)) return BuiltinModel.CLASSES;
		if (!Files.exists(model)) throw new IOException("Model not found: " + model);
		final String name = model.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".h5") || name.endsWith(".hdf5") || name.endsWith(".keras"))
			return kerasClassNames == null || kerasClassNames.isEmpty() ? ModelMetadata.NOTEBOOK_CLASSES
				: kerasClassNames;
		final String json;
		if (Files.isDirectory(model)) {
			final Path file = model.resolve(ModelArchive.METADATA);
			if (!Files.isRegularFile(file)) throw new IOException("Model " + model + " has no "
				+ ModelArchive.METADATA);
			json = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
		}
		else try (ZipFile zip = new ZipFile(model.toFile())) {
			final ZipEntry entry = zip.getEntry(ModelArchive.METADATA);
			if (entry == null) throw new IOException("Model " + model + " has no " + ModelArchive.METADATA);
			try (InputStream in = zip.getInputStream(entry)) {
				json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		catch (final ZipException e) {
			throw new IOException("Model " + model + " is not an Emotion Tracking model archive: " + e.getMessage(), e);
		}
		try {
			return ModelMetadata.fromJson(json).class_names;
		}
		catch (final IllegalArgumentException e) {
			throw new IOException("Model " + model + ": " + e.getMessage(), e);
		}
	}
}
