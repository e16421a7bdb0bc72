package org.emotiontracking.imagej;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.LUT;
import ij.process.ShortProcessor;

import java.awt.Color;
import java.util.Arrays;
import java.util.List;

import org.emotiontracking.core.data.RgbImage;
import org.junit.jupiter.api.Test;

/** RgbImage to and from ImagePlus, as ImageJ displays images. */
class ImagePlusConversionTest {

	@Test
	void rgbRoundTrip() {
		final RgbImage a = RgbImage.blank(3, 2);
		a.set(0, 0, 255, 0, 0);
		a.set(2, 1, 1, 2, 3);
		a.set(1, 0, 200, 100, 50);
		final ImagePlus imp = ImagePlusConversion.toImagePlus("a", a);
		assertEquals(ImagePlus.COLOR_RGB, imp.getType());
		assertEquals(0xffc86432, imp.getProcessor().getPixel(1, 0) | 0xff000000);
		assertArrayEquals(a.pixels(), ImagePlusConversion.toRgb(imp).pixels());
		assertArrayEquals(a.pixels(), ImagePlusConversion.toRgbPlanes(imp).get(0).pixels());
	}

	@Test
	void stackGivesOneImagePerSlice() {
		final RgbImage a = RgbImage.blank(4, 4), b = RgbImage.blank(4, 4);
		b.set(1, 1, 9, 8, 7);
		final ImagePlus imp = ImagePlusConversion.toImagePlus("s", Arrays.asList(a, b));
		assertEquals(2, imp.getStackSize());
		final List<RgbImage> planes = ImagePlusConversion.toRgbPlanes(imp);
		assertEquals(2, planes.size());
		assertEquals(9, planes.get(1).get(1, 1, 0));
		imp.setSlice(2);
		assertEquals(7, ImagePlusConversion.toRgb(imp).get(1, 1, 2));
		assertThrows(IllegalArgumentException.class, () -> ImagePlusConversion.toImagePlus("x", Arrays.asList(a, RgbImage
			.blank(2, 2))));
		assertThrows(IllegalArgumentException.class, () -> ImagePlusConversion.toRgb(imp, 3));
	}

	@Test
	void grayThroughDisplayRangeAndLut() {
		final ByteProcessor bp = new ByteProcessor(2, 1, new byte[] { 0, (byte) 200 });
		final RgbImage gray8 = ImagePlusConversion.toRgb(new ImagePlus("8", bp));
		assertEquals(200, gray8.get(1, 0, 0));
		assertEquals(200, gray8.get(1, 0, 2));

		final ImagePlus inverted = new ImagePlus("inv", new ByteProcessor(2, 1, new byte[] { 0, (byte) 200 }));
		inverted.getProcessor().invertLut();
		assertEquals(255, ImagePlusConversion.toRgb(inverted).get(0, 0, 1));

		final ImagePlus s16 = new ImagePlus("16", new ShortProcessor(3, 1, new short[] { 1000, 2000, 3000 }, null));
		s16.setDisplayRange(1000, 3000);
		final RgbImage c16 = ImagePlusConversion.toRgb(s16);
		assertEquals(0, c16.get(0, 0, 0));
		assertEquals(255, c16.get(2, 0, 1));
		assertEquals(128, c16.get(1, 0, 2), 1);

		final ImagePlus f32 = new ImagePlus("32", new FloatProcessor(2, 1, new float[] { -1f, 1f }));
		f32.setDisplayRange(-1, 1);
		assertEquals(0, ImagePlusConversion.toRgb(f32).get(0, 0, 0));
		assertEquals(255, ImagePlusConversion.toRgb(f32).get(1, 0, 0));

		final ImageStack st = new ImageStack(1, 1);
		st.addSlice(new ShortProcessor(1, 1, new short[] { 10 }, null));
		st.addSlice(new ShortProcessor(1, 1, new short[] { 20 }, null));
		final ImagePlus stack16 = new ImagePlus("st", st);
		stack16.setDisplayRange(10, 20);
		assertEquals(0, ImagePlusConversion.toRgb(stack16, 1).get(0, 0, 0));
		// ImageJ's own 16-to-8-bit scaling, 256/(max-min+1): 20 -> 233
		assertEquals(233, ImagePlusConversion.toRgb(stack16, 2).get(0, 0, 0), "every slice uses the image's range");
	}

	@Test
	void channelsAreMergedPerPosition() {
		final ImageStack st = new ImageStack(1, 1);
		for (int t = 0; t < 2; t++) {
			st.addSlice(new ByteProcessor(1, 1, new byte[] { (byte) (t == 0 ? 255 : 0) }));
			st.addSlice(new ByteProcessor(1, 1, new byte[] { (byte) 128 }));
		}
		final ImagePlus imp = new ImagePlus("c", st);
		imp.setDimensions(2, 1, 2);
		final CompositeImage ci = new CompositeImage(imp, CompositeImage.COMPOSITE);
		ci.setChannelLut(LUT.createLutFromColor(Color.RED), 1);
		ci.setChannelLut(LUT.createLutFromColor(Color.GREEN), 2);
		assertEquals(2, ImagePlusConversion.planeCount(ci));
		final List<RgbImage> planes = ImagePlusConversion.toRgbPlanes(ci);
		assertEquals(2, planes.size());
		assertArrayEquals(new int[] { 255, 128, 0 }, rgb(planes.get(0)));
		assertArrayEquals(new int[] { 0, 128, 0 }, rgb(planes.get(1)));
		assertEquals(2, ImagePlusConversion.planeOf(ci, 3));
	}

	private static int[] rgb(final RgbImage image) {
		return new int[] { image.get(0, 0, 0), image.get(0, 0, 1), image.get(0, 0, 2) };
	}
}
