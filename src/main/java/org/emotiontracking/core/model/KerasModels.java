package org.emotiontracking.core.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.emotiontracking.core.model.keras.KerasModel;
import org.emotiontracking.core.model.keras.KerasModelImporter;
import org.emotiontracking.core.util.FileTrees;

/**
 * Opens a Keras .h5 model from the notebook as a model archive: the weights are imported, the same
 * network is built in TensorFlow with the notebook's preprocessing (x/255) and resizing (nearest, as
 * Keras load_img), and exported to a temporary SavedModel that is deleted on close.
 */
final class KerasModels {

	/** Input size when the file does not record one: the notebook's. */
	static final int NOTEBOOK_SIZE = 224;

	private KerasModels() {}

	static ModelArchive open(final Path h5, final List<String> classNames) throws IOException {
		final KerasModel keras = KerasModelImporter.read(h5);
		final ModelMetadata m = metadataFor(keras, classNames);
		final Path tmp = Files.createTempDirectory("emotion-keras");
		try {
			ModelArchive.exportFolder(tmp, m, keras.weights);
			return ModelArchive.temporary(tmp, m);
		}
		catch (final IOException | RuntimeException e) {
			FileTrees.deleteQuietly(tmp);
			throw e;
		}
	}

	static ModelMetadata metadataFor(final KerasModel keras, final List<String> classNames) throws IOException {
		final ModelMetadata m = new ModelMetadata();
		m.alpha = keras.alpha;
		m.input_size = keras.inputSize != null ? keras.inputSize : NOTEBOOK_SIZE;
		m.preprocessing = Preprocessing.RESCALE_1_255.id;
		m.resize = ResizeMethod.NEAREST.id;
		m.hidden_units = keras.hiddenUnits;
		m.dropout = 0;
		m.source = "imported";
		m.class_names = classNames(keras, classNames);
		m.provenance.put("keras_file", keras.file.toAbsolutePath().toString());
		if (keras.kerasVersion != null) m.provenance.put("keras_version", keras.kerasVersion);
		return m;
	}

	private static List<String> classNames(final KerasModel keras, final List<String> given) throws IOException {
		if (given != null && !given.isEmpty()) {
			if (given.size() != keras.classes) throw new IOException("Model " + keras.file + " has " + keras.classes +
				" classes but " + given.size() + " class names were given: " + given);
			return new ArrayList<>(given);
		}
		if (keras.classes == ModelMetadata.NOTEBOOK_CLASSES.size()) return new ArrayList<>(
			ModelMetadata.NOTEBOOK_CLASSES);
		throw new IOException("Model " + keras.file + " has " + keras.classes +
			" classes; give their names in output order with classes=a,b,c");
	}
}
