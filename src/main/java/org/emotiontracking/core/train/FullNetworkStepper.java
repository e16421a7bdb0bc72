package org.emotiontracking.core.train;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.engine.TensorFlowRuntime;
import org.emotiontracking.core.model.ClassifierHead;
import org.emotiontracking.core.model.EmotionNetwork;
import org.emotiontracking.core.model.MobileNetV2Architecture;
import org.emotiontracking.core.model.MobileNetV2Graph;
import org.emotiontracking.core.model.ModelMetadata;
import org.emotiontracking.core.model.Weights;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Trains through the base as well: the top N blocks for fine-tuning (their batch norms stay in
 * inference mode, as Keras does for a frozen-then-unfrozen base), or every layer for weights=none
 * (batch norms on batch statistics, moving averages updated each step). Validation runs a separate
 * inference graph holding the current weights.
 */
final class FullNetworkStepper implements TrainingStepper {

	private final ModelMetadata meta;
	private final TrainingBatches batches;
	private final TrainOptions options;
	private final LabelledImages train;
	private final EmotionNetwork net;
	private final Session session;
	private final Placeholder<TFloat32> labels;
	private final Operand<TFloat32> lossPerExample;
	private final AdamOptimizer adam;
	private final int classes;
	private long steps;
	/** Centre the head's input on the batch mean while training (see EmotionNetwork#forTraining). */
	private final boolean centreFeatures;
	/** Mean pooled features of the training images, measured after each epoch; null before. */
	private double[] featureMean;
	/** Batches used to re-estimate batch-norm statistics after each epoch. */
	static final int RECALIBRATION_BATCHES = 24;

	/**
	 * Every layer trains from random weights (weights=none): batch norms use batch statistics and the
	 * head trains on features centred on the batch mean.
	 */
	static FullNetworkStepper fromScratch(final ModelMetadata meta, final TrainingBatches batches) {
		final Predicate<String> allButStatistics = key -> !isStatistic(key);
		final Predicate<String> everyBatchNorm = layer -> true;
		return new FullNetworkStepper(meta, null, allButStatistics, everyBatchNorm, true, batches);
	}

	/**
	 * Fine-tuning from pretrained base weights: the top {@code blocks} blocks and the head train, every
	 * batch norm stays in inference mode.
	 */
	static FullNetworkStepper fineTuning(final ModelMetadata meta, final Weights base, final int blocks,
		final TrainingBatches batches)
	{
		final Set<String> head = new HashSet<>();
		for (final String layer : new String[] { ClassifierHead.HIDDEN, ClassifierHead.OUTPUT })
			for (final String w : new String[] { "kernel", "bias" }) head.add(layer + "/" + w);
		final Predicate<String> noBatchNorm = layer -> false;
		return new FullNetworkStepper(meta, base, topBlocks(blocks, head), noBatchNorm, false, batches);
	}

	/**
	 * @param trainable which weights ("layer/weight" keys) train
	 * @param batchNormTraining which batch-norm layers use batch statistics
	 * @param centreFeatures train the head on features centred on the batch mean (for a base trained
	 *          from scratch); the saved head folds the training images' mean feature into its bias
	 */
	private FullNetworkStepper(final ModelMetadata meta, final Weights initial, final Predicate<String> trainable,
		final Predicate<String> batchNormTraining, final boolean centreFeatures, final TrainingBatches batches)
	{
		this.meta = meta;
		this.centreFeatures = centreFeatures;
		this.batches = batches;
		this.options = batches.options;
		this.train = batches.train;
		this.classes = meta.classCount();
		net = EmotionNetwork.forTraining(meta, batchNormTraining, centreFeatures, options.seed);
		labels = net.tf.withName("labels").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, classes)));
		lossPerExample = Tensors.crossEntropy(net.tf, net.logits, labels);
		final Operand<TFloat32> meanLoss = net.tf.math.mean(lossPerExample, net.tf.constant(0));
		final List<Variable<TFloat32>> vars = new ArrayList<>();
		for (final String key : net.variables.keys())
			if (trainable.test(key)) vars.add(net.variables.variable(key));
		if (vars.isEmpty()) throw new IllegalArgumentException("Nothing to train");
		adam = new AdamOptimizer(net.graph, net.tf, meanLoss, vars, (float) options.learningRate, options.warmupSteps);
		session = new Session(net.graph, TensorFlowRuntime.sessionConfig());
		net.variables.assign(session, initial, true, options.seed);
		adam.initialise(session);
	}

	/** Batch-norm moving statistics: updated by averaging, never by gradients. */
	static boolean isStatistic(final String key) {
		return key.endsWith("/moving_mean") || key.endsWith("/moving_variance");
	}

	/** Keys of the weights of the top {@code blocks} inverted-residual blocks and the last 1x1 conv. */
	static Predicate<String> topBlocks(final int blocks, final Set<String> headKeys) {
		final int first = MobileNetV2Architecture.BLOCK_COUNT - blocks;
		return key -> {
			if (headKeys.contains(key)) return true;
			if (isStatistic(key)) return false;
			if (key.startsWith("Conv_1")) return blocks > 0;
			for (int b = Math.max(first, 0); b < MobileNetV2Architecture.BLOCK_COUNT; b++)
				if (key.startsWith(MobileNetV2Architecture.blockPrefix(b))) return true;
			return false;
		};
	}

	@Override
	public EpochStats trainEpoch(final int epoch, final BatchListener listener) {
		final int[] order = batches.order(epoch);
		final int count = batches.count();
		final EpochStats.Accumulator acc = new EpochStats.Accumulator();
		CompletableFuture<List<RgbImage>> next = batches.trainingImages(order, 0, epoch);
		for (int b = 0; b < count; b++) {
			final int from = b * options.batchSize, to = batches.end(from);
			final List<RgbImage> images = next.join();
			next = b + 1 < count ? batches.trainingImages(order, to, epoch) : null;
			final int n = to - from;
			steps++;
			try (TFloat32 x = Tensors.images(images, meta.input_size);
				TFloat32 y = Tensors.matrix(train.oneHot(order, from, to, classes), n, classes);
				TFloat32 keep = TFloat32.scalarOf((float) (1 - meta.dropout));
				TFloat32 momentum = TFloat32.scalarOf(warmMomentum(steps)))
			{
				final Session.Runner runner = session.runner().feed(net.image, x).feed(labels, y)
					.feed(net.keepProbability, keep).feed(net.batchNormMomentum, momentum).fetch(lossPerExample)
					.fetch(net.probabilities);
				for (final Op update : net.batchNormUpdates) runner.addTarget(update);
				final List<AutoCloseable> extra = adam.addStep(runner);
				try (Result r = runner.run()) {
					acc.add(Tensors.floats(r, 0), Tensors.rows(Tensors.floats(r, 1), n), train.labels(order, from, to),
						n);
				}
				finally {
					Tensors.closeAll(extra);
				}
			}
			if (!listener.batchDone(b + 1, count, acc.stats())) {
				if (next != null) next.join();
				return null;
			}
		}
		recalibrateBatchNorm();
		return acc.stats();
	}

	/**
	 * Momentum of the moving averages at step t: a plain running mean for the first steps (so Keras's
	 * initial mean 0 / variance 1 are forgotten at once), then an exponential average.
	 */
	static float warmMomentum(final long step) {
		return Math.min(MobileNetV2Graph.TRAINING_BN_MOMENTUM, (step - 1f) / step);
	}

	/**
	 * "Precise BN": with the weights fixed, recompute every training-mode batch norm's statistics as the
	 * mean over up to {@value #RECALIBRATION_BATCHES} training batches (unaugmented), so validation and
	 * the saved model see statistics of the final weights rather than a lagging average.
	 */
	private void recalibrateBatchNorm() {
		if (net.batchNormUpdates.isEmpty() && !centreFeatures) return;
		final double[] sum = new double[MobileNetV2Architecture.featureChannels(meta.alpha)];
		int counted = 0;
		final int[] order = Tensors.shuffled(train.size(), options.seed + 7919 * steps);
		final int count = Math.min(RECALIBRATION_BATCHES, batches.count());
		for (int b = 0; b < count; b++) {
			final int from = b * options.batchSize, to = batches.end(from);
			final List<RgbImage> images = batches.images(order, from);
			try (TFloat32 x = Tensors.images(images, meta.input_size); TFloat32 keep = TFloat32.scalarOf(1f);
				TFloat32 momentum = TFloat32.scalarOf(b / (b + 1f)))
			{
				final Session.Runner runner = session.runner().feed(net.image, x).feed(net.keepProbability, keep)
					.feed(net.batchNormMomentum, momentum);
				for (final Op update : net.batchNormUpdates) runner.addTarget(update);
				if (centreFeatures) runner.fetch(net.features);
				try (Result r = runner.run()) {
					if (centreFeatures) {
						final float[] f = Tensors.floats(r, 0);
						for (int i = 0; i < f.length; i++) sum[i % sum.length] += f[i];
						counted += to - from;
					}
				}
			}
		}
		if (centreFeatures && counted > 0) {
			for (int i = 0; i < sum.length; i++) sum[i] /= counted;
			featureMean = sum;
		}
	}

	@Override
	public EpochStats validate() {
		// The graph the saved model will serve (folded batch norms, constant base), on this epoch's weights.
		final Weights weights = snapshot();
		try (EmotionNetwork eval = EmotionNetwork.forServing(meta, weights);
			Session s = new Session(eval.graph, TensorFlowRuntime.sessionConfig()))
		{
			eval.variables.assign(s, weights, false, 0);
			final Operand<TFloat32> evalLabelsLoss;
			final Placeholder<TFloat32> evalLabels = eval.tf.withName("labels").placeholder(TFloat32.class,
				Placeholder.shape(Shape.of(-1, classes)));
			evalLabelsLoss = Tensors.crossEntropy(eval.tf, eval.logits, evalLabels);
			final EpochStats.Accumulator acc = new EpochStats.Accumulator();
			final LabelledImages validation = batches.validation;
			final int[] order = Tensors.identity(validation.size());
			for (int from = 0; from < validation.size(); from += options.batchSize) {
				final int to = Math.min(validation.size(), from + options.batchSize), n = to - from;
				try (TFloat32 x = Tensors.images(validation.images.subList(from, to), meta.input_size);
					TFloat32 y = Tensors.matrix(validation.oneHot(order, from, to, classes), n, classes);
					Result r = s.runner().feed(eval.image, x).feed(evalLabels, y).fetch(evalLabelsLoss)
						.fetch(eval.probabilities).run())
				{
					acc.add(Tensors.floats(r, 0), Tensors.rows(Tensors.floats(r, 1), n),
						validation.labels(order, from, to), n);
				}
			}
			return acc.stats();
		}
	}

	@Override
	public Weights snapshot() {
		final Weights w = net.variables.read(session);
		return centreFeatures && featureMean != null ? ClassifierHead.foldCentring(w, featureMean) : w;
	}

	@Override
	public void close() {
		session.close();
		net.close();
	}
}
