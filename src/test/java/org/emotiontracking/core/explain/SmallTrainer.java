package org.emotiontracking.core.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.engine.TensorFlowRuntime;
import org.emotiontracking.core.model.EmotionNetwork;
import org.emotiontracking.core.model.ImageBatch;
import org.emotiontracking.core.model.LayerSpec;
import org.emotiontracking.core.model.MobileNetV2Architecture;
import org.emotiontracking.core.model.ModelMetadata;
import org.emotiontracking.core.model.Weights;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Trains a whole small network from scratch for tests: batch norms on batch statistics, Adam on every
 * weight except the moving statistics. Keras's BN momentum (0.999) would leave the moving averages
 * near their initial values after a few hundred steps, so at the end they are set to the statistics
 * of each batch-norm input over a large batch of training images (what the layers normalised with
 * during training).
 */
final class SmallTrainer {

	private SmallTrainer() {}

	static Weights train(final ModelMetadata m, final List<RgbImage> images, final int[] labels, final int epochs,
		final int batch, final float rate, final long seed)
	{
		TensorFlowRuntime.engine();
		final int classes = m.classCount(), s = m.input_size;
		try (EmotionNetwork net = EmotionNetwork.forTraining(m, name -> true, false, seed);
			Session session = new Session(net.graph, TensorFlowRuntime.sessionConfig()))
		{
			final Ops tf = net.tf.withSubScope("small_trainer");
			final Placeholder<TFloat32> y = tf.withName("labels").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1,
				classes)));
			final Operand<TFloat32> loss = tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(net.logits, y).loss(),
				tf.constant(0));
			final List<Variable<TFloat32>> vars = new ArrayList<>();
			for (final String key : net.variables.keys())
				if (!key.endsWith("/moving_mean") && !key.endsWith("/moving_variance")) vars.add(net.variables.variable(key));
			final Output<?>[] xs = new Output<?>[vars.size()];
			for (int i = 0; i < xs.length; i++) xs[i] = vars.get(i).asOutput();
			final Output<?>[] grads = net.graph.addGradients(loss.asOutput(), xs);
			final Placeholder<TFloat32> b1p = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
			final Placeholder<TFloat32> b2p = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
			final List<Op> updates = new ArrayList<>(), resets = new ArrayList<>(), computed = new ArrayList<>();
			for (final Output<?> g : grads) computed.add(tf.identity((Operand<TFloat32>) g)); // all gradients, then updates
			final Ops afterGradients = tf.withControlDependencies(computed);
			for (int i = 0; i < xs.length; i++) {
				final Variable<TFloat32> v = vars.get(i);
				final Variable<TFloat32> m1 = tf.variable(v.shape(), TFloat32.class), m2 = tf.variable(v.shape(), TFloat32.class);
				resets.add(tf.assign(m1, tf.zeros(tf.shape(v), TFloat32.class)));
				resets.add(tf.assign(m2, tf.zeros(tf.shape(v), TFloat32.class)));
				@SuppressWarnings("unchecked")
				final Operand<TFloat32> g = (Operand<TFloat32>) computed.get(i);
				updates.add(afterGradients.train.applyAdam(v, m1, m2, b1p, b2p, tf.constant(rate), tf.constant(0.9f), tf.constant(0.999f),
					tf.constant(1e-7f), g));
			}
			// batch-norm input statistics, for the moving averages at the end
			final List<String> bnLayers = new ArrayList<>();
			final List<Operand<TFloat32>> means = new ArrayList<>(), variances = new ArrayList<>();
			for (final LayerSpec l : MobileNetV2Architecture.base(m.alpha)) {
				if (l.kind != LayerSpec.Kind.BATCH_NORM) continue;
				final Operand<TFloat32> x = net.layers.get(l.inputs.get(0));
				final Operand<TFloat32> mean = tf.math.mean(x, tf.constant(new int[] { 0, 1, 2 }));
				bnLayers.add(l.name);
				means.add(mean);
				variances.add(tf.math.mean(tf.math.square(tf.math.sub(x, mean)), tf.constant(new int[] { 0, 1, 2 })));
			}
			net.variables.assign(session, null, true, seed);
			final Session.Runner init = session.runner();
			for (final Op op : resets) init.addTarget(op);
			init.run();
			final Random r = new Random(seed);
			final int n = images.size();
			int step = 0;
			for (int epoch = 1; epoch <= epochs; epoch++) {
				final int[] order = new int[n];
				for (int i = 0; i < n; i++) order[i] = i;
				for (int i = n - 1; i > 0; i--) {
					final int j = r.nextInt(i + 1), t = order[i];
					order[i] = order[j];
					order[j] = t;
				}
				double sum = 0;
				int batches = 0;
				for (int from = 0; from + batch <= n; from += batch) {
					step++;
					final List<RgbImage> part = new ArrayList<>();
					final float[] oneHot = new float[batch * classes];
					for (int i = 0; i < batch; i++) {
						part.add(images.get(order[from + i]));
						oneHot[i * classes + labels[order[from + i]]] = 1;
					}
					try (TFloat32 x = TFloat32.tensorOf(Shape.of(batch, s, s, 3), DataBuffers.of(ImageBatch.pack(part, s), true,
						false));
						TFloat32 t = TFloat32.tensorOf(Shape.of(batch, classes), DataBuffers.of(oneHot, true, false));
						TFloat32 keep = TFloat32.scalarOf(1f - (float) m.dropout);
						TFloat32 p1 = TFloat32.scalarOf((float) Math.pow(0.9, step));
						TFloat32 p2 = TFloat32.scalarOf((float) Math.pow(0.999, step)))
					{
						final Session.Runner run = session.runner().feed(net.image, x).feed(y, t).feed(net.keepProbability, keep)
							.feed(b1p, p1).feed(b2p, p2).fetch(loss);
						for (final Op op : updates) run.addTarget(op);
						try (Result res = run.run()) {
							sum += ((TFloat32) res.get(0)).getFloat();
						}
					}
					batches++;
				}
				System.out.printf(Locale.ROOT, "epoch %d: loss %.4f%n", epoch, sum / batches);
			}
			final Weights w = net.variables.read(session);
			final int statsBatch = Math.min(n, 128);
			try (TFloat32 x = TFloat32.tensorOf(Shape.of(statsBatch, s, s, 3), DataBuffers.of(ImageBatch.pack(images.subList(0,
				statsBatch), s), true, false)))
			{
				final Session.Runner run = session.runner().feed(net.image, x);
				for (int i = 0; i < bnLayers.size(); i++) run.fetch(means.get(i)).fetch(variances.get(i));
				try (Result res = run.run()) {
					for (int i = 0; i < bnLayers.size(); i++) {
						w.put(bnLayers.get(i), "moving_mean", tensor(res.get(2 * i)));
						w.put(bnLayers.get(i), "moving_variance", tensor(res.get(2 * i + 1)));
					}
				}
			}
			return w;
		}
	}

	private static Weights.Tensor tensor(final org.tensorflow.Tensor t) {
		final float[] v = new float[(int) t.size()];
		((TFloat32) t).read(DataBuffers.of(v, false, false));
		return new Weights.Tensor(new long[] { v.length }, v);
	}
}
