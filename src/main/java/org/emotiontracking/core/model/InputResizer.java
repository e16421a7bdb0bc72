package org.emotiontracking.core.model;

import java.util.function.UnaryOperator;

import org.emotiontracking.core.data.Resize;
import org.emotiontracking.core.data.RgbImage;

/** Resizes images to a model's input size with the model's recorded method. */
public final class InputResizer {

	private InputResizer() {}

	public static UnaryOperator<RgbImage> forModel(final ModelMetadata m) {
		final int s = m.input_size;
		final Resize.Interpolation how = m.resizeMethod() == ResizeMethod.NEAREST ? Resize.Interpolation.NEAREST
			: Resize.Interpolation.AREA;
		return im -> im.width() == s && im.height() == s ? im : Resize.resize(im, s, s, how);
	}

	/** Nearest neighbour as PIL does it (pixel centres), which Keras load_img uses. */
	static RgbImage nearest(final RgbImage in, final int s) {
		return Resize.likeKeras(in, s, s);
	}
}
