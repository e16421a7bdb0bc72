package org.emotiontracking.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

class ImageDecoderTest {

	@TempDir
	Path dir;

	private final ImageDecoder decoder = new ImageDecoder();

	private Path write(final String name, final byte[] bytes) throws IOException {
		return Files.write(dir.resolve(name), bytes);
	}

	private String problemOf(final Path file) {
		final ImageReadException e = assertThrows(ImageReadException.class, () -> decoder.decode(file));
		assertTrue(e.getMessage().contains(file.toString()), "message names the file: " + e.getMessage());
		return e.problem();
	}

	@Test
	void decodesRealJpegInRgbOrder() throws Exception {
		final Path messi = TestImages.sample("messi5.jpg");
		final RgbImage img = decoder.decode(messi);
		assertEquals(548, img.width());
		assertEquals(342, img.height());
		final Mat bgr = Imgcodecs.imread(messi.toString());
		final byte[] px = new byte[3];
		bgr.get(100, 200, px);
		assertEquals(px[2] & 0xff, img.get(200, 100, 0)); // red
		assertEquals(px[0] & 0xff, img.get(200, 100, 2)); // blue
		bgr.release();
	}

	@Test
	void allFormatsAndUpperCaseExtensionsRoundTrip() throws Exception {
		final RgbImage pattern = TestImages.pattern(31, 17);
		for (final String name : new String[] { "a.PNG", "b.tif", "c.TIFF", "d.bmp", "e.Bmp" }) {
			final RgbImage back = decoder.decode(TestImages.write(pattern, dir.resolve(name)));
			assertArrayEquals(pattern.pixels(), back.pixels(), name + " is lossless");
		}
		final RgbImage jpeg = decoder.decode(TestImages.write(pattern, dir.resolve("f.JPEG")));
		assertEquals(31, jpeg.width());
		assertTrue(Math.abs(jpeg.get(20, 5, 0) - pattern.get(20, 5, 0)) < 20);
	}

	@Test
	void grayscaleIsReplicated() throws Exception {
		final Mat gray = new Mat(4, 6, CvType.CV_8UC1, new Scalar(77));
		gray.put(1, 2, 200);
		for (final String ext : new String[] { ".png", ".jpg", ".tif", ".bmp" }) {
			final RgbImage img = decoder.decode(write("gray" + ext, TestImages.encode(gray, ext)));
			assertEquals(6, img.width());
			for (int c = 0; c < 3; c++) assertEquals(img.get(2, 1, 0), img.get(2, 1, c), ext);
			if (!ext.equals(".jpg")) {
				assertEquals(200, img.get(2, 1, 1), ext);
				assertEquals(77, img.get(0, 0, 2), ext);
			}
		}
		gray.release();
	}

	@Test
	void sixteenBitIsScaledByItsOwnMinMax() throws Exception {
		final Mat m = new Mat(2, 3, CvType.CV_16UC1);
		m.put(0, 0, new short[] { 1000, 2000, 3000, 1000, 1000, 2000 });
		for (final String ext : new String[] { ".png", ".tif" }) {
			final RgbImage img = decoder.decode(write("deep" + ext, TestImages.encode(m, ext)));
			assertEquals(0, img.get(0, 0, 0), ext);
			assertEquals(127.5, img.get(1, 0, 1), 1, ext); // 2000 is mid-way
			assertEquals(255, img.get(2, 0, 2), ext);
		}
		final Mat color = new Mat(1, 2, CvType.CV_16UC3);
		color.put(0, 0, new short[] { 500, 600, 700, (short) 60000, 500, 500 }); // BGR
		final RgbImage c = decoder.decode(write("deepColor.png", TestImages.encode(color, ".png")));
		assertEquals(0, c.get(0, 0, 2)); // blue 500 = min
		assertEquals(255, c.get(1, 0, 2)); // blue 60000 = max
		final Mat constant = new Mat(2, 2, CvType.CV_16UC1, new Scalar(65535));
		assertEquals(255, decoder.decode(write("white16.png", TestImages.encode(constant, ".png"))).get(1, 1, 0));
		m.release();
		color.release();
		constant.release();
	}

	@Test
	void alphaIsCompositedOverWhite() throws Exception {
		final Mat bgra = new Mat(1, 3, CvType.CV_8UC4);
		bgra.put(0, 0, new byte[] { 0, 0, (byte) 200, (byte) 255, 0, 0, (byte) 200, 0, 0, 0, (byte) 200, (byte) 128 });
		final RgbImage img = decoder.decode(write("alpha.png", TestImages.encode(bgra, ".png")));
		assertEquals(200, img.get(0, 0, 0)); // opaque red stays
		assertEquals(0, img.get(0, 0, 1));
		assertEquals(255, img.get(1, 0, 0)); // transparent: white
		assertEquals(255, img.get(1, 0, 1));
		assertEquals(Math.round(255 - 55 * 128 / 255.0), img.get(2, 0, 0), 1); // half: blend
		assertEquals(Math.round(255 - 255 * 128 / 255.0), img.get(2, 0, 1), 1);
		bgra.release();
	}

	@Test
	void onePixelImages() throws Exception {
		final Mat one = new Mat(1, 1, CvType.CV_8UC3, new Scalar(10, 20, 30));
		for (final String ext : new String[] { ".png", ".jpg", ".tif", ".bmp" }) {
			final RgbImage img = decoder.decode(write("one" + ext, TestImages.encode(one, ext)));
			assertEquals(1, img.width());
			assertEquals(1, img.height());
			assertEquals(30, img.get(0, 0, 0), 3);
			assertEquals(10, img.get(0, 0, 2), 3);
		}
		one.release();
	}

	@Test
	void nonAsciiFileNames() throws Exception {
		assumeTrue("UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")), "file system names are not UTF-8");
		final Path sub = Files.createDirectories(dir.resolve("Gesichter ü"));
		final Path file = TestImages.write(TestImages.pattern(8, 8), sub.resolve("表情 fröhlich 😀.png"));
		assertEquals(8, decoder.decode(file).width());
		final Path copy = Files.copy(TestImages.sample("messi5.jpg"), sub.resolve("Мессі.JPG"));
		assertEquals(548, decoder.decode(copy).width());
	}

	@Test
	void emptyFile() throws Exception {
		assertEquals("empty file", problemOf(write("empty.jpg", new byte[0])));
	}

	@Test
	void textFileIsNotAnImage() throws Exception {
		final String problem = problemOf(write("notes.png", "just some text\n".getBytes(StandardCharsets.UTF_8)));
		assertTrue(problem.startsWith("not an image"), problem);
	}

	@Test
	void missingFileAndFolder() {
		assertEquals("no such file", problemOf(dir.resolve("missing.png")));
		assertTrue(problemOf(dir).contains("folder"));
	}

	@Test
	void truncatedJpegIsDetected() throws Exception {
		final byte[] full = Files.readAllBytes(TestImages.sample("messi5.jpg"));
		for (final double fraction : new double[] { 0.9, 0.5, 0.05 }) {
			final String problem = problemOf(write("cut" + fraction + ".jpg", Arrays.copyOf(full, (int) (full.length * fraction))));
			assertTrue(problem.contains("truncated"), problem);
		}
		assertTrue(problemOf(write("tiny.jpg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })).contains("truncated"));
	}

	@Test
	void truncatedPngTiffBmpAreDetected() throws Exception {
		final RgbImage pattern = TestImages.pattern(64, 48);
		for (final String ext : new String[] { "png", "tif", "bmp" }) {
			final byte[] full = Files.readAllBytes(TestImages.write(pattern, dir.resolve("full." + ext)));
			final String problem = problemOf(write("cut." + ext, Arrays.copyOf(full, full.length * 2 / 3)));
			assertTrue(problem.contains("truncated"), ext + ": " + problem);
			final String headerOnly = problemOf(write("head." + ext, Arrays.copyOf(full, 10)));
			assertTrue(headerOnly.contains("truncated"), ext + ": " + headerOnly);
		}
	}

	@Test
	void corruptPngDataIsDetected() throws Exception {
		final byte[] png = Files.readAllBytes(TestImages.write(TestImages.pattern(64, 48), dir.resolve("ok.png")));
		final byte[] bad = png.clone();
		for (int i = 60; i < bad.length - 40; i++) bad[i] = (byte) (i * 7);
		final String problem = problemOf(write("bad.png", bad));
		assertTrue(problem.contains("corrupt"), problem);
	}

	@Test
	void decompressionBombIsRefusedBeforeDecoding() throws Exception {
		final Path bomb = write("bomb.png", pngHeaderOnly(100_000, 100_000));
		final long start = System.nanoTime();
		final String problem = problemOf(bomb);
		final long ms = (System.nanoTime() - start) / 1_000_000;
		assertEquals("image is 100000x100000 = 10000 MP, above the limit of 100 MP", problem);
		assertTrue(ms < 500, "refused in " + ms + " ms");
	}

	@Test
	void pixelLimitIsConfigurable() throws Exception {
		final Path file = TestImages.write(TestImages.pattern(40, 30), dir.resolve("p.png"));
		final ImageReadException e = assertThrows(ImageReadException.class, () -> new ImageDecoder(1000).decode(file));
		assertTrue(e.problem().contains("40x30"), e.problem());
		assertEquals(40, new ImageDecoder(1200).decode(file).width());
		assertEquals(30, decoder.readHeader(file).height());
	}

	@Test
	void headerSizesOfAllFormats() throws Exception {
		final RgbImage pattern = TestImages.pattern(33, 21);
		for (final String ext : new String[] { "png", "jpg", "tif", "bmp" }) {
			final ImageHeader h = ImageHeader.read(Files.readAllBytes(TestImages.write(pattern, dir.resolve("h." + ext))));
			assertEquals(33, h.width(), ext);
			assertEquals(21, h.height(), ext);
		}
	}

	/** A valid PNG signature + IHDR (8-bit RGB) claiming the size, a tiny IDAT and IEND. */
	static byte[] pngHeaderOnly(final int width, final int height) throws IOException {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		final DataOutputStream out = new DataOutputStream(bytes);
		out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
		final ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
		final DataOutputStream h = new DataOutputStream(ihdr);
		h.writeInt(width);
		h.writeInt(height);
		h.write(new byte[] { 8, 2, 0, 0, 0 });
		chunk(out, "IHDR", ihdr.toByteArray());
		chunk(out, "IDAT", new byte[] { 0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01 });
		chunk(out, "IEND", new byte[0]);
		return bytes.toByteArray();
	}

	private static void chunk(final DataOutputStream out, final String type, final byte[] data) throws IOException {
		out.writeInt(data.length);
		final byte[] t = type.getBytes(StandardCharsets.US_ASCII);
		out.write(t);
		out.write(data);
		final CRC32 crc = new CRC32();
		crc.update(t);
		crc.update(data);
		out.writeInt((int) crc.getValue());
	}
}
