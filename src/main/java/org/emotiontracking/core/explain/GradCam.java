package org.emotiontracking.core.explain;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.emotiontracking.core.data.Resize;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.detect.FaceBox;
import org.emotiontracking.core.detect.FaceCrop;
import org.emotiontracking.core.engine.TensorFlowRuntime;
import org.emotiontracking.core.model.EmotionClassifier;
import org.emotiontracking.core.model.EmotionNetwork;
import org.emotiontracking.core.model.ImageBatch;
import org.emotiontracking.core.model.InputResizer;
import org.emotiontracking.core.model.MobileNetV2Architecture;
import org.emotiontracking.core.model.MobileNetV2Graph;
import org.emotiontracking.core.model.ModelArchive;
import org.emotiontracking.core.model.ModelMetadata;
import org.emotiontracking.core.report.PngFiles;
import org.tensorflow.Output;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.ndarray.Shape;

/**
 * Grad-CAM and Grad-CAM++ for an emotion model (a trained archive or a Keras .h5 file).
 * <p>
 * For the model's own Grad-CAM layer ({@code metadata.gradcam_layer}, "Conv_1" by default) and the
 * notebook's method, the archive's {@value ModelArchive#GRADCAM} signature runs through DJL. For any
 * other base layer, and for Grad-CAM++ (which needs the gradient of the logit, not of the
 * probability), the SavedModel is loaded with TensorFlow's graph API and the gradient of the target
 * class score with respect to {@code "<layer>/output"} is added to the loaded graph.
 * <p>
 * Faces of any size are resized to the model's input the way the model was trained. Safe to call
 * from several threads.
 */
public final class GradCam implements AutoCloseable {

	/** The target that means "the class the model predicts". */
	public static final String PREDICTED = "predicted";

	/** Keep activations + gradients of one batch under about this many floats. */
	private static final long MAX_BATCH_FLOATS = 16L << 20;
	private static final int MAX_BATCH = 32;

	private final ModelArchive archive;
	private final boolean ownsArchive;
	private final String layer;
	private final GradCamMethod method;
	private final GradCamBackend backend;
	private final UnaryOperator<RgbImage> resize;
	private final int gridHeight, gridWidth, channels;
	private final int batch;
	private final GridGeometry geometry;

	private GradCam(final ModelArchive archive, final boolean ownsArchive, final String layer,
		final GradCamMethod method, final boolean forceGraph) throws IOException
	{
		this.archive = archive;
		this.ownsArchive = ownsArchive;
		this.method = method;
		final ModelMetadata m = archive.metadata();
		this.layer = layer != null && !layer.trim().isEmpty() ? layer.trim() : defaultLayer(m, method);
		final long[] shape = layerShape(archive, this.layer);
		gridHeight = (int) shape[1];
		gridWidth = (int) shape[2];
		channels = (int) shape[3];
		batch = (int) Math.max(1, Math.min(MAX_BATCH, MAX_BATCH_FLOATS / (2L * gridHeight * gridWidth * channels)));
		resize = InputResizer.forModel(m);
		geometry = m.isMobileNetV2() ? GridGeometry.of(m, this.layer) : GridGeometry.centred(m.input_size, gridWidth);
		if (geometry.cells() != gridWidth || gridWidth != gridHeight) throw new IllegalStateException("Layer "
			+ this.layer + " has a " + gridWidth + "x" + gridHeight + " grid; its geometry says " + geometry.cells());
		final boolean signature = !forceGraph && method == GradCamMethod.GRADCAM && this.layer.equals(m.gradcam_layer);
		backend = signature ? new SignatureBackend(archive) : new GraphBackend(archive, this.layer,
			method == GradCamMethod.GRADCAM_PLUS_PLUS);
	}

	/**
	 * The model's Grad-CAM layer for Grad-CAM; for Grad-CAM++ the ReLU after it (out_relu for Conv_1),
	 * because Grad-CAM++'s weights assume activations that are never negative: on Conv_1, whose
	 * outputs are signed, its denominator {@code 2 + g * sum(A)} comes near zero for some channels and
	 * their weights explode (in our localisation test Grad-CAM++ on Conv_1 pointed at the evidence for
	 * 9 of 40 images of one trained model, on out_relu for 36).
	 */
	static String defaultLayer(final ModelMetadata m, final GradCamMethod method) {
		return method == GradCamMethod.GRADCAM_PLUS_PLUS && m.isMobileNetV2()
			? MobileNetV2Architecture.nonNegativeLayer(m.alpha, m.gradcam_layer) : m.gradcam_layer;
	}

	/** The notebook's Grad-CAM on the model's default layer. */
	public static GradCam load(final Path model) throws IOException {
		return load(model, null, null, GradCamMethod.GRADCAM);
	}

	/**
	 * Opens a model archive (.zip or folder) or a Keras .h5 file.
	 *
	 * @param kerasClasses class names of a Keras .h5 model in output order (null or empty: the notebook's seven)
	 * @param layer a base layer name (e.g. "out_relu", "block_13_expand_relu"); null or empty: the
	 *          model's Grad-CAM layer ({@link #defaultLayer})
	 * @throws IllegalArgumentException for an unknown layer, naming the valid ones
	 */
	public static GradCam load(final Path model, final List<String> kerasClasses, final String layer,
		final GradCamMethod method) throws IOException
	{
		return load(model, kerasClasses, layer, method, false);
	}

	/**
	 * As {@link #load(Path, List, String, GradCamMethod)}; no model (or "builtin") is the built-in
	 * model, {@code trust} skips the check of the archive's graph ops.
	 */
	public static GradCam load(final Path model, final List<String> kerasClasses, final String layer,
		final GradCamMethod method, final boolean trust) throws IOException
	{
		final ModelArchive archive = ModelArchive.open(model, kerasClasses, trust);
		try {
			return new GradCam(archive, true, layer, method, false);
		}
		catch (final IOException | RuntimeException e) {
			archive.close();
			throw e;
		}
	}

	/** As {@link #load(Path, List, String, GradCamMethod)} on an archive the caller keeps open and closes. */
	public static GradCam open(final ModelArchive archive, final String layer, final GradCamMethod method)
		throws IOException
	{
		return new GradCam(archive, false, layer, method, false);
	}

	/** For tests: always through the graph API, even where the signature would serve. */
	static GradCam openWithGraph(final ModelArchive archive, final String layer, final GradCamMethod method)
		throws IOException
	{
		return new GradCam(archive, false, layer, method, true);
	}

	/** The base layers Grad-CAM can use, in network order. */
	public static List<String> layerNames(final ModelMetadata m) {
		if (!m.isMobileNetV2()) return Collections.unmodifiableList(new ArrayList<>(m.gradcam_layers));
		TensorFlowRuntime.engine();
		try (EmotionNetwork net = EmotionNetwork.forInference(m)) {
			return Collections.unmodifiableList(new ArrayList<>(net.layers.keySet()));
		}
	}

	/** [N, rows, cols, channels] of a layer's output; unknown layers fail listing the valid ones. */
	static long[] layerShape(final ModelArchive archive, final String layer) {
		final ModelMetadata m = archive.metadata();
		if (!m.isMobileNetV2()) return convertedLayerShape(archive, layer);
		TensorFlowRuntime.engine();
		try (EmotionNetwork net = EmotionNetwork.forInference(m)) {
			if (!net.layers.containsKey(layer)) throw new IllegalArgumentException("Unknown layer '" + layer +
				"'. Valid layers: " + String.join(", ", net.layers.keySet()));
			final Shape s = net.layers.get(layer).shape();
			if (s.numDimensions() != 4) throw new IllegalArgumentException("Layer " + layer + " has no spatial output: "
				+ s);
			return s.asArray();
		}
	}

	/**
	 * A layer of an archive of another architecture (e.g. the built-in model): one of the metadata's
	 * {@code gradcam_layers}, its shape read from the SavedModel's op {@code "<layer>/output"}.
	 */
	private static long[] convertedLayerShape(final ModelArchive archive, final String layer) {
		final ModelMetadata m = archive.metadata();
		if (!m.gradcam_layers.contains(layer)) throw new IllegalArgumentException("Unknown layer '" + layer +
			"'. Valid layers: " + String.join(", ", m.gradcam_layers));
		TensorFlowRuntime.engine();
		try (SavedModelBundle b = SavedModelBundle.loader(archive.savedModel().toString())
			.withTags(SavedModelBundle.DEFAULT_TAG).withConfigProto(TensorFlowRuntime.sessionConfig()).load())
		{
			final Output<?> o = b.graph().output(MobileNetV2Graph.outputOp(layer));
			if (o == null) throw new IllegalArgumentException("Layer " + layer + " is not in the model's graph");
			final Shape s = o.shape();
			if (s.numDimensions() != 4) throw new IllegalArgumentException("Layer " + layer + " has no spatial output: "
				+ s);
			return s.asArray();
		}
	}

	public ModelMetadata metadata() { return archive.metadata(); }

	/** Which model this explains, for logs. */
	public String description() { return archive.description(); }

	public List<String> classNames() { return Collections.unmodifiableList(archive.metadata().class_names); }

	public String layer() { return layer; }

	public GradCamMethod method() { return method; }

	/** Where the layer's grid cells sit on the model input. */
	public GridGeometry geometry() { return geometry; }

	/** Rows and columns of the layer grid the maps live on. */
	public int gridWidth() { return gridWidth; }

	public int gridHeight() { return gridHeight; }

	/**
	 * The class index for a target: "predicted" (or null/empty) gives -1, a class name (ignoring case)
	 * its index. Anything else fails listing the valid choices.
	 */
	public int targetIndex(final String target) {
		return targetIndex(classNames(), target);
	}

	static int targetIndex(final List<String> classes, final String target) {
		final String t = target == null ? "" : target.trim();
		if (t.isEmpty() || t.equalsIgnoreCase(PREDICTED)) return -1;
		for (int i = 0; i < classes.size(); i++) if (classes.get(i).equals(t)) return i;
		for (int i = 0; i < classes.size(); i++) if (classes.get(i).equalsIgnoreCase(t)) return i;
		throw new IllegalArgumentException("Unknown target '" + target + "'. Valid targets: " + PREDICTED + ", " +
			String.join(", ", classes));
	}

	/** Explains one face for a class index (negative: the predicted class). */
	public Explanation explain(final RgbImage face, final int target) {
		return explain(Collections.singletonList(face), target).get(0);
	}

	/** Explains every face for the same class index (negative: each face's predicted class). */
	public List<Explanation> explain(final List<RgbImage> faces, final int target) {
		final int[] targets = new int[faces.size()];
		Arrays.fill(targets, target);
		return explain(faces, targets);
	}

	/** Explains each face for its own class index (negative: its predicted class). */
	public List<Explanation> explain(final List<RgbImage> faces, final int[] targets) {
		if (targets.length != faces.size()) throw new IllegalArgumentException(faces.size() + " faces but " +
			targets.length + " targets");
		final List<String> classes = archive.metadata().class_names;
		for (final int t : targets) if (t >= classes.size()) throw new IllegalArgumentException("Target class " + t +
			" does not exist; the model has " + classes.size() + " classes: " + String.join(", ", classes));
		final List<Explanation> out = new ArrayList<>(faces.size());
		for (int from = 0; from < faces.size(); from += batch) {
			final int to = Math.min(faces.size(), from + batch);
			final Raw raw = compute(faces.subList(from, to), Arrays.copyOfRange(targets, from, to));
			for (int i = 0; i < to - from; i++) {
				final int offset = i * gridHeight * gridWidth * channels;
				final float[] map = method == GradCamMethod.GRADCAM
					? GradCamMaps.gradCam(raw.activations, raw.gradients, offset, gridHeight, gridWidth, channels)
					: GradCamMaps.gradCamPlusPlus(raw.activations, raw.gradients, offset, gridHeight, gridWidth,
					channels);
				final float[] p = Arrays.copyOfRange(raw.probabilities, i * classes.size(), (i + 1) * classes.size());
				final int cls = targets[from + i] >= 0 ? targets[from + i] : EmotionClassifier.argMax(p);
				out.add(new Explanation(cls, classes.get(cls), p, new Heatmap(gridWidth, gridHeight, map), geometry));
			}
		}
		return out;
	}

	/** Activations, gradients and probabilities for up to one batch of faces (any size). */
	Raw compute(final List<RgbImage> faces, final int[] targets) {
		final int s = archive.metadata().input_size;
		final List<RgbImage> prepared = new ArrayList<>(faces.size());
		faces.parallelStream().map(resize).forEachOrdered(prepared::add);
		final Raw raw = backend.run(ImageBatch.pack(prepared, s), faces.size(), s, targets);
		final long expected = (long) faces.size() * gridHeight * gridWidth * channels;
		if (raw.activations.length != expected || raw.gradients.length != expected ||
			raw.probabilities.length != faces.size() * archive.metadata().classCount())
			throw new IllegalStateException(String.format(Locale.ROOT,
				"Grad-CAM outputs have unexpected sizes (%d activations, %d gradients, %d probabilities for %d faces)",
				raw.activations.length, raw.gradients.length, raw.probabilities.length, faces.size()));
		return raw;
	}

	/** Explains the given regions of an image (each cropped, resized and explained). */
	public ImageExplanation explainImage(final RgbImage image, final List<FaceBox> regions, final int target) {
		final List<RgbImage> crops = new ArrayList<>(regions.size());
		for (final FaceBox b : regions) crops.add(Resize.crop(image, b.x(), b.y(), b.width(),
			b.height()));
		final List<Explanation> e = explain(crops, target);
		final List<FaceExplanation> faces = new ArrayList<>(regions.size());
		for (int i = 0; i < regions.size(); i++) faces.add(new FaceExplanation(regions.get(i), e.get(i)));
		return new ImageExplanation(image.width(), image.height(), faces);
	}

	/**
	 * Explains face crops of {@code image} ({@link org.emotiontracking.core.detect.FaceCropper}): each
	 * crop's map goes back onto the image through the crop's rotation, if any.
	 */
	public ImageExplanation explainCrops(final RgbImage image, final List<FaceCrop> crops,
		final int target)
	{
		final List<RgbImage> pixels = new ArrayList<>(crops.size());
		for (final FaceCrop c : crops) pixels.add(c.image());
		final List<Explanation> e = explain(pixels, target);
		final List<FaceExplanation> faces = new ArrayList<>(crops.size());
		for (int i = 0; i < crops.size(); i++) faces.add(new FaceExplanation(crops.get(i), e.get(i)));
		return new ImageExplanation(image.width(), image.height(), faces);
	}

	/**
	 * The trainer's "Grad-CAM overlay for the first image of each class": explains the whole image
	 * (a face crop) for {@code target} (negative: the predicted class) and writes the blend with the
	 * class and probability to {@code png} (atomically; an existing file only with overwrite).
	 *
	 * @return the explanation drawn
	 */
	public Explanation writeOverlay(final RgbImage face, final int target, final Path png, final boolean overwrite)
		throws IOException
	{
		final ImageExplanation e = explainImage(face, Collections.singletonList(new FaceBox(0, 0, face.width(),
			face.height(), 1)), target);
		PngFiles.write(e.overlay(face, Heatmaps.DEFAULT_ALPHA), png, overwrite);
		return e.faces().get(0).explanation();
	}

	/** As {@link #writeOverlay(RgbImage, int, Path, boolean)} with a class name or "predicted". */
	public Explanation writeOverlay(final RgbImage face, final String target, final Path png, final boolean overwrite)
		throws IOException
	{
		return writeOverlay(face, targetIndex(target), png, overwrite);
	}

	@Override
	public void close() {
		try {
			backend.close();
		}
		finally {
			if (ownsArchive) archive.close();
		}
	}

	/** What one backend run returns, NHWC and [N, classes], flat. */
	static final class Raw {
		final float[] activations;
		final float[] gradients;
		final float[] probabilities;

		Raw(final float[] activations, final float[] gradients, final float[] probabilities) {
			this.activations = activations;
			this.gradients = gradients;
			this.probabilities = probabilities;
		}
	}
}
