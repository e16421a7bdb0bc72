package org.emotiontracking.core.explain;

import org.emotiontracking.core.engine.TensorFlowRuntime;
import org.emotiontracking.core.model.EmotionNetwork;
import org.emotiontracking.core.model.MobileNetV2Graph;
import org.emotiontracking.core.model.ModelArchive;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
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
 */
final class GraphBackend implements GradCamBackend {

	private static final String SCOPE = "explain_gradcam";

	private final SavedModelBundle bundle;
	private final Output<TFloat32> image;
	private final Placeholder<TInt32> target;
	private final Output<TFloat32> activations;
	private final Output<?> gradients;
	private final Output<TFloat32> probabilities;

	GraphBackend(final ModelArchive archive, final String layer, final boolean logitScore) {
		TensorFlowRuntime.engine();
		bundle = SavedModelBundle.loader(archive.savedModel().toString()).withTags(SavedModelBundle.DEFAULT_TAG)
			.withConfigProto(TensorFlowRuntime.sessionConfig()).load();
		try {
			final Graph g = bundle.graph();
			image = float32(g.output(EmotionNetwork.IMAGE), EmotionNetwork.IMAGE);
			probabilities = float32(g.output(EmotionNetwork.PROBABILITIES), EmotionNetwork.PROBABILITIES);
			final Output<?> layerOutput = g.output(MobileNetV2Graph.outputOp(layer));
			if (layerOutput == null) throw new IllegalArgumentException("Layer '" + layer + "' is not in the model's graph");
			activations = float32(layerOutput, layer);
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
			bundle.close();
			throw e;
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
			TInt32 t = TInt32.vectorOf(java.util.Arrays.copyOf(targets, n));
			Result r = bundle.session().runner().feed(image, x).feed(target, t).fetch(activations).fetch(gradients)
				.fetch(probabilities).run())
		{
			return new GradCam.Raw(read(r.get(0)), read(r.get(1)), read(r.get(2)));
		}
	}

	private static float[] read(final org.tensorflow.Tensor t) {
		final TFloat32 f = (TFloat32) t;
		final float[] out = new float[(int) f.size()];
		f.read(DataBuffers.of(out, false, false));
		return out;
	}

	@Override
	public void close() {
		bundle.close();
	}
}
