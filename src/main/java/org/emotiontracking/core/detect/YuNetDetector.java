package org.emotiontracking.core.detect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.emotiontracking.core.data.OpenCv;
import org.emotiontracking.core.data.RgbImage;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.FaceDetectorYN;

/**
 * Face detection with OpenCV's {@code FaceDetectorYN} and a user-supplied YuNet ONNX model
 * (e.g. face_detection_yunet_2023mar.onnx from the OpenCV model zoo; none ships with the plugin).
 * More robust to pose than Haar cascades. Images larger than the maximum detection side are
 * shrunk for detection and boxes mapped back. Box score: YuNet's face probability (0..1). Gives
 * five keypoints per face (eyes, nose tip, mouth corners).
 * Thread-safe: calls are serialised (one network per detector).
 */
public final class YuNetDetector implements FaceDetector {

	public static final float DEFAULT_SCORE_THRESHOLD = 0.9f;
	public static final float DEFAULT_NMS_THRESHOLD = 0.3f;
	public static final int DEFAULT_MAX_DETECTION_SIDE = 640;
	private static final int TOP_K = 5000;

	private final Path modelFile;
	private final int maxDetectionSide;
	private final int minFaceSize;
	private FaceDetectorYN net;

	/** YuNet's five keypoints, in its output order. */
	static final Keypoint[] KEYPOINTS = { Keypoint.RIGHT_EYE, Keypoint.LEFT_EYE, Keypoint.NOSE_TIP,
		Keypoint.MOUTH_RIGHT, Keypoint.MOUTH_LEFT };

	/** A detector with score threshold 0.9, NMS threshold 0.3, detection at most 640 px. */
	public YuNetDetector(final Path modelFile) throws DetectorLoadException {
		this(modelFile, DEFAULT_SCORE_THRESHOLD, DEFAULT_NMS_THRESHOLD, DEFAULT_MAX_DETECTION_SIDE);
	}

	/**
	 * @throws DetectorLoadException if the file is missing, empty or not a model OpenCV can load
	 */
	public YuNetDetector(final Path modelFile, final float scoreThreshold, final float nmsThreshold,
		final int maxDetectionSide) throws DetectorLoadException
	{
		this(modelFile, scoreThreshold, nmsThreshold, maxDetectionSide, 0);
	}

	/**
	 * @param minFaceSize drop faces whose shorter side is below this many pixels of the original image
	 * @throws DetectorLoadException if the file is missing, empty or not a model OpenCV can load
	 */
	public YuNetDetector(final Path modelFile, final float scoreThreshold, final float nmsThreshold,
		final int maxDetectionSide, final int minFaceSize) throws DetectorLoadException
	{
		if (minFaceSize < 0) throw new IllegalArgumentException("Minimum face size must be >= 0: " + minFaceSize);
		this.minFaceSize = minFaceSize;
		if (maxDetectionSide < 0) throw new IllegalArgumentException("Maximum detection side must be >= 0: "
			+ maxDetectionSide);
		OpenCv.ensureLoaded();
		ModelFiles.checkReadable(modelFile, "YuNet model");
		this.modelFile = modelFile;
		this.maxDetectionSide = maxDetectionSide;
		final byte[] bytes;
		try {
			bytes = Files.readAllBytes(modelFile);
		}
		catch (final IOException e) {
			throw new DetectorLoadException("Cannot read YuNet model " + modelFile + ": " + e, e);
		}
		final MatOfByte model = new MatOfByte(bytes);
		final MatOfByte config = new MatOfByte();
		try {
			net = FaceDetectorYN.create("onnx", model, config, new Size(320, 320), scoreThreshold, nmsThreshold, TOP_K);
		}
		catch (final RuntimeException e) {
			throw new DetectorLoadException("Not a valid YuNet ONNX model: " + modelFile + " ("
				+ ModelFiles.shortMessage(e) + ")", e);
		}
		finally {
			model.release();
			config.release();
		}
		if (net == null) throw new DetectorLoadException("Not a valid YuNet ONNX model: " + modelFile);
	}

	@Override
	public synchronized List<FaceBox> detect(final RgbImage image) {
		if (net == null) throw new IllegalStateException("Detector is closed");
		final Mat rgb = OpenCv.toMat(image);
		final Mat bgr = new Mat();
		final Mat out = new Mat();
		try {
			Imgproc.cvtColor(rgb, bgr, Imgproc.COLOR_RGB2BGR);
			final int longer = Math.max(image.width(), image.height());
			if (maxDetectionSide > 0 && longer > maxDetectionSide) {
				final double scale = (double) maxDetectionSide / longer;
				Imgproc.resize(bgr, bgr, new Size(Math.max(1, Math.round(image.width() * scale)),
					Math.max(1, Math.round(image.height() * scale))), 0, 0, Imgproc.INTER_AREA);
			}
			final double sx = (double) image.width() / bgr.cols();
			final double sy = (double) image.height() / bgr.rows();
			net.setInputSize(new Size(bgr.cols(), bgr.rows()));
			try {
				net.detect(bgr, out);
			}
			catch (final RuntimeException e) {
				throw new IllegalStateException("YuNet model " + modelFile + " failed: " + ModelFiles.shortMessage(e),
					e);
			}
			final List<FaceBox> faces = new ArrayList<>();
			if (out.empty()) return faces;
			final float[] row = new float[out.cols()];
			for (int i = 0; i < out.rows(); i++) {
				out.get(i, 0, row); // x, y, w, h, 5 landmarks (x, y), score
				final long x0 = Math.round(row[0] * sx), y0 = Math.round(row[1] * sy);
				final long x1 = Math.round((row[0] + row[2]) * sx), y1 = Math.round((row[1] + row[3]) * sy);
				final long cx0 = Math.max(0, x0), cy0 = Math.max(0, y0);
				final long cx1 = Math.min(image.width(), x1), cy1 = Math.min(image.height(), y1);
				if (cx1 <= cx0 || cy1 <= cy0) continue;
				if (Math.min(row[2] * sx, row[3] * sy) < minFaceSize) continue;
				final double[] k = new double[2 * KEYPOINTS.length];
				for (int j = 0; j < KEYPOINTS.length && 5 + 2 * j < row.length - 1; j++) {
					k[2 * j] = row[4 + 2 * j] * sx;
					k[2 * j + 1] = row[5 + 2 * j] * sy;
				}
				faces.add(new FaceBox((int) cx0, (int) cy0, (int) (cx1 - cx0), (int) (cy1 - cy0), row[row.length - 1],
					Keypoints.of(KEYPOINTS, k)));
			}
			return Faces.sorted(faces);
		}
		finally {
			rgb.release();
			bgr.release();
			out.release();
		}
	}

	public Path modelFile() { return modelFile; }

	@Override
	public String description() {
		return "YuNet " + modelFile.getFileName();
	}

	@Override
	public synchronized void close() {
		net = null; // native object freed by its finalizer
	}
}
