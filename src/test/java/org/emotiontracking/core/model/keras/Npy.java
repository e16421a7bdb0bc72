package org.emotiontracking.core.model.keras;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Minimal NumPy .npy (format 1.0, little-endian, C order) reader and writer for tests. */
public final class Npy {

	/** An array read from a .npy file, values widened to double. */
	public static final class Array {
		public final int[] shape;
		public final double[] values;

		Array(final int[] shape, final double[] values) {
			this.shape = shape;
			this.values = values;
		}
	}

	private Npy() {}

	/** Writes float32 values of the given shape. */
	public static void writeFloat32(final Path file, final float[] values, final int... shape) throws IOException {
		final ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
		b.asFloatBuffer().put(values);
		write(file, "<f4", b.array(), values.length, shape);
	}

	/** Writes unsigned bytes (e.g. raw RGB 0..255 images [N,H,W,3]). */
	public static void writeUint8(final Path file, final byte[] values, final int... shape) throws IOException {
		write(file, "|u1", values, values.length, shape);
	}

	private static void write(final Path file, final String descr, final byte[] data, final int n, final int[] shape) throws IOException {
		long size = 1;
		final StringBuilder s = new StringBuilder("(");
		for (final int d : shape) {
			size *= d;
			s.append(d).append(", ");
		}
		if (size != n) throw new IllegalArgumentException("shape does not fit " + n + " values");
		if (shape.length > 1) s.setLength(s.length() - 1);
		if (shape.length > 1) s.setLength(s.length() - 1);
		s.append(')');
		final StringBuilder h = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + s + ", }");
		while ((10 + h.length() + 1) % 64 != 0) h.append(' ');
		h.append('\n');
		final byte[] header = h.toString().getBytes(StandardCharsets.US_ASCII);
		final ByteBuffer out = ByteBuffer.allocate(10 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
		out.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
		out.putShort((short) header.length).put(header).put(data);
		Files.write(file, out.array());
	}

	/** Reads a float32, float64 or uint8 array. */
	public static Array read(final Path file) throws IOException {
		final ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
		if (b.get(0) != (byte) 0x93 || b.get(1) != 'N') throw new IOException(file + " is not a .npy file");
		final int major = b.get(6);
		final int headerLen = major == 1 ? b.getShort(8) & 0xffff : b.getInt(8);
		final int start = major == 1 ? 10 : 12;
		final String header = new String(b.array(), start, headerLen, StandardCharsets.US_ASCII);
		final Matcher d = Pattern.compile("'descr':\\s*'([^']+)'").matcher(header);
		final Matcher s = Pattern.compile("'shape':\\s*\\(([^)]*)\\)").matcher(header);
		if (!d.find() || !s.find() || header.contains("'fortran_order': True")) throw new IOException("unsupported .npy header " + header);
		final String[] parts = s.group(1).trim().isEmpty() ? new String[0] : s.group(1).split(",");
		int count = 0;
		for (final String p : parts) if (!p.trim().isEmpty()) count++;
		final int[] shape = new int[count];
		int n = 1, k = 0;
		for (final String p : parts)
			if (!p.trim().isEmpty()) n *= shape[k++] = Integer.parseInt(p.trim());
		b.position(start + headerLen);
		final double[] v = new double[n];
		switch (d.group(1)) {
			case "<f8": for (int i = 0; i < n; i++) v[i] = b.getDouble(); break;
			case "<f4": for (int i = 0; i < n; i++) v[i] = b.getFloat(); break;
			case "|u1": for (int i = 0; i < n; i++) v[i] = b.get() & 0xff; break;
			default: throw new IOException("unsupported dtype " + d.group(1));
		}
		return new Array(shape, v);
	}
}
