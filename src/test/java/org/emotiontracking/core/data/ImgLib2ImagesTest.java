package org.emotiontracking.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.Test;

class ImgLib2ImagesTest {

	@Test
	void argbPixelsLandAtTheirPlace() {
		final Img<ARGBType> img = ArrayImgs.argbs(new int[] { 0xff102030, 0xff405060, 0x00708090, 0xffa0b0c0, 0xff000000,
			0xffffffff }, 3, 2);
		final RgbImage rgb = ImgLib2Images.fromArgb(img);
		assertEquals(3, rgb.width());
		assertEquals(2, rgb.height());
		assertEquals(0x70, rgb.get(2, 0, 0));
		assertEquals(0x90, rgb.get(2, 0, 2));
		assertEquals(0xb0, rgb.get(0, 1, 1));
		assertEquals(255, rgb.get(2, 1, 2));
	}

	@Test
	void eightBitGrayIsTakenAsItIsAndReplicated() {
		final Img<UnsignedByteType> img = ArrayImgs.unsignedBytes(new byte[] { 0, 7, (byte) 200, (byte) 255 }, 2, 2);
		final RgbImage rgb = ImgLib2Images.fromReal(img);
		assertArrayEquals(new byte[] { 0, 0, 0, 7, 7, 7, (byte) 200, (byte) 200, (byte) 200, (byte) 255, (byte) 255,
			(byte) 255 }, rgb.pixels());
	}

	@Test
	void sixteenBitChannelsAreStretchedOverTheirJointRange() {
		// (x, y, c) = 2 x 1 x 3: pixel 0 = (1000, 2000, 3000), pixel 1 = (1000, 1000, 1000)
		final Img<UnsignedShortType> img = ArrayImgs.unsignedShorts(new short[] { 1000, 1000, 2000, 1000, 3000, 1000 }, 2, 1,
			3);
		final RgbImage rgb = ImgLib2Images.fromReal(img);
		assertArrayEquals(new int[] { 0, 128, 255, 0, 0, 0 }, new int[] { rgb.get(0, 0, 0), rgb.get(0, 0, 1), rgb.get(0, 0,
			2), rgb.get(1, 0, 0), rgb.get(1, 0, 1), rgb.get(1, 0, 2) });
	}

	@Test
	void aConstantFloatImageKeepsItsValueAndOffsetIntervalsWork() {
		final Img<FloatType> img = ArrayImgs.floats(new float[] { 0.5f, 0.5f, 0.5f, 0.5f }, 2, 2);
		final RgbImage rgb = ImgLib2Images.fromReal(Views.translate(img, 10, -4));
		assertEquals(128, rgb.get(1, 1, 0));
		assertEquals(2, rgb.width());
	}

	@Test
	void otherLayoutsAreRefusedWithTheirDimensions() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImgLib2Images.fromReal(
			ArrayImgs.floats(4, 4, 2)));
		assertTrue(e.getMessage().contains("[4, 4, 2]"), e.getMessage());
	}
}
