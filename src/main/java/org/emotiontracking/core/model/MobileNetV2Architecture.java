package org.emotiontracking.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.emotiontracking.core.model.LayerSpec.Kind;
import org.emotiontracking.core.model.LayerSpec.WeightSpec;

/**
 * The layer list of {@code keras.applications.MobileNetV2(include_top=False)}: the same names, order,
 * filter counts and weight shapes as Keras, for any width multiplier alpha. The graph builder, the
 * Keras .h5 importer and the parameter-count tests all read this one list.
 */
public final class MobileNetV2Architecture {

	/** The widths Keras publishes ImageNet weights for. */
	public static final List<Double> ALPHAS = Collections.unmodifiableList(Arrays.asList(0.35, 0.5, 0.75, 1.0, 1.3,
		1.4));
	public static final int MIN_SIZE = 32;
	/** The architecture name in metadata.json. */
	public static final String NAME = "MobileNetV2";
	public static final int MAX_SIZE = 224;
	/** The last layer of the base, the feature map the head pools. */
	public static final String OUTPUT_LAYER = "out_relu";
	/** The notebook's Grad-CAM layer. */
	public static final String DEFAULT_GRADCAM_LAYER = "Conv_1";

	private static final int[][] BLOCKS = { // filters, stride, expansion
		{ 16, 1, 1 }, { 24, 2, 6 }, { 24, 1, 6 }, { 32, 2, 6 }, { 32, 1, 6 }, { 32, 1, 6 }, { 64, 2, 6 }, { 64, 1, 6 },
		{ 64, 1, 6 }, { 64, 1, 6 }, { 96, 1, 6 }, { 96, 1, 6 }, { 96, 1, 6 }, { 160, 2, 6 }, { 160, 1, 6 },
		{ 160, 1, 6 }, { 320, 1, 6 } };

	/** Number of inverted-residual blocks (expanded_conv_ = block 0, then block_1 .. block_16). */
	public static final int BLOCK_COUNT = BLOCKS.length;

	private final double alpha;
	private final List<LayerSpec> layers = new ArrayList<>();
	private String last;
	private int channels;

	private MobileNetV2Architecture(final double alpha) {
		this.alpha = alpha;
	}

	/** The base without its top, as Keras builds it for this alpha. */
	public static List<LayerSpec> base(final double alpha) {
		if (!(alpha > 0)) throw new IllegalArgumentException("alpha must be positive, got " + alpha);
		final MobileNetV2Architecture a = new MobileNetV2Architecture(alpha);
		a.build();
		return Collections.unmodifiableList(a.layers);
	}

	/** The channel count of the base's output (1280 for alpha <= 1). */
	public static int featureChannels(final double alpha) {
		return alpha > 1.0 ? makeDivisible(1280 * alpha, 8) : 1280;
	}

	/**
	 * The first layer at or after {@code layer} whose output cannot be negative: the layer itself if it
	 * is a ReLU6, else the ReLU6 reached from it through its batch norm (Conv_1 -> out_relu,
	 * block_6_expand -> block_6_expand_relu), on the same grid. A layer with no ReLU after it (a
	 * projection, an addition) is returned unchanged.
	 */
	public static String nonNegativeLayer(final double alpha, final String layer) {
		String current = layer;
		for (final LayerSpec l : base(alpha)) {
			if (l.name.equals(current) && l.kind == LayerSpec.Kind.RELU6) return current;
			if (l.inputs.size() == 1 && l.inputs.get(0).equals(current)) {
				if (l.kind == LayerSpec.Kind.RELU6) return l.name;
				if (l.kind == LayerSpec.Kind.BATCH_NORM) current = l.name;
			}
		}
		return layer;
	}

	/** Layer name prefix of inverted-residual block i (0 = "expanded_conv_"). */
	public static String blockPrefix(final int block) {
		return block == 0 ? "expanded_conv_" : "block_" + block + "_";
	}

	public static long parameterCount(final List<LayerSpec> layers) {
		long n = 0;
		for (final LayerSpec l : layers) n += l.parameterCount();
		return n;
	}

	/** Keras's _make_divisible. */
	static int makeDivisible(final double v, final int divisor) {
		int newV = Math.max(divisor, (int) (v + divisor / 2.0) / divisor * divisor);
		if (newV < 0.9 * v) newV += divisor;
		return newV;
	}

	private void build() {
		last = null;
		channels = 3;
		final int first = makeDivisible(32 * alpha, 8);
		conv("Conv1", first, 3, 2);
		bn("bn_Conv1");
		relu("Conv1_relu");
		for (int b = 0; b < BLOCKS.length; b++)
			invertedResidual(b, BLOCKS[b][0], BLOCKS[b][1], BLOCKS[b][2]);
		conv("Conv_1", featureChannels(alpha), 1, 1);
		bn("Conv_1_bn");
		relu(OUTPUT_LAYER);
	}

	private void invertedResidual(final int block, final int filters, final int stride, final int expansion) {
		final String in = last;
		final int inChannels = channels;
		final int pointwise = makeDivisible((int) (filters * alpha), 8);
		final String p = blockPrefix(block);
		if (block > 0) {
			conv(p + "expand", expansion * inChannels, 1, 1);
			bn(p + "expand_BN");
			relu(p + "expand_relu");
		}
		if (stride == 2) add(p + "pad", Kind.ZERO_PAD, 0, 0, 0);
		add(p + "depthwise", Kind.DEPTHWISE, 0, 3, stride, new WeightSpec("depthwise_kernel", 3, 3, channels, 1));
		bn(p + "depthwise_BN");
		relu(p + "depthwise_relu");
		conv(p + "project", pointwise, 1, 1);
		bn(p + "project_BN");
		if (inChannels == pointwise && stride == 1) {
			layers.add(new LayerSpec(p + "add", Kind.ADD, Arrays.asList(in, last), 0, 0, 1, Collections.emptyList()));
			last = p + "add";
		}
	}

	private void conv(final String name, final int filters, final int kernel, final int stride) {
		final int in = channels;
		add(name, Kind.CONV, filters, kernel, stride, new WeightSpec("kernel", kernel, kernel, in, filters));
		channels = filters;
	}

	private void bn(final String name) {
		add(name, Kind.BATCH_NORM, 0, 0, 1, new WeightSpec("gamma", channels), new WeightSpec("beta", channels),
			new WeightSpec("moving_mean", channels), new WeightSpec("moving_variance", channels));
	}

	private void relu(final String name) {
		add(name, Kind.RELU6, 0, 0, 1);
	}

	private void add(final String name, final Kind kind, final int filters, final int kernel, final int stride,
		final WeightSpec... weights)
	{
		final List<String> inputs = last == null ? Collections.emptyList() : Collections.singletonList(last);
		layers.add(new LayerSpec(name, kind, inputs, filters, kernel, stride, Arrays.asList(weights)));
		last = name;
	}
}
