package org.emotiontracking.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Random training-time augmentation with OpenCV, producing images already at the model's input
 * size.
 * <p>
 * Resize, rotation, zoom, shift and flip are combined into a single affine transform and applied
 * with one {@code warpAffine} (bilinear, {@code BORDER_REFLECT_101} borders); images more than
 * twice the output size are first shrunk with area averaging to avoid aliasing. Brightness and
 * contrast follow as one linear map, saturated to 0..255. The resize stretches to the output
 * size (aspect ratio not kept), like Keras.
 * <p>
 * <b>Reproducible:</b> the random values depend only on (seed, epoch, image index), so a run gives
 * the same images whatever the thread scheduling or batch composition. Use the image's index in
 * the dataset (not its position in a shuffled batch). Thread-safe.
 */
public final class Augmenter {

	private final int width;
	private final int height;
	private final AugmentationSettings settings;

	/**
	 * @param width output width (the model's input width)
	 * @param height output height
	 */
	public Augmenter(final int width, final int height, final AugmentationSettings settings) {
		if (width <= 0 || height <= 0) throw new IllegalArgumentException("Output size must be positive: " + width + "x"
			+ height);
		this.width = width;
		this.height = height;
		this.settings = settings;
	}

	public int width() { return width; }

	public int height() { return height; }

	public AugmentationSettings settings() { return settings; }

	/**
	 * One augmented copy of the image at the output size; the input is not changed.
	 *
	 * @param seed the run's seed
	 * @param epoch the epoch (0-based): each epoch sees different variants
	 * @param imageIndex the image's stable index in the dataset
	 */
	public RgbImage augment(final RgbImage image, final long seed, final int epoch, final long imageIndex) {
		final Params p = Params.draw(settings, new SplittableRandom(Seeds.mix(seed, epoch, imageIndex)));
		final List<Mat> temps = new ArrayList<>();
		try {
			Mat src = track(temps, OpenCv.toMat(image));
			if (src.cols() > 2 * width || src.rows() > 2 * height) {
				final Mat shrunk = track(temps, new Mat());
				Imgproc.resize(src, shrunk, new Size(Math.min(width, src.cols()), Math.min(height, src.rows())), 0, 0,
					Imgproc.INTER_AREA);
				src = shrunk;
			}
			final Mat out = track(temps, new Mat());
			Imgproc.warpAffine(src, out, track(temps, p.matrix(src.cols(), src.rows(), width, height)),
				new Size(width, height), Imgproc.INTER_LINEAR, Core.BORDER_REFLECT_101);
			if (p.contrast != 1 || p.brightness != 0)
				out.convertTo(out, CvType.CV_8U, p.contrast, p.brightness * 255 + (1 - p.contrast) * 127.5);
			return OpenCv.toRgbImage(out);
		}
		finally {
			for (final Mat m : temps) m.release();
		}
	}

	/**
	 * Augments a batch, in parallel on the executor (or on the calling thread if it is null).
	 * The result is in input order and identical to calling {@link #augment} one by one.
	 *
	 * @param imageIndices each image's stable index in the dataset (same length as images)
	 */
	public List<RgbImage> augmentBatch(final List<RgbImage> images, final long[] imageIndices, final long seed,
		final int epoch, final ExecutorService executor)
	{
		if (imageIndices.length != images.size()) throw new IllegalArgumentException(
			images.size() + " images but " + imageIndices.length + " indices");
		final List<RgbImage> out = new ArrayList<>(images.size());
		if (executor == null) {
			for (int i = 0; i < images.size(); i++) out.add(augment(images.get(i), seed, epoch, imageIndices[i]));
			return out;
		}
		final List<Future<RgbImage>> futures = new ArrayList<>(images.size());
		for (int i = 0; i < images.size(); i++) {
			final int k = i;
			futures.add(executor.submit(() -> augment(images.get(k), seed, epoch, imageIndices[k])));
		}
		try {
			for (final Future<RgbImage> f : futures) out.add(f.get());
		}
		catch (final InterruptedException e) {
			futures.forEach(f -> f.cancel(true));
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while augmenting", e);
		}
		catch (final ExecutionException e) {
			futures.forEach(f -> f.cancel(true));
			final Throwable cause = e.getCause();
			if (cause instanceof RuntimeException) throw (RuntimeException) cause;
			if (cause instanceof Error) throw (Error) cause;
			throw new IllegalStateException(cause);
		}
		return out;
	}

	private static Mat track(final List<Mat> temps, final Mat m) {
		temps.add(m);
		return m;
	}

	/** The random values for one image. */
	static final class Params {
		final double angleRadians;
		final double zoom;
		final double shiftX; // fraction of the output width
		final double shiftY;
		final boolean flip;
		final double brightness; // fraction of 255
		final double contrast; // factor

		private Params(final double angleRadians, final double zoom, final double shiftX, final double shiftY,
		final boolean flip,
			final double brightness, final double contrast)
		{
			this.angleRadians = angleRadians;
			this.zoom = zoom;
			this.shiftX = shiftX;
			this.shiftY = shiftY;
			this.flip = flip;
			this.brightness = brightness;
			this.contrast = contrast;
		}

		/** Always draws every value in the same order, so changing one range leaves the others. */
		static Params draw(final AugmentationSettings s, final SplittableRandom r) {
			final double angle = Math.toRadians(symmetric(r, s.maxRotationDegrees()));
			final double u = r.nextDouble();
			final double zoom = s.minZoom() + u * (s.maxZoom() - s.minZoom());
			final double shiftX = symmetric(r, s.maxShiftFraction());
			final double shiftY = symmetric(r, s.maxShiftFraction());
			final boolean flip = r.nextBoolean() && s.horizontalFlip();
			final double brightness = symmetric(r, s.maxBrightness());
			final double contrast = 1 + symmetric(r, s.maxContrast());
			return new Params(angle, zoom, shiftX, shiftY, flip, brightness, contrast);
		}

		private static double symmetric(final SplittableRandom r, final double max) {
			return (2 * r.nextDouble() - 1) * max;
		}

		/**
		 * The 2x3 source-to-output matrix: move the source centre to the origin, flip, stretch to
		 * the output size, zoom and rotate, move to the output centre plus the shift. Centres are
		 * at (size / 2 - 0.5) so a plain resize maps pixel centres like {@code resize} does.
		 */
		Mat matrix(final int srcW, final int srcH, final int dstW, final int dstH) {
			final double sx = (double) dstW / srcW * (flip ? -1 : 1);
			final double sy = (double) dstH / srcH;
			final double cos = Math.cos(angleRadians) * zoom;
			final double sin = Math.sin(angleRadians) * zoom;
			final double a = cos * sx, b = -sin * sy, c = sin * sx, d = cos * sy;
			final double csx = srcW / 2.0 - 0.5, csy = srcH / 2.0 - 0.5;
			final double tx = dstW / 2.0 - 0.5 + shiftX * dstW - (a * csx + b * csy);
			final double ty = dstH / 2.0 - 0.5 + shiftY * dstH - (c * csx + d * csy);
			final Mat m = new Mat(2, 3, CvType.CV_64F);
			m.put(0, 0, a, b, tx, c, d, ty);
			return m;
		}
	}
}
