package org.emotiontracking.core.data;

/**
 * Structural checks that an encoded image is not cut short. Needed because OpenCV decodes a
 * truncated JPEG without complaint, filling the missing part with gray.
 */
final class Completeness {

	private Completeness() {}

	/** Null if the bytes look complete for their format, else the problem, e.g. "truncated JPEG ...". */
	static String problem(final ImageHeader header, final byte[] b) {
		switch (header.format()) {
			case JPEG: return jpeg(b);
			case PNG: return png(b);
			case BMP: return bmp(header, b);
			default: return null; // TIFF: libtiff reports missing strips itself
		}
	}

	/** The end-of-image marker FF D9 must follow the first start-of-scan segment. */
	private static String jpeg(final byte[] b) {
		int p = 2;
		while (p + 4 <= b.length) {
			while (p < b.length && (b[p] & 0xff) == 0xFF) p++;
			if (p >= b.length) break;
			final int marker = b[p++] & 0xff;
			if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD8) continue;
			if (p + 2 > b.length) break;
			final int length = (b[p] & 0xff) << 8 | b[p + 1] & 0xff;
			p += length;
			if (marker == 0xDA) {
				// entropy-coded data: a real FF is stuffed as FF 00, so FF D9 is the marker
				for (int i = p; i + 1 < b.length; i++)
					if ((b[i] & 0xff) == 0xFF && (b[i + 1] & 0xff) == 0xD9) return null;
				break;
			}
		}
		return "truncated JPEG (no end-of-image marker)";
	}

	/** Walks the chunks: the IEND chunk must be reached inside the file. */
	private static String png(final byte[] b) {
		long p = 8;
		while (p + 8 <= b.length) {
			final long length = ((long) (b[(int) p] & 0xff) << 24) | (b[(int) p + 1] & 0xff) << 16 | (b[(int) p
				+ 2] & 0xff) << 8 | b[(int) p + 3] & 0xff;
			final boolean iend = b[(int) p + 4] == 'I' && b[(int) p + 5] == 'E' && b[(int) p + 6] == 'N'
				&& b[(int) p + 7] == 'D';
			if (iend) return null;
			p += 12 + length;
		}
		return "truncated PNG (no IEND chunk)";
	}

	/** Uncompressed bitmaps must hold all their rows. */
	private static String bmp(final ImageHeader header, final byte[] b) {
		if (b.length < 30) return "truncated BMP (header cut off)";
		final long dibSize = le32(b, 14);
		final int bitCount = dibSize == 12 ? le16(b, 24) : le16(b, 28);
		final long compression = dibSize == 12 || b.length < 34 ? 0 : le32(b, 30);
		if (compression != 0 && compression != 3) return null; // RLE: the decoder checks
		final long offset = le32(b, 10);
		final long stride = ((long) bitCount * header.width() + 31) / 32 * 4;
		final long needed = offset + stride * header.height();
		return b.length < needed ? "truncated BMP (" + b.length + " bytes, the pixels need " + needed + ")" : null;
	}

	private static int le16(final byte[] b, final int p) { return (b[p + 1] & 0xff) << 8 | b[p] & 0xff; }

	private static long le32(final byte[] b, final int p) { return (long) le16(b, p + 2) << 16 | le16(b, p); }
}
