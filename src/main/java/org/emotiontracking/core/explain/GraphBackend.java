package org.emotiontracking.core.explain;

import java.util.Arrays;

import org.emotiontracking.core.engine.TensorFlowRuntime;
import org.emotiontracking.core.model.EmotionNetwork;
import org.emotiontracking.core.model.MobileNetV2Graph;
import org.emotiontracking.core.model.ModelArchive;
import org.emotiontracking.core.model.ModelMetadata;
import org.emotiontracking.core.model.Weights;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Loads the archive's SavedModel with TensorFlow's graph API and adds, to the loaded graph, the
 * gradient of each image's target-class score with respect to {@code "<layer>/output"}. The score is
 * the probability (op {@value EmotionNetwork#PROBABILITIES}, Grad-CAM) or the logit feeding that
 * softmax (Grad-CAM++). Images are independent (batch norm in inference mode), so the gradient of the
 * batch's summed scores holds every image's own gradient.
 * <p>
 * Archives serve a graph whose batch norms are folded into their convolutions
 * ({@link EmotionNetwork#forServing}), so the pre-norm output of most convolutions is not in it. For
 * such a layer the Keras weights are read out of the SavedModel into an unfolded graph
 * ({@link EmotionNetwork#forInference}), where every layer's output exists.
 */
final class GraphBackend implements GradCamBackend {

	private static final String SCOPE = "explain_gradcam";

	private final LoadedGraph loaded;
	private final Output<TFloat32> image;
	private final Placeholder<TInt32> target;
	private final Output<TFloat32> activations;
	private final Output<?> gradients;
	private final Output<TFloat32> probabilities;

	GraphBackend(final ModelArchive archive, final String layer, final boolean logitScore) {
		TensorFlowRuntime.engine();
		loaded = LoadedGraph.withOp(archive, MobileNetV2Graph.outputOp(layer));
		try {
			final Graph g = loaded.graph;
			image = float32(g.output(EmotionNetwork.IMAGE), EmotionNetwork.IMAGE);
			probabilities = float32(g.output(EmotionNetwork.PROBABILITIES), EmotionNetwork.PROBABILITIES);
			activations = float32(g.output(MobileNetV2Graph.outputOp(layer)), layer);
			final Ops tf = Ops.create(g).withSubScope(SCOPE + "_" + layer.replaceAll("[^A-Za-z0-9_]", "_"));
			final GraphOperation softmax = g.operationOrThrow(EmotionNetwork.PROBABILITIES);
			@SuppressWarnings("unchecked")
			final Operand<TFloat32> scores = logitScore ? (Operand<TFloat32>) softmax.input(0) : probabilities;
			final int classes = (int) probabilities.shape().get(1);
			target = tf.withName("target_class").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
			final Operand<TInt32> predicted = tf.math.argMax(probabilities, tf.constant(1), TInt32.class);
			final Operand<TInt32> chosen = tf.select(tf.math.less(target, tf.constant(0)), predicted, target);
			final Operand<TFloat32> oneHot = tf.oneHot(chosen, tf.constant(classes), tf.constant(1f), tf.constant(0f));
			final Operand<TFloat32> score = tf.withName("score").sum(tf.math.mul(scores, oneHot),
				tf.constant(new int[] { 0, 1 }));
			gradients = g.addGradients(tf.scope().makeOpName("gradients"), new Output<?>[] { score.asOutput() },
				new Output<?>[] { activations }, null)[0];
		}
		catch (final RuntimeException e) {
			loaded.close();
			throw e;
		}
	}

	/**
	 * A graph and the session that runs it: the archive's SavedModel, or, when an op is not in it (the
	 * output of a convolution whose batch norm was folded), the unfolded network on the SavedModel's
	 * Keras weights.
	 */
	private static final class LoadedGraph {
		final Graph graph;
		final Session session;
		private final Runnable release;

		private LoadedGraph(final Graph graph, final Session session, final Runnable release) {
			this.graph = graph;
			this.session = session;
			this.release = release;
		}

		static LoadedGraph withOp(final ModelArchive archive, final String op) {
			final SavedModelBundle bundle = SavedModelBundle.loader(archive.savedModel().toString()).withTags(
				SavedModelBundle.DEFAULT_TAG).withConfigProto(TensorFlowRuntime.sessionConfig()).load();
			if (bundle.graph().operation(op) != null) return new LoadedGraph(bundle.graph(), bundle.session(),
				bundle::close);
			bundle.close();
			if (!archive.metadata().isMobileNetV2()) throw new IllegalArgumentException("The model's graph has no op '"
				+ op + "'. Valid layers: " + String.join(", ", archive.metadata().gradcam_layers));
			return unfolded(archive.metadata(), archive.readWeights());
		}

		private static LoadedGraph unfolded(final ModelMetadata metadata, final Weights weights) {
			final EmotionNetwork net = EmotionNetwork.forInference(metadata);
			final Session session;
			try {
				session = new Session(net.graph, TensorFlowRuntime.sessionConfig());
			}
			catch (final RuntimeException e) {
				net.close();
				throw e;
			}
			final LoadedGraph loaded = new LoadedGraph(net.graph, session, () -> {
				session.close();
				net.close();
			});
			try {
				net.variables.assign(session, weights, false, 0);
				return loaded;
			}
			catch (final RuntimeException e) {
				loaded.close();
				throw e;
			}
		}

		void close() {
			release.run();
		}
	}

	@SuppressWarnings("unchecked")
	private static Output<TFloat32> float32(final Output<?> o, final String name) {
		if (o == null) throw new IllegalStateException("The model's graph has no op '" + name + "'");
		if (o.type() != TFloat32.class) throw new IllegalStateException("Op '" + name + "' is not float32");
		return (Output<TFloat32>) o;
	}

	@Override
	public GradCam.Raw run(final float[] batch, final int n, final int size, final int[] targets) {
		try (TFloat32 x = TFloat32.tensorOf(Shape.of(n, size, size, 3), DataBuffers.of(batch, true, false));
			TInt32 t = TInt32.vectorOf(Arrays.copyOf(targets, n));
			Result r = loaded.session.runner().feed(image, x).feed(target, t).fetch(activations).fetch(gradients)
				.fetch(probabilities).run())
		{
			return new GradCam.Raw(read(r.get(0)), read(r.get(1)), read(r.get(2)));
		}
	}

	private static float[] read(final Tensor t) {
		final TFloat32 f = (TFloat32) t;
		final float[] out = new float[(int) f.size()];
		f.read(DataBuffers.of(out, false, false));
		return out;
	}

	@Override
	public void close() {
		loaded.close();
	}
}
