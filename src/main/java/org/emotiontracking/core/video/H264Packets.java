package org.emotiontracking.core.video;

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

	/** Whether the packet holds slices and all of them are of a non-reference picture. */
	boolean nonReference(final BytePointer data, final int size) {
		if (data == null || data.isNull() || size <= 0) return false;
		final byte[] b = new byte[size];
		data.position(0).get(b, 0, size);
		return nonReference(b);
	}

	boolean nonReference(final byte[] b) {
		boolean slices = false;
		if (lengthSize > 0) {
			int i = 0;
			while (i + lengthSize < b.length) {
				long n = 0;
				for (int k = 0; k < lengthSize; k++) n = n << 8 | b[i + k] & 0xff;
				i += lengthSize;
				if (n <= 0 || i + n > b.length) return false; // not what it claims: decode it
				final int header = b[i] & 0xff;
				final int type = header & 0x1f;
				if (type == SLICE || type == IDR_SLICE) {
					if ((header & 0x60) != 0 || type == IDR_SLICE) return false;
					slices = true;
				}
				i += (int) n;
			}
			return slices;
		}
		for (int i = 0; i + 3 < b.length; i++) {
			if (b[i] != 0 || b[i + 1] != 0 || b[i + 2] != 1) continue;
			final int header = b[i + 3] & 0xff;
			final int type = header & 0x1f;
			if (type == SLICE || type == IDR_SLICE) {
				if ((header & 0x60) != 0 || type == IDR_SLICE) return false;
				slices = true;
			}
			i += 3;
		}
		return slices;
	}
}
