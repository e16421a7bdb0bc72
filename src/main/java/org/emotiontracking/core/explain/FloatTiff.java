package org.emotiontracking.core.explain;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.emotiontracking.core.util.AtomicFiles;

/**
 * Writes a one-channel 32-bit float image as a minimal baseline TIFF: little-endian, uncompressed, one
 * strip, SampleFormat = IEEE float. The ImageDescription carries ImageJ's "min=/max=" so ImageJ shows
 * a 0..1 map with the right display range. Written atomically (see {@link AtomicFiles}).
 */
public final class FloatTiff {

	private static final short SHORT = 3, LONG = 4, ASCII = 2;
	private static final int ENTRIES = 12;

	private FloatTiff() {}

	/**
	 * @param values width * height floats, row by row
	 * @param min display minimum recorded for ImageJ
	 * @param max display maximum recorded for ImageJ
	 */
	public static void write(final Path file, final int width, final int height, final float[] values, final double min,
		final double max, final boolean overwrite) throws IOException
	{
		if (width <= 0 || height <= 0) throw new IllegalArgumentException("Size must be positive: " + width + "x"
			+ height);
		if (values.length != width * height) throw new IllegalArgumentException("Expected " + width * height +
			" values, got " + values.length);
		if ((long) width * height * 4 > 0xFFFF_FFF0L - 4096) throw new IllegalArgumentException(
			"Image too large for a baseline TIFF: " + width + "x" + height);
		AtomicFiles.write(file, overwrite, out -> writeTo(out, width, height, values, min, max));
	}

	/** A 0..1 map, as Grad-CAM writes it. */
	public static void write(final Path file, final int width, final int height, final float[] values,
		final boolean overwrite) throws IOException
	{
		write(file, width, height, values, 0, 1, overwrite);
	}

	static void writeTo(final OutputStream out, final int width, final int height, final float[] values,
		final double min, final double max) throws IOException
	{
		final byte[] description = ("ImageJ=1.54p\nmin=" + min + "\nmax=" + max + "\n\0")
			.getBytes(StandardCharsets.US_ASCII);
		final int ifd = 8;
		final int descriptionAt = ifd + 2 + ENTRIES * 12 + 4;
		final int dataAt = (descriptionAt + description.length + 7) / 8 * 8;
		final long bytes = (long) width * height * 4;
		final ByteBuffer head = ByteBuffer.allocate(dataAt).order(ByteOrder.LITTLE_ENDIAN);
		head.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd);
		head.putShort((short) ENTRIES);
		entry(head, 256, LONG, 1, width); // ImageWidth
		entry(head, 257, LONG, 1, height); // ImageLength
		entry(head, 258, SHORT, 1, 32); // BitsPerSample
		entry(head, 259, SHORT, 1, 1); // Compression: none
		entry(head, 262, SHORT, 1, 1); // PhotometricInterpretation: BlackIsZero
		entry(head, 270, ASCII, description.length, descriptionAt); // ImageDescription
		entry(head, 273, LONG, 1, dataAt); // StripOffsets
		entry(head, 277, SHORT, 1, 1); // SamplesPerPixel
		entry(head, 278, LONG, 1, height); // RowsPerStrip
		entry(head, 279, LONG, 1, (int) bytes); // StripByteCounts
		entry(head, 284, SHORT, 1, 1); // PlanarConfiguration: chunky
		entry(head, 339, SHORT, 1, 3); // SampleFormat: IEEE floating point
		head.putInt(0); // no next IFD
		head.put(description);
		out.write(head.array());
		final ByteBuffer row = ByteBuffer.allocate(width * 4).order(ByteOrder.LITTLE_ENDIAN);
		for (int y = 0; y < height; y++) {
			row.clear();
			row.asFloatBuffer().put(values, y * width, width);
			out.write(row.array());
		}
	}

	private static void entry(final ByteBuffer b, final int tag, final short type, final int count, final int value) {
		b.putShort((short) tag).putShort(type).putInt(count);
		if (type == SHORT && count == 1) b.putShort((short) value).putShort((short) 0);
		else b.putInt(value);
	}
}
