package org.emotiontracking.core.model.tfjs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.emotiontracking.core.engine.TensorFlowRuntime;
import org.emotiontracking.core.model.EmotionNetwork;
import org.emotiontracking.core.model.ModelArchive;
import org.emotiontracking.core.model.ModelMetadata;
import org.emotiontracking.core.model.Preprocessing;
import org.emotiontracking.core.model.ResizeMethod;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Converts a TensorFlow.js graph model (an image in, class probabilities out) into the project's model
 * archive: a SavedModel with the {@value ModelArchive#SERVING} and {@value ModelArchive#GRADCAM}
 * signatures (Grad-CAM on the last convolution unless told otherwise), labels.txt and metadata.json
 * (architecture, preprocessing, source, licence, the Grad-CAM layers). The weights become constants.
 */
public final class TfjsConverter {

	/** How to describe and run the converted model. */
	public static final class Options {
		/** Class names in the model's output order (required). */
		public List<String> classNames = new ArrayList<>();
		/** Null: grayscale x/255 for one-channel inputs, x/255 for RGB. */
		public Preprocessing preprocessing;
		public ResizeMethod resize = ResizeMethod.AREA;
		/** For inputs whose size the model does not fix. */
		public int inputSize;
		public String architecture = "TF.js graph model";
		public String licence;
		/** Null or empty: the last convolution. */
		public String gradcamLayer;
		public final Map<String, Object> provenance = new LinkedHashMap<>();
	}

	private TfjsConverter() {}

	/** Reads {@code modelJson} (and its weight files), converts it and writes the archive to {@code zip}. */
	public static ModelMetadata convert(final Path modelJson, final Path zip,
		final Options options) throws IOException {
		final TfjsGraphModel model = TfjsGraphModel.read(modelJson);
		final ModelMetadata[] out = new ModelMetadata[1];
		ModelArchive.writeZip(zip, folder -> out[0] = export(model, folder, options));
		return out[0];
	}

	/** Builds, checks and exports the converted model into an empty archive folder. */
	public static ModelMetadata export(final TfjsGraphModel model, final Path folder,
		final Options o) throws IOException {
		if (o.classNames == null || o.classNames.size() < 2) throw new IOException("Converting " + model.file +
			" needs the class names in output order (classes=a,b,c)");
		TensorFlowRuntime.engine();
		try (Graph g = new Graph()) {
			final Preprocessing p = o.preprocessing != null ? o.preprocessing : defaultPreprocessing(model);
			final TfjsGraphBuilder.Built net = TfjsGraphBuilder.build(model, g, p, o.inputSize);
			if (net.classes != o.classNames.size()) throw new IOException("The output of " + model.file + " has " +
				net.classes + " classes but " + o.classNames.size() + " class names were given: " + o.classNames);
			if (net.layers.isEmpty()) throw new IOException(model.file
				+ " has no layer with a spatial output for Grad-CAM");
			final String layer;
			if (o.gradcamLayer != null && !o.gradcamLayer.trim().isEmpty()) layer = o.gradcamLayer.trim();
			else if (net.lastConvolution != null) layer = net.lastConvolution;
			else layer = last(net.layers.keySet());
			if (!net.layers.containsKey(layer)) throw new IllegalArgumentException("Unknown layer '" + layer +
				"'. Valid layers: " + String.join(", ", net.layers.keySet()));
			final EmotionNetwork.GradCamOutputs gc = EmotionNetwork.gradCam(g, Ops.create(g), net.probabilities,
				net.layers.get(layer), net.classes);
			try (Session session = new Session(g, TensorFlowRuntime.sessionConfig())) {
				checkProbabilities(model, session, net);
				final Signature serving = Signature.builder().key(ModelArchive.SERVING)
					.input(EmotionNetwork.IMAGE, net.image).output(EmotionNetwork.PROBABILITIES, net.probabilities)
					.build();
				final Signature gradcam = Signature.builder().key(ModelArchive.GRADCAM)
					.input(EmotionNetwork.IMAGE, net.image).input(EmotionNetwork.TARGET_CLASS, gc.targetClass)
					.output("activations", gc.activations).output("gradients", gc.gradients)
					.output(EmotionNetwork.PROBABILITIES, net.probabilities).build();
				SavedModelBundle.exporter(folder.resolve(ModelArchive.SAVED_MODEL).toString()).withSession(session)
					.withSignatures(serving, gradcam).export();
			}
			final ModelMetadata m = new ModelMetadata();
			m.architecture = o.architecture;
			m.input_size = net.inputSize;
			m.preprocessing = p.id;
			m.resize = o.resize.id;
			m.class_names = new ArrayList<>(o.classNames);
			m.hidden_units = 0;
			m.dropout = 0;
			m.gradcam_layer = layer;
			m.gradcam_layers = new ArrayList<>(net.layers.keySet());
			m.source = "converted";
			m.licence = o.licence;
			m.provenance.put("tfjs_model", model.file.getFileName().toString());
			if (model.generatedBy != null) m.provenance.put("generated_by", model.generatedBy);
			if (model.convertedBy != null) m.provenance.put("converted_by", model.convertedBy);
			m.provenance.putAll(o.provenance);
			m.validate();
			ModelArchive.writeDescription(folder, m);
			return m;
		}
	}

	static Preprocessing defaultPreprocessing(final TfjsGraphModel model) {
		for (final TfjsGraphModel.Node n : model.nodes) if (n.op.equals("Placeholder")) {
			final long[] s = n.shape();
			if (s != null && s.length == 4 && s[3] == 1) return Preprocessing.GRAYSCALE_RESCALE_1_255;
		}
		return Preprocessing.RESCALE_1_255;
	}

	private static String last(final Iterable<String> names) {
		String last = null;
		for (final String n : names) last = n;
		return last;
	}

	/** Runs two noise images: every output row must be finite, non-negative and sum to 1. */
	private static void checkProbabilities(final TfjsGraphModel model, final Session session,
		final TfjsGraphBuilder.Built net) throws IOException
	{
		final int s = net.inputSize;
		final float[] x = new float[2 * s * s * 3];
		final Random r = new Random(1);
		for (int i = 0; i < x.length; i++) x[i] = r.nextInt(256);
		final float[] p = new float[2 * net.classes];
		try (TFloat32 in = TFloat32.tensorOf(Shape.of(2, s, s, 3), DataBuffers.of(x, true, false));
			Result res = session.runner().feed(net.image, in).fetch(net.probabilities).run())
		{
			((TFloat32) res.get(0)).read(DataBuffers.of(p, false, false));
		}
		catch (final RuntimeException e) {
			throw new IOException("TensorFlow cannot run the converted " + model.file + ": " + e.getMessage(), e);
		}
		for (int i = 0; i < 2; i++) {
			double sum = 0;
			for (int c = 0; c < net.classes; c++) {
				final float v = p[i * net.classes + c];
				if (!(v >= 0 && v <= 1)) throw new IOException("The output of " + model.file
					+ " is not a probability vector: " + "value " + v);
				sum += v;
			}
			if (Math.abs(sum - 1) > 1e-3) throw new IOException(String.format(Locale.ROOT,
				"The output of %s is not a probability vector: it sums to %.4f", model.file, sum));
		}
	}
}
