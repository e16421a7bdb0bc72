package org.emotiontracking.core.model;

import java.io.IOException;
import java.nio.file.Path;

/** Opens Keras .h5 models as archives (filled in by the Keras import). */
final class KerasModels {

	private KerasModels() {}

	static ModelArchive open(final Path h5) throws IOException {
		throw new IOException("Keras .h5 import is not available in this build: " + h5);
	}
}
