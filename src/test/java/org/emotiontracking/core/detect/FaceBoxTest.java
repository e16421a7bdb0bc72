package org.emotiontracking.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class FaceBoxTest {

	@Test
	void geometry() {
		final FaceBox b = new FaceBox(10, 20, 30, 40, 5);
		assertEquals(1200, b.area());
		assertEquals(40, b.right());
		assertEquals(60, b.bottom());
		assertEquals(25.0, b.centerX());
		assertEquals(new FaceBox(10, 20, 30, 40, 5), b);
		assertNotEquals(new FaceBox(10, 20, 30, 40, 6), b);
		assertThrows(IllegalArgumentException.class, () -> new FaceBox(0, 0, 0, 5, 1));
	}

	@Test
	void widenGrowsEachSideAndClamps() {
		final FaceBox b = new FaceBox(50, 50, 100, 60, 1);
		assertEquals(new FaceBox(40, 44, 120, 72, 1), b.widen(0.1, 1000, 1000));
		assertEquals(new FaceBox(0, 20, 200, 110, 1), b.widen(0.5, 200, 130)); // clamped right/bottom, left at 0
		assertEquals(new FaceBox(60, 56, 80, 48, 1), b.widen(-0.1, 1000, 1000));
		assertThrows(IllegalArgumentException.class, () -> b.widen(0.1, 20, 20));
		assertEquals(new FaceBox(0, 0, 10, 10, 2), new FaceBox(-5, -5, 15, 15, 2).clampTo(10, 10));
		assertEquals(new FaceBox(20, 40, 60, 80, 1), new FaceBox(10, 20, 30, 40, 1).scale(2));
	}

	@Test
	void sortedLeftToRightThenTopToBottom() {
		final FaceBox a = new FaceBox(10, 50, 20, 20, 1);
		final FaceBox b = new FaceBox(10, 5, 20, 20, 1);
		final FaceBox c = new FaceBox(300, 0, 50, 50, 1);
		final FaceBox d = new FaceBox(100, 0, 90, 90, 1);
		assertEquals(Arrays.asList(b, a, d, c), Faces.sorted(Arrays.asList(c, a, d, b)));
	}

	@Test
	void largestOnly() {
		final FaceBox small = new FaceBox(0, 0, 10, 10, 9);
		final FaceBox big = new FaceBox(50, 0, 30, 30, 1);
		final List<FaceBox> one = Faces.largestOnly(Arrays.asList(small, big));
		assertEquals(Collections.singletonList(big), one);
		assertTrue(Faces.largestOnly(Collections.emptyList()).isEmpty());
		final FaceBox tieLeft = new FaceBox(0, 0, 30, 30, 1);
		assertEquals(tieLeft, Faces.largestOnly(Arrays.asList(big, tieLeft)).get(0));
	}
}
