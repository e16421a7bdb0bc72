package org.emotiontracking.core.video;

import java.nio.ByteBuffer;

import org.bytedeco.javacpp.BytePointer;

/**
 * Reads the NAL unit headers of H.264 packets to tell whether a packet is a non-reference picture
 * (every slice has {@code nal_ref_idc} 0): no other picture is predicted from it, so a reader that
 * will not look at it may leave it out of the decoder altogether, and the pictures after it decode
 * exactly as before. Packets are length-prefixed (mp4, mov, mkv: the {@code avcC} record of the
 * stream's extradata gives the prefix size) or Annex B (start codes; raw .h264, MPEG-TS, some avi).
 */
final class H264Packets {

	private static final int SLICE = 1, IDR_SLICE = 5;

	/** Bytes of the NAL length prefix (1, 2 or 4), or 0 for start codes. */
	private final int lengthSize;

	private H264Packets(final int lengthSize) {
		this.lengthSize = lengthSize;
	}

	/** The packets of a stream with this extradata ({@code avcC} record, or none / Annex B). */
	static H264Packets of(final byte[] extradata) {
		if (extradata != null && extradata.length >= 7 && extradata[0] == 1) return new H264Packets((extradata[4] & 3)
			+ 1);
		return new H264Packets(0);
	}

	/** Whether the packet holds slices and all of them are of a non-reference picture (read in place). */
	boolean nonReference(final BytePointer data, final int size) {
		if (data == null || data.isNull() || size <= 0) return false;
		return nonReference(data.position(0).limit(size).asByteBuffer());
	}

	/** As {@link #nonReference(BytePointer, int)}, for the packet's bytes from 0 to the limit. */
	boolean nonReference(final ByteBuffer b) {
		final int length = b.limit();
		boolean slices = false;
		if (lengthSize > 0) {
			int i = 0;
			while (i + lengthSize < length) {
				long n = 0;
				for (int k = 0; k < lengthSize; k++) n = n << 8 | b.get(i + k) & 0xff;
				i += lengthSize;
				if (n <= 0 || i + n > length) return false; // not what it claims: decode it
				final int header = b.get(i) & 0xff;
				if (isSlice(header)) {
					if (isReference(header)) return false;
					slices = true;
				}
				i += (int) n;
			}
			return slices;
		}
		for (int i = 0; i + 3 < length; i++) {
			if (b.get(i) != 0 || b.get(i + 1) != 0 || b.get(i + 2) != 1) continue;
			final int header = b.get(i + 3) & 0xff;
			if (isSlice(header)) {
				if (isReference(header)) return false;
				slices = true;
			}
			i += 3;
		}
		return slices;
	}

	private static boolean isSlice(final int header) {
		final int type = header & 0x1f;
		return type == SLICE || type == IDR_SLICE;
	}

	/** nal_ref_idc above 0; an IDR slice is always a reference. */
	private static boolean isReference(final int header) {
		return (header & 0x60) != 0 || (header & 0x1f) == IDR_SLICE;
	}
}
