package org.emotiontracking.core.detect;

/**
 * The two MediaPipe BlazeFace models of the npm package {@code @mediapipe/face_detection}
 * (Apache-2.0) and their SSD anchors, as MediaPipe's face-detection graphs configure them
 * ({@code SsdAnchorsCalculator}: fixed anchor size, offset 0.5; layers with the same stride share one
 * grid, {@code 2} anchors per layer when the interpolated scale aspect ratio is 1.0, 1 when it is 0).
 */
public enum BlazeFaceModel {
	/** Faces up to about 5 m from the camera: 192 x 192 input, 2304 anchors (stride 4, one per cell). */
	FULL_RANGE("face_detection_full_range.tflite", 192, new int[] { 4 }, 1),
	/** Close-ups (faces larger than about 15% of the image): 128 x 128 input, 896 anchors. */
	SHORT_RANGE("face_detection_short_range.tflite", 128, new int[] { 8, 16, 16, 16 }, 2);

	/** Box and keypoint values per anchor: cx, cy, w, h, then six keypoints (x, y). */
	public static final int VALUES_PER_ANCHOR = 16;
	/** Keypoints per face, in MediaPipe's order. */
	static final Keypoint[] KEYPOINTS = { Keypoint.RIGHT_EYE, Keypoint.LEFT_EYE, Keypoint.NOSE_TIP,
		Keypoint.MOUTH_CENTER, Keypoint.RIGHT_EAR, Keypoint.LEFT_EAR };

	private final String fileName;
	private final int inputSize;
	private final int[] strides;
	private final int anchorsPerLayer;
	private final float[] anchors;

	BlazeFaceModel(final String fileName, final int inputSize, final int[] strides, final int anchorsPerLayer) {
		this.fileName = fileName;
		this.inputSize = inputSize;
		this.strides = strides;
		this.anchorsPerLayer = anchorsPerLayer;
		this.anchors = anchors(inputSize, strides, anchorsPerLayer);
	}

	/** The file name in the npm package, in the jar and in {@code models/}. */
	public String fileName() { return fileName; }

	/** The side of the square input in pixels. */
	public int inputSize() { return inputSize; }

	/** The number of anchors (= rows of the model's outputs). */
	public int anchorCount() { return anchors.length / 2; }

	/** Anchor centres, normalised to the input: x0, y0, x1, y1, ... (shared, do not modify). */
	float[] anchorCentres() { return anchors; }

	/** The model whose outputs have this many rows, or null. */
	public static BlazeFaceModel forAnchorCount(final int rows) {
		for (final BlazeFaceModel m : values()) if (m.anchorCount() == rows) return m;
		return null;
	}

	/**
	 * SSD anchor centres: for each group of consecutive layers with the same stride, a grid of
	 * ceil(size / stride) cells, per cell (row by row) {@code anchorsPerLayer} anchors per layer at
	 * ((x + 0.5) / cells, (y + 0.5) / cells).
	 */
	static float[] anchors(final int size, final int[] strides, final int anchorsPerLayer) {
		int total = 0;
		for (final int s : strides) {
			final int cells = (size + s - 1) / s;
			total += cells * cells * anchorsPerLayer;
		}
		final float[] out = new float[2 * total];
		int n = 0;
		for (int layer = 0; layer < strides.length;) {
			final int stride = strides[layer];
			int sameStride = 0;
			while (layer < strides.length && strides[layer] == stride) {
				sameStride++;
				layer++;
			}
			final int cells = (size + stride - 1) / stride;
			for (int y = 0; y < cells; y++)
				for (int x = 0; x < cells; x++)
					for (int a = 0; a < sameStride * anchorsPerLayer; a++) {
						out[n++] = (x + 0.5f) / cells;
						out[n++] = (y + 0.5f) / cells;
					}
		}
		return out;
	}

	@Override
	public String toString() {
		return this == FULL_RANGE ? "full range" : "short range";
	}

	int[] strides() { return strides.clone(); }

	int anchorsPerLayer() { return anchorsPerLayer; }
}
