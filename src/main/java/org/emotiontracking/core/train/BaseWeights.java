package org.emotiontracking.core.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import org.emotiontracking.core.model.Preprocessing;
import org.emotiontracking.core.model.Weights;
import org.emotiontracking.core.model.keras.ImageNetWeights;
import org.emotiontracking.core.model.keras.KerasFormatException;
import org.emotiontracking.core.model.keras.KerasModel;
import org.emotiontracking.core.model.keras.KerasModelImporter;
import org.emotiontracking.core.util.ProgressListener;

/** Where training starts from: ImageNet, nothing, or a Keras .h5 file (a no-top base or a notebook model). */
final class BaseWeights {

	/** Null for weights=none. */
	final Weights weights;
	final Preprocessing preprocessing;
	final String description;

	private BaseWeights(final Weights weights, final Preprocessing preprocessing, final String description) {
		this.weights = weights;
		this.preprocessing = preprocessing;
		this.description = description;
	}

	boolean none() { return weights == null; }

	static BaseWeights given(final Weights weights) {
		return new BaseWeights(weights, Preprocessing.MOBILENET_V2, "weights given by the caller");
	}

	static BaseWeights resolve(final TrainSettings s, final int classes, final ProgressListener progress)
		throws IOException
	{
		final String w = s.weights == null ? "imagenet" : s.weights.trim();
		if (w.equalsIgnoreCase("none")) return new BaseWeights(null, Preprocessing.MOBILENET_V2,
			"none (trained from scratch)");
		if (w.equalsIgnoreCase("imagenet")) {
			final ImageNetWeights imagenet = new ImageNetWeights(s.models);
			return new BaseWeights(imagenet.load(s.alpha, s.image_size, progress), Preprocessing.MOBILENET_V2,
				"imagenet (" + ImageNetWeights.fileName(s.alpha, s.image_size) + ")");
		}
		final Path file = Paths.get(w);
		if (!Files.isRegularFile(file)) throw new IOException("weights=" + w +
			" is neither imagenet, none, nor an existing Keras .h5 file");
		try {
			final KerasModel model = KerasModelImporter.read(file);
			if (Math.abs(model.alpha - s.alpha) > 1e-9) throw new IOException("weights file " + file + " holds alpha " +
				model.alpha + " but alpha=" + s.alpha + " was asked for");
			final Weights out = new Weights();
			final boolean keepHead = model.classes == classes && model.hiddenUnits == s.hidden_units;
			for (final Map.Entry<String, Weights.Tensor> e : model.weights.asMap().entrySet()) {
				final String k = e.getKey();
				if (!keepHead && (k.startsWith("dense/") || k.startsWith("dense_1/"))) continue;
				out.put(k, e.getValue());
			}
			// The notebook trained its head on x/255 inputs: keep that scaling when continuing from it.
			return new BaseWeights(out, Preprocessing.RESCALE_1_255, "notebook model " + file +
				(keepHead ? " (head kept)" : " (base only)"));
		}
		catch (final KerasFormatException notWholeModel) {
			return new BaseWeights(ImageNetWeights.read(file, s.alpha), Preprocessing.MOBILENET_V2, "base weights "
				+ file);
		}
	}
}
