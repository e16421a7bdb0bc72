package org.emotiontracking.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Decodes JPEG, PNG, TIFF and BMP files into {@link RgbImage}s, refusing anything it cannot read
 * faithfully.
 * <ul>
 * <li>The format is recognised from the content; the file name is only used in messages.</li>
 * <li>The file is read with {@code java.nio} and decoded from memory by OpenCV, so file names in
 * any script work.</li>
 * <li><b>Size limit:</b> the width and height are read from the header first; an image with more
 * pixels than the limit (default {@value #DEFAULT_MAX_PIXELS}) is refused before any pixel is
 * decoded, so a tiny "decompression bomb" file cannot exhaust memory.</li>
 * <li><b>Grayscale</b> is replicated into R, G and B.</li>
 * <li><b>16-bit (and 32-bit / float) images</b> are scaled to 8 bits by the image's own
 * minimum..maximum over all colour channels (minimum to 0, maximum to 255), like ImageJ's
 * auto-contrast on conversion. A constant image keeps its value relative to the full range
 * (16-bit: value / 257; float: value * 255 clamped).</li>
 * <li><b>Alpha</b> is composited over white (a fully transparent pixel becomes white).</li>
 * <li>EXIF orientation is ignored (pixels are taken as stored), as Keras' {@code load_img} does.</li>
 * <li>Multi-page TIFFs: the first page.</li>
 * </ul>
 * Empty, non-image, truncated and corrupt files throw {@link ImageReadException}; a truncated
 * JPEG (which OpenCV would silently fill with gray) is detected by its missing end marker.
 * Instances are immutable and thread-safe.
 */
public final class ImageDecoder {

	/** Default pixel limit: 100 megapixels (300 MB as 8-bit RGB). */
	public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

	private final long maxPixels;

	/** A decoder with the default limit of {@value #DEFAULT_MAX_PIXELS} pixels. */
	public ImageDecoder() {
		this(DEFAULT_MAX_PIXELS);
	}

	/** A decoder refusing images with more than {@code maxPixels} pixels (width * height). */
	public ImageDecoder(final long maxPixels) {
		if (maxPixels <= 0) throw new IllegalArgumentException("Pixel limit must be positive: " + maxPixels);
		this.maxPixels = maxPixels;
	}

	public long maxPixels() { return maxPixels; }

	/**
	 * Reads and decodes one image file.
	 *
	 * @throws ImageReadException if the file is missing, unreadable, empty, not an image, above
	 *           the pixel limit, truncated or corrupt; the message names the file and the problem
	 */
	public RgbImage decode(final Path file) throws ImageReadException {
		return decode(readBytes(file), file.toString());
	}

	/**
	 * Decodes an encoded image held in memory.
	 *
	 * @param source a name for messages (e.g. the file or URL it came from)
	 */
	public RgbImage decode(final byte[] encoded, final String source) throws ImageReadException {
		final ImageHeader header = checkedHeader(encoded, source);
		final String incomplete = Completeness.problem(header, encoded);
		if (incomplete != null) throw new ImageReadException(source, incomplete);
		OpenCv.ensureLoaded();
		final MatOfByte buffer = new MatOfByte(encoded);
		final Mat decoded;
		try {
			decoded = Imgcodecs.imdecode(buffer, Imgcodecs.IMREAD_UNCHANGED);
		}
		catch (final RuntimeException e) {
			throw new ImageReadException(source, "corrupt " + header.format() + " (" + e.getMessage() + ")", e);
		}
		finally {
			buffer.release();
		}
		try {
			if (decoded.empty()) throw new ImageReadException(source, "corrupt or truncated " + header.format()
				+ " (could not be decoded)");
			return toRgb(decoded);
		}
		finally {
			decoded.release();
		}
	}

	/**
	 * Reads only the format and size of an image file and applies the pixel limit, without
	 * decoding pixels.
	 */
	public ImageHeader readHeader(final Path file) throws ImageReadException {
		return checkedHeader(readBytes(file), file.toString());
	}

	private ImageHeader checkedHeader(final byte[] encoded, final String source) throws ImageReadException {
		final ImageHeader header;
		try {
			header = ImageHeader.read(encoded);
		}
		catch (final ImageHeader.ImageFormatException e) {
			throw new ImageReadException(source, e.getMessage());
		}
		if (header.pixelCount() > maxPixels) throw new ImageReadException(source, String.format(Locale.ROOT,
			"image is %dx%d = %s MP, above the limit of %s MP", header.width(), header.height(),
			megapixels(header.pixelCount()), megapixels(maxPixels)));
		return header;
	}

	private static String megapixels(final long pixels) {
		final double mp = pixels / 1e6;
		return mp >= 10 || mp == Math.rint(mp) ? String.format(Locale.ROOT, "%.0f", mp)
			: String.format(Locale.ROOT, "%.2f", mp);
	}

	private static byte[] readBytes(final Path file) throws ImageReadException {
		try {
			if (Files.isDirectory(file)) throw new ImageReadException(file.toString(), "is a folder, not a file");
			final long size = Files.size(file);
			if (size == 0) throw new ImageReadException(file.toString(), "empty file");
			if (size > Integer.MAX_VALUE - 16) throw new ImageReadException(file.toString(),
				"file is larger than 2 GB");
			return Files.readAllBytes(file);
		}
		catch (final NoSuchFileException e) {
			throw new ImageReadException(file.toString(), "no such file", e);
		}
		catch (final ImageReadException e) {
			throw e;
		}
		catch (final IOException e) {
			throw new ImageReadException(file.toString(), "cannot read the file (" + e + ")", e);
		}
	}

	/** Any decoded Mat (1-4 channels, any depth, BGR order) to 8-bit RGB. */
	private static RgbImage toRgb(final Mat decoded) {
		final List<Mat> planes = new ArrayList<>();
		final List<Mat> temps = new ArrayList<>();
		try {
			Core.split(decoded, planes);
			temps.addAll(planes);
			final int channels = planes.size();
			final boolean hasAlpha = channels == 2 || channels == 4;
			final int colorChannels = hasAlpha ? channels - 1 : channels;
			final Mat color = track(temps, new Mat());
			Core.merge(planes.subList(0, colorChannels), color);
			final Mat color8 = track(temps, to8Bit(color));
			final Mat rgb = track(temps, new Mat());
			Imgproc.cvtColor(color8, rgb, colorChannels == 1 ? Imgproc.COLOR_GRAY2RGB : Imgproc.COLOR_BGR2RGB);
			if (!hasAlpha) return OpenCv.toRgbImage(rgb);
			return OpenCv.toRgbImage(track(temps, overWhite(rgb, planes.get(channels - 1), temps)));
		}
		finally {
			for (final Mat m : temps) m.release();
		}
	}

	private static Mat track(final List<Mat> temps, final Mat m) {
		temps.add(m);
		return m;
	}

	/** 8-bit as is; deeper images scaled by their own min..max (see class Javadoc). */
	private static Mat to8Bit(final Mat color) {
		final Mat out = new Mat();
		final int depth = color.depth();
		if (depth == CvType.CV_8U) {
			color.copyTo(out);
			return out;
		}
		final Mat flat = color.reshape(1);
		final Core.MinMaxLocResult mm = Core.minMaxLoc(flat);
		flat.release();
		if (mm.maxVal > mm.minVal) {
			final double scale = 255.0 / (mm.maxVal - mm.minVal);
			color.convertTo(out, CvType.CV_8U, scale, -mm.minVal * scale);
		}
		else color.convertTo(out, CvType.CV_8U, 255.0 / fullScale(depth), 0);
		return out;
	}

	/** The value that means "fully on" for a depth: 255, 65535, 1.0 for floats. */
	private static double fullScale(final int depth) {
		switch (depth) {
			case CvType.CV_8U: return 255;
			case CvType.CV_16U: return 65535;
			case CvType.CV_8S: return 127;
			case CvType.CV_16S: return 32767;
			case CvType.CV_32S: return Integer.MAX_VALUE;
			default: return 1.0; // CV_32F, CV_64F, CV_16F
		}
	}

	/** out = 255 - (255 - rgb) * alpha, alpha normalised to 0..1 by its depth's full scale. */
	private static Mat overWhite(final Mat rgb8, final Mat alphaPlane, final List<Mat> temps) {
		final Mat alpha = track(temps, new Mat());
		alphaPlane.convertTo(alpha, CvType.CV_32F, 1.0 / fullScale(alphaPlane.depth()));
		Core.min(alpha, new Scalar(1), alpha);
		Core.max(alpha, new Scalar(0), alpha);
		final Mat alpha3 = track(temps, new Mat());
		final List<Mat> three = new ArrayList<>();
		three.add(alpha);
		three.add(alpha);
		three.add(alpha);
		Core.merge(three, alpha3);
		final Mat inverse = track(temps, new Mat());
		rgb8.convertTo(inverse, CvType.CV_32F, -1, 255); // 255 - rgb
		Core.multiply(inverse, alpha3, inverse);
		final Mat out = new Mat();
		inverse.convertTo(out, CvType.CV_8U, -1, 255); // 255 - (255 - rgb) * alpha, rounded
		return out;
	}
}
