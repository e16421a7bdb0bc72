package org.emotiontracking.core.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.engine.OnnxRuntime;
import org.emotiontracking.core.engine.TensorFlowRuntime;
import org.emotiontracking.core.util.ContextClassLoader;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import ai.onnxruntime.OrtSession;

/**
 * A loaded emotion model, run through DJL's ONNX Runtime engine on the archive's {@value
 * ModelArchive#ONNX} (the default) or its TensorFlow engine on the SavedModel. Give it face images of
 * any size; it resizes them the way the model was trained, batches them and returns class
 * probabilities in {@link #classNames()} order. Safe to call from several threads.
 */
public final class EmotionClassifier implements AutoCloseable {

	public static final int DEFAULT_BATCH = 32;

	private final ModelArchive archive;
	private final PredictorPool predictors;
	private final UnaryOperator<RgbImage> resize;
	private final InferenceEngine engine;
	private final String engineDescription;

	private EmotionClassifier(final ModelArchive archive, final ZooModel<NDList, NDList> model,
		final UnaryOperator<RgbImage> resize, final InferenceEngine engine, final String engineDescription)
	{
		this.archive = archive;
		this.predictors = new PredictorPool(model);
		this.resize = resize;
		this.engine = engine;
		this.engineDescription = engineDescription;
	}

	/** Loads a model archive (.zip or folder) or a Keras .h5 file. */
	public static EmotionClassifier load(final Path path) throws IOException {
		return load(path, null);
	}

	/** As {@link #load(Path)}, naming the classes of a Keras .h5 model (null or empty: the notebook's). */
	public static EmotionClassifier load(final Path path, final List<String> kerasClassNames) throws IOException {
		return load(path, kerasClassNames, InferenceEngine.DEFAULT, 0);
	}

	/**
	 * As {@link #load(Path, List)} on a chosen engine. {@link InferenceEngine#ONNXRUNTIME} runs the
	 * archive's ONNX export (made now for archives without one); a model that has none (another
	 * architecture) or whose export fails runs on TensorFlow instead, and {@link #engineDescription()}
	 * says so and why.
	 *
	 * @param threads intra-op threads of the engine; 0: {@link TensorFlowRuntime#threads()} (all cores
	 *          unless EMOTION_TRACKING_THREADS says less)
	 */
	public static EmotionClassifier load(final Path path, final List<String> kerasClassNames,
		final InferenceEngine engine, final int threads) throws IOException
	{
		return load(path, kerasClassNames, engine, threads, false);
	}

	/**
	 * As {@link #load(Path, List, InferenceEngine, int)}; no path (or "builtin") loads the
	 * {@link BuiltinModel}. {@code trust} skips the check of the archive's graph ops ({@link GraphOpPolicy}).
	 */
	public static EmotionClassifier load(final Path path, final List<String> kerasClassNames, final boolean trust)
		throws IOException
	{
		return load(path, kerasClassNames, InferenceEngine.DEFAULT, 0, trust);
	}

	/** As {@link #load(Path, List, InferenceEngine, int)} and {@link #load(Path, List, boolean)} together. */
	public static EmotionClassifier load(final Path path, final List<String> kerasClassNames,
		final InferenceEngine engine, final int threads, final boolean trust) throws IOException
	{
		final int n = threads > 0 ? threads : TensorFlowRuntime.threads();
		final ModelArchive archive = ModelArchive.open(path, kerasClassNames, trust);
		try {
			final UnaryOperator<RgbImage> resize = InputResizer.forModel(archive.metadata());
			String fallback = null;
			if (engine == InferenceEngine.ONNXRUNTIME) {
				try {
					final Path int8 = archive.onnxInt8Model();
					final Path onnx = int8 != null ? int8 : archive.onnxModel();
					return new EmotionClassifier(archive, loadOnnx(onnx, n), resize, InferenceEngine.ONNXRUNTIME,
						"ONNX Runtime " + onnxRuntimeVersion() + " " + (int8 != null ? "int8" : "fp32") + " (" + n
						+ " threads)");
				}
				catch (final IOException | RuntimeException e) {
					fallback = "ONNX Runtime cannot run this model (" + e.getMessage() + ")";
				}
			}
			return new EmotionClassifier(archive, loadSignature(archive, ModelArchive.SERVING, n), resize,
				InferenceEngine.TENSORFLOW, "TensorFlow 2.10 (" + n + " threads)"
				+ (fallback == null ? "" : "; " + fallback));
		}
		catch (final IOException | RuntimeException e) {
			archive.close();
			throw e;
		}
	}

	/** An ONNX model file through DJL's ONNX Runtime engine, all graph optimizations on. */
	public static ZooModel<NDList, NDList> loadOnnx(final Path onnx, final int threads) throws IOException {
		return loadOnnx(onnx, threads, OnnxRuntime.spinning());
	}

	/** As {@link #loadOnnx(Path, int)}, choosing whether ONNX Runtime's threads busy-wait. */
	public static ZooModel<NDList, NDList> loadOnnx(final Path onnx, final int threads, final boolean spinning)
		throws IOException
	{
		final Map<String, Object> options = OnnxRuntime.sessionOptions(threads, spinning);
		try {
			return ContextClassLoader.of(EmotionClassifier.class, () -> {
				final Model model = Model.newInstance("emotion-onnx", Device.cpu(), OnnxRuntime.ENGINE);
				try {
					model.load(onnx, null, options);
					return new ZooModel<>(model, new NoopTranslator());
				}
				catch (final MalformedModelException | IOException | RuntimeException e) {
					model.close();
					throw new IOException("ONNX Runtime cannot load " + onnx + ": " + e.getMessage(), e);
				}
			});
		}
		finally {
			((OrtSession.SessionOptions) options.get("sessionOptions")).close();
		}
	}

	private static String onnxRuntimeVersion() {
		final Package p = ai.onnxruntime.OrtEnvironment.class.getPackage();
		final String v = p == null ? null : p.getImplementationVersion();
		return v == null ? "" : v;
	}

	private static ZooModel<NDList, NDList> loadModel(final Criteria<NDList, NDList> criteria, final String what)
		throws IOException
	{
		return ContextClassLoader.of(EmotionClassifier.class, () -> {
			try {
				return criteria.loadModel();
			}
			catch (final ModelNotFoundException | MalformedModelException e) {
				throw new IOException(what + ": " + e.getMessage(), e);
			}
		});
	}

	/** The engine that runs this model. */
	public InferenceEngine engine() { return engine; }

	/** The engine, its threads and, when ONNX Runtime was asked for but could not be used, why. */
	public String engineDescription() { return engineDescription; }

	/** Loads one signature of the archive's SavedModel through DJL. */
	public static ZooModel<NDList, NDList> loadSignature(final ModelArchive archive, final String signature)
		throws IOException
	{
		return loadSignature(archive, signature, TensorFlowRuntime.threads());
	}

	/** As {@link #loadSignature(ModelArchive, String)} with that many intra-op threads. */
	public static ZooModel<NDList, NDList> loadSignature(final ModelArchive archive, final String signature,
		final int threads) throws IOException
	{
		TensorFlowRuntime.engine();
		final Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
			.optModelPath(archive.savedModel()).optEngine(TensorFlowRuntime.ENGINE)
			.optOption("SignatureDefKey", signature).optOption("ConfigProto",
			TensorFlowRuntime.sessionConfigOption(threads)).build();
		return loadModel(criteria, "TensorFlow cannot load the model in " + archive.savedModel());
	}

	public ModelMetadata metadata() { return archive.metadata(); }

	public List<String> classNames() { return Collections.unmodifiableList(archive.metadata().class_names); }

	public int inputSize() { return archive.metadata().input_size; }

	/** Which model this is, for logs (see {@link ModelArchive#description()}). */
	public String description() { return archive.description(); }

	/** The opened archive (its SavedModel folder and metadata). */
	public ModelArchive archive() { return archive; }

	/** Brings a face image to the model's input size, as the model was trained. */
	public RgbImage prepare(final RgbImage face) {
		return resize.apply(face);
	}

	/** Class probabilities for each image (any size), in batches of {@value #DEFAULT_BATCH}. */
	public float[][] predict(final List<RgbImage> faces) {
		final List<RgbImage> prepared = new ArrayList<>(faces.size());
		faces.parallelStream().map(resize).forEachOrdered(prepared::add);
		final float[][] out = new float[faces.size()][];
		for (int from = 0; from < prepared.size(); from += DEFAULT_BATCH) {
			final int to = Math.min(prepared.size(), from + DEFAULT_BATCH);
			final float[][] part = predictPrepared(ImageBatch.pack(prepared.subList(from, to), inputSize()), to - from);
			System.arraycopy(part, 0, out, from, part.length);
		}
		return out;
	}

	/** Probabilities for an already packed batch ({@link ImageBatch#pack}) of n images. */
	public float[][] predictPrepared(final float[] batch, final int n) {
		final int s = inputSize();
		final int classes = archive.metadata().classCount();
		try {
			final float[] flat = predictors.run(lease -> lease.predict(lease.floats(batch, n * s * s * 3,
				new Shape(n, s, s, 3))).get(0).toFloatArray());
			final float[][] out = new float[n][classes];
			for (int i = 0; i < n; i++) System.arraycopy(flat, i * classes, out[i], 0, classes);
			return out;
		}
		catch (final TranslateException e) {
			throw new IllegalStateException((engine == InferenceEngine.ONNXRUNTIME ? "ONNX Runtime" : "TensorFlow") +
				" failed to run the model: " + e.getMessage(), e);
		}
	}

	/** Index of the largest probability. */
	public static int argMax(final float[] p) {
		int best = 0;
		for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
		return best;
	}

	@Override
	public void close() {
		predictors.close();
		archive.close();
	}
}
