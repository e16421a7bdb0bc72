package org.emotiontracking.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.engine.TensorFlowRuntime;
import org.emotiontracking.core.model.ClassifierHead;
import org.emotiontracking.core.model.EmotionNetwork;
import org.emotiontracking.core.model.MobileNetV2Architecture;
import org.emotiontracking.core.model.ModelMetadata;
import org.emotiontracking.core.model.WeightVariables;
import org.emotiontracking.core.model.Weights;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Transfer learning with a frozen base, as the notebook did, without its waste: base features are
 * computed once per input. Without augmentation every image's pooled features are cached and the head
 * trains on them alone; with augmentation each epoch costs exactly one base forward pass per training
 * image (the next batch is augmented on other threads while TensorFlow runs the current one).
 * Validation features are always computed once.
 */
final class FrozenBaseStepper implements TrainingStepper {

	private final ModelMetadata meta;
	private final Weights baseWeights;
	private final TrainingBatches batches;
	private final TrainOptions options;
	private final int channels, classes;

	private final EmotionNetwork extractor;
	private final Session extractorSession;
	private final Graph headGraph;
	private final Session headSession;
	private final WeightVariables headVars;
	private final Placeholder<TFloat32> features, labels, keep;
	private final Operand<TFloat32> lossPerExample, meanLoss, probabilities;
	private final AdamOptimizer adam;
	private float[][] trainFeatures, validationFeatures;

	/** Transfer learning: the pretrained base stays frozen, only the classifier head trains. */
	static FrozenBaseStepper frozenBase(final ModelMetadata meta, final Weights baseWeights,
		final TrainingBatches batches)
	{
		return new FrozenBaseStepper(meta, baseWeights, batches);
	}

	private FrozenBaseStepper(final ModelMetadata meta, final Weights baseWeights, final TrainingBatches batches) {
		this.meta = meta;
		this.baseWeights = baseWeights;
		this.batches = batches;
		this.options = batches.options;
		this.channels = MobileNetV2Architecture.featureChannels(meta.alpha);
		this.classes = meta.classCount();
		// Pooled features come from the frozen base's constants alone: its variables (the stored Keras
		// weights and the unused head) need no values.
		extractor = EmotionNetwork.forServing(meta, baseWeights);
		extractorSession = new Session(extractor.graph, TensorFlowRuntime.sessionConfig());

		headGraph = new Graph();
		final Ops tf = Ops.create(headGraph);
		headVars = new WeightVariables(tf);
		features = tf.withName("features").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, channels)));
		labels = tf.withName("labels").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, classes)));
		keep = tf.withName("keep_probability").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
		final Operand<TFloat32> logits = ClassifierHead.logits(tf, features, channels, meta.hidden_units, classes,
			headVars, keep, options.seed);
		lossPerExample = Tensors.crossEntropy(tf, logits, labels);
		meanLoss = tf.math.mean(lossPerExample, tf.constant(0));
		probabilities = tf.nn.softmax(logits);
		final List<Variable<TFloat32>> trainable = new ArrayList<>();
		for (final String key : headVars.keys()) trainable.add(headVars.variable(key));
		adam = new AdamOptimizer(headGraph, tf, meanLoss, trainable, (float) options.learningRate, options.warmupSteps);
		headSession = new Session(headGraph, TensorFlowRuntime.sessionConfig());
		headVars.assign(headSession, baseWeights, true, options.seed);
		adam.initialise(headSession);
	}

	/** Pooled base features of the images, in batches. */
	float[][] features(final List<RgbImage> images) {
		final float[][] out = new float[images.size()][];
		for (int from = 0; from < images.size(); from += options.batchSize) {
			final int to = Math.min(images.size(), from + options.batchSize);
			final float[][] part = extract(images.subList(from, to));
			System.arraycopy(part, 0, out, from, part.length);
		}
		return out;
	}

	private float[][] extract(final List<RgbImage> batch) {
		try (TFloat32 x = Tensors.images(batch, meta.input_size);
			Result r = extractorSession.runner().feed(extractor.image, x).fetch(extractor.features).run())
		{
			return Tensors.rows(Tensors.floats(r, 0), batch.size());
		}
	}

	@Override
	public EpochStats trainEpoch(final int epoch, final BatchListener listener) {
		final boolean augment = batches.augmented();
		final LabelledImages train = batches.train;
		if (!augment && trainFeatures == null) trainFeatures = features(train.images);
		final int[] order = batches.order(epoch);
		final int count = batches.count();
		final EpochStats.Accumulator acc = new EpochStats.Accumulator();
		CompletableFuture<List<RgbImage>> next = augment ? batches.trainingImages(order, 0, epoch) : null;
		for (int b = 0; b < count; b++) {
			final int from = b * options.batchSize, to = batches.end(from);
			final float[][] batchFeatures;
			if (augment) {
				final List<RgbImage> images = next.join();
				next = b + 1 < count ? batches.trainingImages(order, to, epoch) : null;
				batchFeatures = extract(images);
			}
			else {
				batchFeatures = new float[to - from][];
				for (int i = from; i < to; i++) batchFeatures[i - from] = trainFeatures[order[i]];
			}
			step(batchFeatures, train.oneHot(order, from, to, classes), train.labels(order, from, to), acc);
			if (!listener.batchDone(b + 1, count, acc.stats())) {
				if (next != null) next.join();
				return null;
			}
		}
		return acc.stats();
	}

	private void step(final float[][] batchFeatures, final float[] oneHot, final int[] batchLabels,
		final EpochStats.Accumulator acc)
	{
		final int n = batchFeatures.length;
		final float[] flat = new float[n * channels];
		for (int i = 0; i < n; i++) System.arraycopy(batchFeatures[i], 0, flat, i * channels, channels);
		try (TFloat32 f = Tensors.matrix(flat, n, channels); TFloat32 y = Tensors.matrix(oneHot, n, classes);
			TFloat32 k = TFloat32.scalarOf((float) (1 - meta.dropout)))
		{
			final Session.Runner runner = headSession.runner().feed(features, f).feed(labels, y).feed(keep, k)
				.fetch(lossPerExample).fetch(probabilities);
			final List<AutoCloseable> extra = adam.addStep(runner);
			try (Result r = runner.run()) {
				acc.add(Tensors.floats(r, 0), Tensors.rows(Tensors.floats(r, 1), n), batchLabels, n);
			}
			finally {
				Tensors.closeAll(extra);
			}
		}
	}

	@Override
	public EpochStats validate() {
		final LabelledImages validation = batches.validation;
		if (validationFeatures == null) validationFeatures = features(validation.images);
		final EpochStats.Accumulator acc = new EpochStats.Accumulator();
		final int[] order = Tensors.identity(validation.size());
		for (int from = 0; from < validation.size(); from += 256) {
			final int to = Math.min(validation.size(), from + 256), n = to - from;
			final float[] flat = new float[n * channels];
			for (int i = 0; i < n; i++) System.arraycopy(validationFeatures[from + i], 0, flat, i * channels, channels);
			try (TFloat32 f = Tensors.matrix(flat, n, channels);
				TFloat32 y = Tensors.matrix(validation.oneHot(order, from, to, classes), n, classes);
				TFloat32 k = TFloat32.scalarOf(1f);
				Result r = headSession.runner().feed(features, f).feed(labels, y).feed(keep, k).fetch(lossPerExample)
					.fetch(probabilities).run())
			{
				acc.add(Tensors.floats(r, 0), Tensors.rows(Tensors.floats(r, 1), n), validation.labels(order, from, to),
					n);
			}
		}
		return acc.stats();
	}

	@Override
	public Weights snapshot() {
		final Weights all = new Weights();
		all.putAll(baseWeights);
		all.putAll(headVars.read(headSession));
		return all;
	}

	@Override
	public void close() {
		headSession.close();
		headGraph.close();
		extractorSession.close();
		extractor.close();
	}
}
