package org.emotiontracking.core.detect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.IntPredicate;

import org.emotiontracking.core.data.OpenCv;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.detect.BlazeFaceDecoder.Candidate;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;
import org.opencv.imgproc.Imgproc;

/**
 * MediaPipe's BlazeFace face detector (full or short range) run by OpenCV's TFLite importer, decoded
 * as MediaPipe does: the image letterboxed into the model's square input with one warpAffine (centred,
 * black padding), RGB scaled to [-1, 1], SSD anchors, {@link BlazeFaceDecoder}. Gives six keypoints
 * per face. Box score: the face probability (0..1).
 * <p>
 * With tiles (see {@link TileMode}) the detector also runs on overlapping square tiles of 0.6 x the
 * shorter side (25% overlap); faces cut by a tile's inner edge are dropped, and all faces of the
 * image and its tiles are merged by the same weighted suppression.
 * <p>
 * Thread-safe: an OpenCV network is not, so each concurrent call borrows its own from a pool (one per
 * thread that ever ran concurrently).
 */
public final class BlazeFaceDetector implements FaceDetector {

	public static final double DEFAULT_MIN_CONFIDENCE = 0.5;
	/** {@link TileMode#AUTO} always tiles images whose longer side has at least this many pixels. */
	public static final int AUTO_TILE_SIDE = 1000;
	/** Tile side as a fraction of the image's shorter side. */
	static final double TILE_FRACTION = 0.6;
	/** Overlap of neighbouring tiles as a fraction of the tile side. */
	static final double TILE_OVERLAP = 0.25;
	/** A tile face whose box comes this close to an inner tile edge (fraction of the tile side) is cut. */
	static final double TILE_EDGE = 0.01;

	private final BlazeFaceModel model;
	private final byte[] modelBytes;
	private final String source;
	private final double minConfidence;
	private final TileMode tiles;
	private final int minFaceSize;
	private final ConcurrentLinkedDeque<Net> idle = new ConcurrentLinkedDeque<>();
	private volatile boolean closed;

	private BlazeFaceDetector(final BlazeFaceModel model, final byte[] modelBytes, final String source,
		final double minConfidence, final TileMode tiles, final int minFaceSize, final Net first)
	{
		this.model = model;
		this.modelBytes = modelBytes;
		this.source = source;
		this.minConfidence = minConfidence;
		this.tiles = tiles;
		this.minFaceSize = minFaceSize;
		idle.push(first);
	}

	/** The model shipped in the jar (or found in {@code models/}), with default settings. */
	public static BlazeFaceDetector open(final BlazeFaceModel model) throws DetectorLoadException {
		return open(model, DEFAULT_MIN_CONFIDENCE, TileMode.AUTO, 0);
	}

	/**
	 * The model shipped in the jar, else from a {@code models/} folder or the cache folder.
	 *
	 * @param minConfidence keep faces with at least this probability (0..1)
	 * @param minFaceSize drop faces whose shorter side is below this many pixels
	 * @throws DetectorLoadException if the file is nowhere (one line saying where to put it)
	 */
	public static BlazeFaceDetector open(final BlazeFaceModel model, final double minConfidence, final TileMode tiles,
		final int minFaceSize) throws DetectorLoadException
	{
		check(minConfidence, minFaceSize);
		OpenCv.ensureLoaded();
		final byte[] bytes = BundledModels.read(model.fileName(), BundledModels.BLAZEFACE_SOURCE,
			BundledModels.folders());
		final Net net = load(bytes, model.fileName());
		final BlazeFaceModel found = probe(net, model.fileName(), bytes);
		if (found != model) throw new DetectorLoadException(model.fileName() + " is the BlazeFace " + found
			+ " model, not " + model);
		return new BlazeFaceDetector(model, bytes, model.fileName(), minConfidence, tiles, minFaceSize, net);
	}

	/**
	 * A BlazeFace {@code .tflite} file given by the user; full or short range is recognised from its
	 * outputs.
	 *
	 * @throws DetectorLoadException if the file is missing, not a TFLite model OpenCV can load, or a
	 *           model whose outputs are not BlazeFace's (the message lists its output shapes)
	 */
	public static BlazeFaceDetector open(final Path file, final double minConfidence, final TileMode tiles,
		final int minFaceSize) throws DetectorLoadException
	{
		check(minConfidence, minFaceSize);
		OpenCv.ensureLoaded();
		ModelFiles.checkReadable(file, "BlazeFace model");
		final byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		}
		catch (final IOException e) {
			throw new DetectorLoadException("Cannot read BlazeFace model " + file + ": " + e, e);
		}
		final Net net = load(bytes, file.toString());
		return new BlazeFaceDetector(probe(net, file.toString(), bytes), bytes, String.valueOf(file.getFileName()),
			minConfidence, tiles, minFaceSize, net);
	}

	private static void check(final double minConfidence, final int minFaceSize) {
		if (!(minConfidence >= 0 && minConfidence <= 1)) throw new IllegalArgumentException(
			"min_confidence must be 0..1: " + minConfidence);
		if (minFaceSize < 0) throw new IllegalArgumentException("Minimum face size must be >= 0: " + minFaceSize);
	}

	private static Net load(final byte[] bytes, final String name) throws DetectorLoadException {
		final MatOfByte buffer = new MatOfByte(bytes);
		try {
			final Net net = Dnn.readNetFromTFLite(buffer);
			if (net == null || net.empty()) throw new DetectorLoadException("Not a TFLite model OpenCV can load: "
				+ name);
			return net;
		}
		catch (final RuntimeException e) {
			throw new DetectorLoadException("Not a TFLite model OpenCV can load: " + name + " ("
				+ ModelFiles.shortMessage(e) + ")", e);
		}
		finally {
			buffer.release();
		}
	}

	/**
	 * Which BlazeFace model the network is, from the output shapes of a forward pass on a blank input
	 * of each BlazeFace size; a model that is neither is also run at its own input size (read from the
	 * file), so that the refusal lists the output shapes it has.
	 */
	private static BlazeFaceModel probe(final Net net, final String name,
		final byte[] bytes) throws DetectorLoadException {
		final List<String> seen = new ArrayList<>();
		for (final BlazeFaceModel m : new BlazeFaceModel[] { BlazeFaceModel.FULL_RANGE, BlazeFaceModel.SHORT_RANGE }) {
			final List<Mat> outs = forward(net, new int[] { 1, 3, m.inputSize(), m.inputSize() }, m.inputSize()
				+ " px input", seen);
			try {
				if (outs != null && pick(outs, m) != null) return m;
			}
			finally {
				if (outs != null) for (final Mat o : outs) o.release();
			}
		}
		final int[] own = TfliteInputShape.of(bytes);
		String input = "";
		if (own != null) {
			input = " (input " + Arrays.toString(own).replace(" ", "") + ")";
			if (own.length == 4 && own[0] == 1 && own[1] > 0 && own[2] > 0 && own[3] > 0
				&& !(own[1] == own[2] && (own[1] == BlazeFaceModel.FULL_RANGE
				.inputSize() || own[1] == BlazeFaceModel.SHORT_RANGE.inputSize())))
			{
				final List<Mat> outs = forward(net, new int[] { 1, own[3], own[1], own[2] }, "its own " + own[2] + "x"
					+ own[1] + " px input", seen);
				if (outs != null) for (final Mat o : outs) o.release();
			}
		}
		throw new DetectorLoadException("Not a BlazeFace model: " + name + input + " has outputs "
			+ String.join("; ", seen)
			+ " (expected [1,2304,16] and [1,2304,1] for 192 px full range, or [1,896,16] and [1,896,1] for 128 px "
			+ "short range)");
	}

	/** The outputs of one forward pass on a blank NCHW blob (null if it failed); notes "label -> shapes" in {@code
	 * seen}. */
	private static List<Mat> forward(final Net net, final int[] nchw, final String label, final List<String> seen) {
		final Mat blob = Mat.zeros(nchw, CvType.CV_32F);
		final List<Mat> outs = new ArrayList<>();
		try {
			net.setInput(blob);
			net.forward(outs, net.getUnconnectedOutLayersNames());
			final List<String> shapes = new ArrayList<>();
			for (final Mat o : outs) shapes.add(shape(o));
			seen.add(label + " -> " + String.join(" and ", shapes));
			return outs;
		}
		catch (final RuntimeException e) {
			for (final Mat o : outs) o.release();
			seen.add(label + " -> fails (" + openCvError(e) + ")");
			return null;
		}
		finally {
			blob.release();
		}
	}

	/** OpenCV's error without its source path and function ("(-2:Unspecified error) ..."). */
	private static String openCvError(final RuntimeException e) {
		String m = ModelFiles.shortMessage(e);
		final int at = m.indexOf("error: ");
		if (at >= 0) m = m.substring(at + 7);
		final int in = m.indexOf(" in function");
		return in > 0 ? m.substring(0, in) : m;
	}

	/** The box and score outputs of the model, by shape, or null. */
	private static Mat[] pick(final List<Mat> outs, final BlazeFaceModel m) {
		Mat boxes = null, scores = null;
		for (final Mat o : outs) {
			if (o.dims() != 3 || o.size(0) != 1 || o.size(1) != m.anchorCount()) continue;
			if (o.size(2) == BlazeFaceModel.VALUES_PER_ANCHOR) boxes = o;
			else if (o.size(2) == 1) scores = o;
		}
		return boxes != null && scores != null ? new Mat[] { boxes, scores } : null;
	}

	private static String shape(final Mat m) {
		final int[] s = new int[m.dims()];
		for (int i = 0; i < s.length; i++) s[i] = m.size(i);
		return Arrays.toString(s).replace(" ", "");
	}

	/** What one detection did: the faces, the faces of the whole-image pass alone, and whether tiles were looked at. */
	public static final class Passes {

		/** The faces (whole image and tiles merged when tiled), as {@link #detect(RgbImage)} gives them. */
		public final List<FaceBox> faces;
		/** How many faces the whole-image pass alone gave (after the same size limits). */
		public final int wholeImageFaces;
		/** Whether the tiles were looked at. */
		public final boolean tiled;

		Passes(final List<FaceBox> faces, final int wholeImageFaces, final boolean tiled) {
			this.faces = faces;
			this.wholeImageFaces = wholeImageFaces;
			this.tiled = tiled;
		}

		/** Whether the tiles found faces the whole-image pass missed. */
		public boolean tilesFoundMore() { return tiled && faces.size() > wholeImageFaces; }
	}

	@Override
	public List<FaceBox> detect(final RgbImage image) {
		return detect(image, n -> tiled(image.width(), image.height(), n)).faces;
	}

	/**
	 * The faces of the image: the whole-image pass, then the tiles if {@code tileAfter} says so given
	 * the number of faces the whole-image pass found (this detector's {@link #tiles() tile mode} is
	 * not consulted: a caller with its own rule, e.g. {@link StreamTiling}, decides).
	 */
	public Passes detect(final RgbImage image, final IntPredicate tileAfter) {
		if (closed) throw new IllegalStateException("Detector is closed");
		Net net = idle.poll();
		try {
			if (net == null) net = load(modelBytes, source);
			return detect(net, image, tileAfter);
		}
		catch (final DetectorLoadException e) {
			throw new IllegalStateException(e.getMessage(), e); // it loaded before
		}
		finally {
			if (net != null && !closed) idle.push(net);
		}
	}

	/** Whether this image is tiled, given how many faces the whole image gave. */
	boolean tiled(final int width, final int height, final int wholeImageFaces) {
		if (tiles == TileMode.ON) return true;
		return tiles == TileMode.AUTO && (wholeImageFaces == 0 || Math.max(width, height) >= AUTO_TILE_SIDE);
	}

	private Passes detect(final Net net, final RgbImage image, final IntPredicate tileAfter) {
		final Mat rgb = OpenCv.toMat(image);
		try {
			final int w = image.width(), h = image.height();
			final List<Candidate> all = new ArrayList<>(run(net, rgb, 0, 0, w, h));
			final boolean tiled = tileAfter.test(all.size());
			final int whole = tiled ? boxes(all, w, h).size() : -1;
			if (tiled) {
				for (final int[] t : tiles(w, h)) {
					final Mat tile = rgb.submat(new Rect(t[0], t[1], t[2], t[2]));
					try {
						for (final Candidate c : run(net, tile, t[0], t[1], t[2], t[2]))
							if (!cutByTile(c, t, w, h)) all.add(c);
					}
					finally {
						tile.release();
					}
				}
			}
			final List<FaceBox> faces = boxes(tiled ? BlazeFaceDecoder.weightedNms(all, BlazeFaceDecoder.NMS_IOU) : all,
				w, h);
			return new Passes(faces, tiled ? whole : faces.size(), tiled);
		}
		finally {
			rgb.release();
		}
	}

	/** Candidates as face boxes inside the image, without those under the minimum size, in reading order. */
	private List<FaceBox> boxes(final List<Candidate> candidates, final int w, final int h) {
		final List<FaceBox> out = new ArrayList<>(candidates.size());
		for (final Candidate c : candidates) {
			final long x0 = Math.max(0, Math.round(c.x0)), y0 = Math.max(0, Math.round(c.y0));
			final long x1 = Math.min(w, Math.round(c.x1)), y1 = Math.min(h, Math.round(c.y1));
			if (x1 <= x0 || y1 <= y0) continue;
			if (Math.min(c.x1 - c.x0, c.y1 - c.y0) < minFaceSize) continue;
			out.add(new FaceBox((int) x0, (int) y0, (int) (x1 - x0), (int) (y1 - y0), c.score,
				Keypoints.of(BlazeFaceModel.KEYPOINTS, c.keypoints)));
		}
		return Faces.sorted(out);
	}

	/**
	 * Faces in the {@code w x h} region of {@code mat} (whose top-left is at ({@code ox}, {@code oy})
	 * in the image), after suppression, in image pixels.
	 */
	private List<Candidate> run(final Net net, final Mat mat, final int ox, final int oy, final int w, final int h) {
		final int size = model.inputSize();
		final double side = Math.max(w, h);
		final double padX = (side - w) / 2, padY = (side - h) / 2, s = size / side;
		final Mat affine = new Mat(2, 3, CvType.CV_64F);
		affine.put(0, 0, s, 0, padX * s, 0, s, padY * s);
		final Mat letterbox = new Mat();
		final List<Mat> outs = new ArrayList<>();
		Mat blob = null;
		try {
			Imgproc.warpAffine(mat, letterbox, affine, new Size(size, size), Imgproc.INTER_LINEAR, Core.BORDER_CONSTANT,
				new Scalar(0, 0, 0));
			blob = Dnn.blobFromImage(letterbox, 1 / 127.5, new Size(size, size), new Scalar(127.5, 127.5, 127.5), false,
				false, CvType.CV_32F);
			net.setInput(blob);
			net.forward(outs, net.getUnconnectedOutLayersNames());
			final Mat[] picked = pick(outs, model);
			if (picked == null) throw new IllegalStateException("BlazeFace " + source + " gave unexpected outputs");
			final float[] boxes = new float[model.anchorCount() * BlazeFaceModel.VALUES_PER_ANCHOR];
			final float[] logits = new float[model.anchorCount()];
			picked[0].get(new int[] { 0, 0, 0 }, boxes);
			picked[1].get(new int[] { 0, 0, 0 }, logits);
			final List<Candidate> found = BlazeFaceDecoder.weightedNms(BlazeFaceDecoder.decode(boxes, logits, model,
				minConfidence), BlazeFaceDecoder.NMS_IOU);
			final List<Candidate> out = new ArrayList<>(found.size());
			for (final Candidate c : found) out.add(c.map(side, ox - padX, oy - padY));
			return out;
		}
		finally {
			affine.release();
			letterbox.release();
			if (blob != null) blob.release();
			for (final Mat o : outs) o.release();
		}
	}

	/** Square tiles (x, y, side) of 0.6 x the shorter side with 25% overlap covering the image. */
	static List<int[]> tiles(final int width, final int height) {
		final int side = Math.max(1, (int) Math.round(TILE_FRACTION * Math.min(width, height)));
		final List<int[]> out = new ArrayList<>();
		for (final int y : positions(height, side))
			for (final int x : positions(width, side)) out.add(new int[] { x, y, side });
		return out;
	}

	private static List<Integer> positions(final int length, final int side) {
		final List<Integer> out = new ArrayList<>();
		final int step = Math.max(1, (int) Math.round(side * (1 - TILE_OVERLAP)));
		for (int p = 0;; p += step) {
			if (p + side >= length) {
				out.add(Math.max(0, length - side));
				break;
			}
			out.add(p);
		}
		return out;
	}

	/** Whether a face found in tile t touches an edge of the tile that is not the image's edge. */
	private static boolean cutByTile(final Candidate c, final int[] t, final int width, final int height) {
		final double edge = TILE_EDGE * t[2];
		return t[0] > 0 && c.x0 < t[0] + edge || t[1] > 0 && c.y0 < t[1] + edge || t[0] + t[2] < width && c.x1 > t[0]
			+ t[2] - edge || t[1] + t[2] < height && c.y1 > t[1] + t[2] - edge;
	}

	public BlazeFaceModel model() { return model; }

	public double minConfidence() { return minConfidence; }

	public TileMode tiles() { return tiles; }

	@Override
	public String description() {
		return String.format(Locale.ROOT, "BlazeFace %s %s (min confidence %.2f, tiles %s%s)", model, source,
			minConfidence, tiles, minFaceSize > 0 ? ", min face " + minFaceSize + " px" : "");
	}

	/** Drops the pooled networks; their native memory is freed by OpenCV's finalizers. */
	@Override
	public void close() {
		closed = true;
		idle.clear();
	}
}
