package org.emotiontracking.core.data;

/**
 * Format and size of an encoded image, read from its first bytes without decoding any pixels.
 * <p>
 * The format is recognised from the content (magic numbers), not from the file name. Knows
 * JPEG, PNG, TIFF (classic and BigTIFF, first image) and BMP. This is what lets
 * {@link ImageDecoder} refuse a decompression bomb before allocating memory for it.
 */
public final class ImageHeader {

	/** Encoded image formats the decoder accepts. */
	public enum Format { JPEG, PNG, TIFF, BMP }

	private final Format format;
	private final int width;
	private final int height;

	private ImageHeader(final Format format, final long width, final long height) throws ImageFormatException {
		if (width <= 0 || height <= 0) throw new ImageFormatException("corrupt " + format + " header: image size "
			+ width + "x" + height);
		if (width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) throw new ImageFormatException(
			"corrupt " + format + " header: image size " + width + "x" + height + " is too large");
		this.format = format;
		this.width = (int) width;
		this.height = (int) height;
	}

	public Format format() { return format; }

	public int width() { return width; }

	public int height() { return height; }

	/** width * height, as a long (no overflow). */
	public long pixelCount() { return (long) width * height; }

	@Override
	public String toString() { return format + " " + width + "x" + height; }

	/** The problem found in the bytes, without the file name (the decoder adds it). */
	public static final class ImageFormatException extends Exception {
		private static final long serialVersionUID = 1L;

		public ImageFormatException(final String message) { super(message); }
	}

	/**
	 * Reads the header of an encoded image.
	 *
	 * @param bytes the file's bytes (only the header part is looked at, but for JPEG and TIFF
	 *          that part can be anywhere in the file)
	 * @throws ImageFormatException "empty file", "not an image ...", "truncated ..." or
	 *           "corrupt ..." if no size can be read
	 */
	public static ImageHeader read(final byte[] bytes) throws ImageFormatException {
		if (bytes.length == 0) throw new ImageFormatException("empty file");
		if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return png(bytes);
		if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) return jpeg(bytes);
		if (startsWith(bytes, 'I', 'I', 42, 0) || startsWith(bytes, 'M', 'M', 0, 42) ||
			startsWith(bytes, 'I', 'I', 43, 0) || startsWith(bytes, 'M', 'M', 0, 43)) return tiff(bytes);
		if (startsWith(bytes, 'B', 'M')) return bmp(bytes);
		throw new ImageFormatException("not an image (content is not JPEG, PNG, TIFF or BMP)");
	}

	private static ImageHeader png(final byte[] b) throws ImageFormatException {
		if (b.length < 24) throw new ImageFormatException("truncated PNG (" + b.length + " bytes, no header)");
		if (!(b[12] == 'I' && b[13] == 'H' && b[14] == 'D' && b[15] == 'R')) throw new ImageFormatException(
			"corrupt PNG: first chunk is not IHDR");
		return new ImageHeader(Format.PNG, u32be(b, 16), u32be(b, 20));
	}

	private static ImageHeader jpeg(final byte[] b) throws ImageFormatException {
		int p = 2;
		while (true) {
			if (p >= b.length) throw new ImageFormatException("truncated JPEG (no frame header)");
			if ((b[p] & 0xff) != 0xFF) throw new ImageFormatException("corrupt JPEG: no marker at byte " + p);
			while (p < b.length && (b[p] & 0xff) == 0xFF) p++; // fill bytes
			if (p >= b.length) throw new ImageFormatException("truncated JPEG (no frame header)");
			final int marker = b[p++] & 0xff;
			if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD8) continue; // no length
			if (marker == 0xD9 || marker == 0xDA) throw new ImageFormatException(
				"corrupt JPEG: no frame header before the image data");
			if (p + 2 > b.length) throw new ImageFormatException("truncated JPEG (no frame header)");
			final int length = u16be(b, p);
			if (length < 2) throw new ImageFormatException("corrupt JPEG: segment length " + length);
			final boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
			if (sof) {
				if (p + 7 > b.length) throw new ImageFormatException("truncated JPEG (frame header cut off)");
				return new ImageHeader(Format.JPEG, u16be(b, p + 5), u16be(b, p + 3));
			}
			p += length;
		}
	}

	private static ImageHeader bmp(final byte[] b) throws ImageFormatException {
		if (b.length < 18) throw new ImageFormatException("truncated BMP (header cut off)");
		final long dibSize = u32le(b, 14);
		final long width;
		final long height;
		if (dibSize == 12) {
			if (b.length < 22) throw new ImageFormatException("truncated BMP (header cut off)");
			width = u16le(b, 18);
			height = u16le(b, 20);
		}
		else {
			if (dibSize < 40) throw new ImageFormatException("corrupt BMP: header size " + dibSize);
			if (b.length < 26) throw new ImageFormatException("truncated BMP (header cut off)");
			width = (int) u32le(b, 18); // signed
			height = Math.abs((long) (int) u32le(b, 22)); // negative = top-down
		}
		return new ImageHeader(Format.BMP, width, height);
	}

	private static ImageHeader tiff(final byte[] b) throws ImageFormatException {
		final boolean le = b[0] == 'I';
		final boolean big = (le ? b[2] : b[3]) == 43;
		final Bytes in = new Bytes(b, le);
		try {
			final long ifd = big ? in.u64(8) : in.u32(4);
			final long count = big ? in.u64(ifd) : in.u16(ifd);
			final long first = ifd + (big ? 8 : 2);
			final int entrySize = big ? 20 : 12;
			long width = -1;
			long height = -1;
			for (long i = 0; i < count; i++) {
				final long e = first + i * entrySize;
				final int tag = in.u16(e);
				if (tag != 256 && tag != 257) continue;
				final int type = in.u16(e + 2);
				final long valueAt = e + (big ? 12 : 8);
				final long value;
				if (type == 3) value = in.u16(valueAt);
				else if (type == 4) value = in.u32(valueAt);
				else if (type == 16) value = in.u64(valueAt);
				else throw new ImageFormatException("corrupt TIFF: size tag " + tag + " has type " + type);
				if (tag == 256) width = value;
				else height = value;
			}
			if (width < 0 || height < 0) throw new ImageFormatException("corrupt TIFF: no image width/height tags");
			return new ImageHeader(Format.TIFF, width, height);
		}
		catch (final IndexOutOfBoundsException e) {
			throw new ImageFormatException("truncated TIFF (directory cut off)");
		}
	}

	private static boolean startsWith(final byte[] b, final int... magic) {
		if (b.length < magic.length) return false;
		for (int i = 0; i < magic.length; i++)
			if ((b[i] & 0xff) != magic[i]) return false;
		return true;
	}

	private static int u16be(final byte[] b, final int p) { return (b[p] & 0xff) << 8 | b[p + 1] & 0xff; }

	private static int u16le(final byte[] b, final int p) { return (b[p + 1] & 0xff) << 8 | b[p] & 0xff; }

	private static long u32be(final byte[] b, final int p) { return (long) u16be(b, p) << 16 | u16be(b, p + 2); }

	private static long u32le(final byte[] b, final int p) { return (long) u16le(b, p + 2) << 16 | u16le(b, p); }

	/** Bounds-checked reads at long offsets in either byte order. */
	private static final class Bytes {
		private final byte[] b;
		private final boolean le;

		Bytes(final byte[] b, final boolean le) { this.b = b; this.le = le; }

		private int at(final long p, final int n) {
			if (p < 0 || p + n > b.length) throw new IndexOutOfBoundsException();
			return (int) p;
		}

		int u16(final long p) { final int i = at(p, 2); return le ? u16le(b, i) : u16be(b, i); }

		long u32(final long p) { final int i = at(p, 4); return le ? u32le(b, i) : u32be(b, i); }

		long u64(final long p) {
			final int i = at(p, 8);
			final long lo = le ? u32le(b, i) : u32be(b, i + 4);
			final long hi = le ? u32le(b, i + 4) : u32be(b, i);
			if (hi != 0) throw new IndexOutOfBoundsException(); // beyond any file we can hold
			return lo;
		}
	}
}
