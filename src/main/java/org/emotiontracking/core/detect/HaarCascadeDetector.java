package org.emotiontracking.core.detect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.emotiontracking.core.data.OpenCv;
import org.emotiontracking.core.data.RgbImage;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.core.MatOfRect;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.CascadeClassifier;

/**
 * Face detection with an OpenCV Haar cascade, as in the original notebook
 * ({@code detectMultiScale(gray, scaleFactor=1.1, minNeighbors=5)}, minimum face 30 px).
 * <p>
 * The image is converted to grayscale; images whose longer side exceeds the maximum detection
 * side are shrunk (area averaging) for detection only, and the boxes are mapped back to the
 * original image's coordinates. Histogram equalisation is optional and off by default: the
 * notebook did not use it, and on OpenCV's messi5.jpg sample it adds a false face. The minimum face size is in
 * original-image pixels. A box's score is the number of raw detections merged into it.
 * <p>
 * Thread-safe: OpenCV's {@code CascadeClassifier} is not, so each concurrent call borrows its own
 * classifier from a small pool (one per thread that ever ran concurrently).
 */
public final class HaarCascadeDetector implements FaceDetector {

	public static final double DEFAULT_SCALE_FACTOR = 1.1;
	public static final int DEFAULT_MIN_NEIGHBORS = 5;
	/** Minimum face side, in pixels of the original image. */
	public static final int DEFAULT_MIN_FACE_SIZE = 30;
	/** Longer side to which larger images are shrunk for detection; 0 means never shrink. */
	public static final int DEFAULT_MAX_DETECTION_SIDE = 640;
	/** Whether to equalise the gray histogram before detection by default. */
	public static final boolean DEFAULT_EQUALIZE_HISTOGRAM = false;

	private final Path cascadeFile;
	private final Path loadablePath;
	private final double scaleFactor;
	private final int minNeighbors;
	private final int minFaceSize;
	private final int maxDetectionSide;
	private final boolean equalizeHistogram;
	private final ConcurrentLinkedDeque<CascadeClassifier> idle = new ConcurrentLinkedDeque<>();
	private volatile boolean closed;

	/** A detector with the notebook's parameters. */
	public HaarCascadeDetector(final Path cascadeFile) throws DetectorLoadException {
		this(cascadeFile, DEFAULT_SCALE_FACTOR, DEFAULT_MIN_NEIGHBORS, DEFAULT_MIN_FACE_SIZE,
			DEFAULT_MAX_DETECTION_SIDE, DEFAULT_EQUALIZE_HISTOGRAM);
	}

	/**
	 * @param cascadeFile an OpenCV Haar cascade .xml file
	 * @param scaleFactor step between detection scales, greater than 1
	 * @param minNeighbors raw detections needed to keep a face (more: fewer false faces)
	 * @param minFaceSize smallest face side in original-image pixels
	 * @param maxDetectionSide shrink larger images to this longer side for detection (0: never)
	 * @param equalizeHistogram equalise the gray histogram before detection
	 * @throws DetectorLoadException if the file is missing or not a cascade OpenCV can load
	 */
	public HaarCascadeDetector(final Path cascadeFile, final double scaleFactor, final int minNeighbors,
		final int minFaceSize, final int maxDetectionSide, final boolean equalizeHistogram) throws DetectorLoadException
	{
		if (!(scaleFactor > 1)) throw new IllegalArgumentException("Scale factor must be > 1: " + scaleFactor);
		if (minNeighbors < 0) throw new IllegalArgumentException("minNeighbors must be >= 0: " + minNeighbors);
		if (minFaceSize < 0) throw new IllegalArgumentException("Minimum face size must be >= 0: " + minFaceSize);
		if (maxDetectionSide < 0) throw new IllegalArgumentException("Maximum detection side must be >= 0: "
			+ maxDetectionSide);
		OpenCv.ensureLoaded();
		ModelFiles.checkReadable(cascadeFile, "Haar cascade");
		this.cascadeFile = cascadeFile;
		this.loadablePath = ModelFiles.asciiPath(cascadeFile);
		this.scaleFactor = scaleFactor;
		this.minNeighbors = minNeighbors;
		this.minFaceSize = minFaceSize;
		this.maxDetectionSide = maxDetectionSide;
		this.equalizeHistogram = equalizeHistogram;
		idle.push(load());
	}

	/** A detector with the notebook's parameters on the {@link DefaultCascade default cascade}. */
	public static HaarCascadeDetector openDefault() throws DetectorLoadException {
		return new HaarCascadeDetector(DefaultCascade.locate());
	}

	private CascadeClassifier load() throws DetectorLoadException {
		final CascadeClassifier classifier;
		try {
			classifier = new CascadeClassifier();
			if (classifier.load(loadablePath.toString()) && !classifier.empty()) return classifier;
		}
		catch (final RuntimeException e) {
			throw new DetectorLoadException("Not a valid OpenCV Haar cascade: " + cascadeFile + " ("
				+ ModelFiles.shortMessage(e) + ")", e);
		}
		throw new DetectorLoadException("Not a valid OpenCV Haar cascade: " + cascadeFile);
	}

	@Override
	public List<FaceBox> detect(final RgbImage image) {
		if (closed) throw new IllegalStateException("Detector is closed");
		CascadeClassifier classifier = idle.poll();
		try {
			if (classifier == null) classifier = load();
			return Faces.sorted(detect(classifier, image));
		}
		catch (final DetectorLoadException e) {
			throw new IllegalStateException(e.getMessage(), e); // the file loaded before: it changed
		}
		finally {
			if (classifier != null && !closed) idle.push(classifier);
		}
	}

	private List<FaceBox> detect(final CascadeClassifier classifier, final RgbImage image) {
		final Mat rgb = OpenCv.toMat(image);
		final Mat gray = new Mat();
		final MatOfRect rects = new MatOfRect();
		final MatOfInt neighbours = new MatOfInt();
		try {
			Imgproc.cvtColor(rgb, gray, Imgproc.COLOR_RGB2GRAY);
			final int longer = Math.max(image.width(), image.height());
			final double scale = maxDetectionSide > 0 && longer > maxDetectionSide ? (double) maxDetectionSide / longer
				: 1;
			if (scale < 1) Imgproc.resize(gray, gray, new Size(Math.max(1, Math.round(image.width() * scale)),
				Math.max(1, Math.round(image.height() * scale))), 0, 0, Imgproc.INTER_AREA);
			if (equalizeHistogram) Imgproc.equalizeHist(gray, gray);
			final double sx = (double) image.width() / gray.cols();
			final double sy = (double) image.height() / gray.rows();
			final int minSide = (int) Math.round(minFaceSize / Math.max(sx, sy));
			classifier.detectMultiScale2(gray, rects, neighbours, scaleFactor, minNeighbors, 0,
				new Size(minSide, minSide), new Size());
			if (rects.empty()) return new ArrayList<>();
			final Rect[] r = rects.toArray();
			final int[] n = neighbours.toArray();
			final List<FaceBox> faces = new ArrayList<>(r.length);
			for (int i = 0; i < r.length; i++) {
				final long x0 = Math.round(r[i].x * sx), y0 = Math.round(r[i].y * sy);
				final long x1 = Math.round((r[i].x + r[i].width) * sx), y1 = Math.round((r[i].y + r[i].height) * sy);
				faces.add(new FaceBox((int) x0, (int) y0, (int) Math.max(1, x1 - x0), (int) Math.max(1, y1 - y0),
					i < n.length ? n[i] : 0).clampTo(image.width(), image.height()));
			}
			return faces;
		}
		finally {
			rgb.release();
			gray.release();
			rects.release();
			neighbours.release();
		}
	}

	public Path cascadeFile() { return cascadeFile; }

	@Override
	public String description() {
		return "Haar cascade " + cascadeFile.getFileName() + " (scale factor " + scaleFactor + ", min neighbours "
			+ minNeighbors + ", min face " + minFaceSize + " px"
			+ (maxDetectionSide > 0 ? ", detection at most " + maxDetectionSide + " px" : "")
			+ (equalizeHistogram ? ", equalised histogram" : "") + ")";
	}

	/** Drops the pooled classifiers; their native memory is freed by OpenCV's finalizers. */
	@Override
	public void close() {
		closed = true;
		idle.clear();
	}
}
