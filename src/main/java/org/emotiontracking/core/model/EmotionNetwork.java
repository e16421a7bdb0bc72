package org.emotiontracking.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The whole emotion classifier as one TensorFlow graph: 0..255 RGB images -> preprocessing (from the
 * metadata) -> MobileNetV2 base -> global average pooling -> dense head -> softmax. Owns its graph.
 */
public final class EmotionNetwork implements AutoCloseable {

	public static final String IMAGE = "image";
	public static final String PROBABILITIES = "probabilities";
	public static final String TARGET_CLASS = "target_class";

	public final ModelMetadata metadata;
	public final Graph graph;
	public final Ops tf;
	public final WeightVariables variables;
	public final Placeholder<TFloat32> image;
	/** Every base layer's output by Keras name. */
	public final Map<String, Operand<TFloat32>> layers;
	public final Operand<TFloat32> features;
	public final Operand<TFloat32> logits;
	public final Operand<TFloat32> probabilities;
	/** Dropout keep probability (fed 1 - dropout while training, 1 otherwise); null for inference graphs. */
	public final Placeholder<TFloat32> keepProbability;
	/** Moving-average updates of batch-norm layers that train. */
	public final List<Op> batchNormUpdates;
	/** Scalar momentum of those moving averages, fed with each training step; null for inference graphs. */
	public final Placeholder<TFloat32> batchNormMomentum;

	private EmotionNetwork(final ModelMetadata metadata, final boolean training,
		final Predicate<String> trainingBatchNorm, final Weights frozen, final boolean centreFeatures, final long seed)
	{
		metadata.validate();
		this.metadata = metadata;
		this.graph = new Graph();
		this.tf = Ops.create(graph);
		this.variables = new WeightVariables(tf);
		final int s = metadata.input_size;
		image = tf.withName(IMAGE).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, s, s, 3)));
		final Preprocessing p = metadata.preprocessing();
		final Operand<TFloat32> x = tf.withName("preprocess").math.add(tf.math.mul(image, tf.constant(p.scale)),
			tf.constant(p.offset));
		final List<Op> updates = new ArrayList<>();
		batchNormMomentum = training ? tf.withName("bn_momentum").placeholder(TFloat32.class,
			Placeholder.shape(Shape.scalar())) : null;
		final List<LayerSpec> base = MobileNetV2Architecture.base(metadata.alpha);
		layers = Collections.unmodifiableMap(frozen != null ? MobileNetV2Graph.buildFrozen(tf, x, base, variables,
			frozen, foldedExceptAfter(base, metadata.gradcam_layer)) : MobileNetV2Graph.build(tf, x, base, variables,
			trainingBatchNorm, batchNormMomentum, updates));
		batchNormUpdates = Collections.unmodifiableList(updates);
		features = tf.withName("global_average_pooling2d").math.mean(layers.get(MobileNetV2Architecture.OUTPUT_LAYER),
			tf.constant(new int[] { 1, 2 }));
		keepProbability = training ? tf.withName("keep_probability").placeholder(TFloat32.class,
			Placeholder.shape(Shape.scalar())) : null;
		final Operand<TFloat32> headInput = centreFeatures ? tf.withName("centred_features").math.sub(features, tf.math
			.mean(features, tf.constant(0), Mean.keepDims(true))) : features;
		logits = ClassifierHead.logits(tf, headInput, MobileNetV2Architecture.featureChannels(metadata.alpha),
			metadata.hidden_units, metadata.classCount(), variables, keepProbability, seed);
		probabilities = tf.withName(PROBABILITIES).nn.softmax(logits);
	}

	/**
	 * A graph for inference on weight variables: every batch-norm layer in inference mode, no dropout,
	 * every Keras layer's output in {@link #layers}.
	 */
	public static EmotionNetwork forInference(final ModelMetadata metadata) {
		return new EmotionNetwork(metadata, false, name -> false, null, false, 0);
	}

	/**
	 * The fast inference graph that model archives serve, for fixed weights: the base's weights are
	 * constants and every batch norm is folded into the convolution before it
	 * ({@link MobileNetV2Graph#buildFrozen}), except the one after the model's Grad-CAM layer, whose
	 * output stays exact for the {@value ModelArchive#GRADCAM} signature. It computes what
	 * {@link #forInference} computes, up to float rounding; the pre-norm outputs of folded convolutions
	 * are not in {@link #layers}. Its variables (the Keras weights, stored with a SavedModel, and the
	 * head's, which it reads) still need {@link WeightVariables#assign}.
	 *
	 * @param weights at least every weight of the base
	 */
	public static EmotionNetwork forServing(final ModelMetadata metadata, final Weights weights) {
		return new EmotionNetwork(metadata, false, name -> false, weights, false, 0);
	}

	/** Every batch norm except the one right after {@code layer} (when that is a convolution). */
	private static Predicate<String> foldedExceptAfter(final List<LayerSpec> base, final String layer) {
		for (int i = 0; i < base.size(); i++) {
			final LayerSpec bn = base.get(i).name.equals(layer) ? BatchNormFolding.batchNormAfter(base, i) : null;
			if (bn != null) return name -> !name.equals(bn.name);
		}
		return name -> true;
	}

	/**
	 * A graph for training: dropout on, the given batch-norm layers on batch statistics, and the
	 * head's input centred on the batch's mean features when {@code centreFeatures}. For a base trained from scratch
	 * the pooled
	 * features are all positive and nearly the same for every image, so Adam's first steps move every
	 * image's hidden pre-activations the same way and can switch off all of the head's ReLUs for good
	 * (the loss then stays at ln(classes)). Centring removes that common part. It is the same function
	 * class: {@code (f - mu) W + b = f W + (b - mu W)}, so a trained model is saved as the plain head with
	 * that bias (see {@link ClassifierHead#foldCentring}).
	 */
	public static EmotionNetwork forTraining(final ModelMetadata metadata, final Predicate<String> trainingBatchNorm,
		final boolean centreFeatures, final long seed)
	{
		return new EmotionNetwork(metadata, true, trainingBatchNorm, null, centreFeatures, seed);
	}

	/** What Grad-CAM needs for one layer, computed in this graph from real gradients. */
	public static final class GradCamOutputs {
		/** Class per image; a negative value means the predicted class. */
		public final Placeholder<TInt32> targetClass;
		public final Operand<TFloat32> activations;
		public final Operand<TFloat32> gradients;

		GradCamOutputs(final Placeholder<TInt32> targetClass, final Operand<TFloat32> activations,
			final Operand<TFloat32> gradients)
		{
			this.targetClass = targetClass;
			this.activations = activations;
			this.gradients = gradients;
		}
	}

	/**
	 * Adds the gradient of each image's target-class probability with respect to a layer's output.
	 * Images are independent (batch norm in inference mode), so one gradient of the summed scores
	 * gives every image's own gradient.
	 */
	public GradCamOutputs addGradCam(final String layer) {
		final Operand<TFloat32> activations = layers.get(layer);
		if (activations == null) throw new IllegalArgumentException("Unknown layer '" + layer + "'. Valid layers: " +
			String.join(", ", layers.keySet()));
		return gradCam(graph, tf, probabilities, activations, metadata.classCount());
	}

	/**
	 * {@link #addGradCam} for any graph: the gradient of each image's target-class probability with
	 * respect to {@code activations}, with the {@value #TARGET_CLASS} placeholder (negative: predicted).
	 */
	@SuppressWarnings("unchecked")
	public static GradCamOutputs gradCam(final Graph graph, final Ops tf, final Operand<TFloat32> probabilities,
		final Operand<TFloat32> activations, final int classes)
	{
		final Placeholder<TInt32> target = tf.withName(TARGET_CLASS).placeholder(TInt32.class,
			Placeholder.shape(Shape.of(-1)));
		final Operand<TInt32> predicted = tf.math.argMax(probabilities, tf.constant(1), TInt32.class);
		final Operand<TInt32> chosen = tf.select(tf.math.less(target, tf.constant(0)), predicted, target);
		final Operand<TFloat32> oneHot = tf.oneHot(chosen, tf.constant(classes), tf.constant(1f), tf.constant(0f));
		final Operand<TFloat32> score = tf.sum(tf.math.mul(probabilities, oneHot), tf.constant(new int[] { 0, 1 }));
		final Output<?>[] grads = graph.addGradients(score.asOutput(), new Output<?>[] { activations.asOutput() });
		return new GradCamOutputs(target, tf.withName("gradcam_activations").identity(activations),
			tf.withName("gradcam_gradients").identity((Operand<TFloat32>) grads[0]));
	}

	@Override
	public void close() {
		graph.close();
	}
}
