package org.emotiontracking.core.explain;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.emotiontracking.core.model.LayerSpec;
import org.emotiontracking.core.model.MobileNetV2Architecture;
import org.emotiontracking.core.model.ModelMetadata;

/**
 * Where the cells of a layer's grid sit on the model input: cell i (along either axis) is centred at
 * {@code first + step * i} input pixels (continuous coordinates, pixel j covering [j, j + 1)).
 * <p>
 * A naive upsampling ({@code cv2.resize}, as the notebook) assumes centres at {@code (i + 0.5) * step}.
 * TensorFlow's 'SAME' padding (and Keras's equivalent ZeroPadding2D((0, 1), (0, 1))) pads stride-2
 * layers of even size only at the bottom and right, so each stride-2 layer moves the centres by half
 * of its input pixel towards the bottom right: 0.5 * (1 + 2 + 4 + 8 + 16) = 15.5 px for Conv_1 at 96
 * or 224 px, half a cell (checked against TensorFlow's receptive fields in the tests).
 * <p>
 * Overlays use the notebook's centred upsampling: on small trained test models, placing the cells at
 * their receptive-field centres did not localise better (where a trained cell looks is its effective,
 * weight-dependent receptive field, not the geometric one). This geometry is offered for
 * {@link Heatmap#resize(int, int, GridGeometry)} and for inspection.
 */
public final class GridGeometry {

	private final int inputSize;
	private final int cells;
	private final double step;
	private final double first;

	GridGeometry(final int inputSize, final int cells, final double step, final double first) {
		this.inputSize = inputSize;
		this.cells = cells;
		this.step = step;
		this.first = first;
	}

	/** The geometry of a base layer of a model, from its layer list (kernels, strides, 'SAME' padding). */
	public static GridGeometry of(final ModelMetadata m, final String layer) {
		final Map<String, double[]> g = new HashMap<>(); // layer -> {size, step, first}
		for (final LayerSpec l : MobileNetV2Architecture.base(m.alpha)) {
			final double[] in = l.inputs.isEmpty() ? new double[] { m.input_size, 1, 0.5 } : g.get(l.inputs.get(0));
			final double[] out;
			if (l.kind == LayerSpec.Kind.CONV || l.kind == LayerSpec.Kind.DEPTHWISE) {
				final int n = (int) in[0], s = l.stride, k = l.kernel;
				final int size = (n + s - 1) / s;
				final int padBefore = Math.max((size - 1) * s + k - n, 0) / 2;
				// centre of output i, in input cells: s * i - padBefore + (k - 1) / 2
				out = new double[] { size, in[1] * s, in[2] + in[1] * ((k - 1) / 2.0 - padBefore) };
			}
			else out = in;
			g.put(l.name, out);
		}
		final double[] r = g.get(layer);
		if (r == null) throw new IllegalArgumentException("Unknown layer '" + layer + "'. Valid layers: " +
			String.join(", ", g.keySet()));
		return new GridGeometry(m.input_size, (int) r[0], r[1], r[2]);
	}

	/** The naive geometry of cv2.resize: centres at (i + 0.5) * inputSize / cells. */
	public static GridGeometry centred(final int inputSize, final int cells) {
		final double step = (double) inputSize / cells;
		return new GridGeometry(inputSize, cells, step, step / 2);
	}

	public int inputSize() { return inputSize; }

	/** Cells per side. */
	public int cells() { return cells; }

	/** Input pixels between neighbouring cell centres. */
	public double step() { return step; }

	/** Centre of cell 0 on the input, in pixels. */
	public double first() { return first; }

	/** The grid coordinate (fractional cell index) of a position on the model input, in pixels. */
	double cellAt(final double inputPixel) {
		return (inputPixel - first) / step;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%d cells, centres at %.2f + %.2f i px of %d", cells, first, step,
			inputSize);
	}
}
