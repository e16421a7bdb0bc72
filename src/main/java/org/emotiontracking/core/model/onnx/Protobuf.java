package org.emotiontracking.core.model.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A minimal protocol-buffers encoder (the wire format of the protobuf language guide: varints,
 * 64-bit, length-delimited and 32-bit fields), enough to write ONNX messages without generated code.
 * A message is built field by field; a nested message is written into its own {@code Protobuf} and
 * added with {@link #message}.
 */
final class Protobuf {

	private static final int VARINT = 0, LENGTH_DELIMITED = 2, FIXED32 = 5;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	/** An int32, int64, enum or bool field (negative values as ten-byte two's complement, as protobuf does). */
	Protobuf varint(final int field, final long value) {
		tag(field, VARINT);
		writeVarint(value);
		return this;
	}

	Protobuf string(final int field, final String value) {
		return bytes(field, value.getBytes(StandardCharsets.UTF_8));
	}

	Protobuf bytes(final int field, final byte[] value) {
		tag(field, LENGTH_DELIMITED);
		writeVarint(value.length);
		out.write(value, 0, value.length);
		return this;
	}

	Protobuf message(final int field, final Protobuf message) {
		return bytes(field, message.toByteArray());
	}

	/** A float field (fixed 32-bit, little-endian). */
	Protobuf float32(final int field, final float value) {
		tag(field, FIXED32);
		final int bits = Float.floatToIntBits(value);
		for (int i = 0; i < 4; i++) out.write(bits >>> 8 * i & 0xff);
		return this;
	}

	/** A repeated int64 field, packed (one length-delimited run of varints). */
	Protobuf packedVarints(final int field, final long... values) {
		final Protobuf run = new Protobuf();
		for (final long v : values) run.writeVarint(v);
		return bytes(field, run.toByteArray());
	}

	/** A repeated float field, packed (one length-delimited run of little-endian floats). */
	Protobuf packedFloats(final int field, final float... values) {
		final ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
		b.asFloatBuffer().put(values);
		return bytes(field, b.array());
	}

	byte[] toByteArray() {
		return out.toByteArray();
	}

	private void tag(final int field, final int wireType) {
		writeVarint((long) field << 3 | wireType);
	}

	private void writeVarint(long v) {
		while ((v & ~0x7fL) != 0) {
			out.write((int) (v & 0x7f | 0x80));
			v >>>= 7;
		}
		out.write((int) v);
	}
}
