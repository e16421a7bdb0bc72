package org.emotiontracking.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class StratifiedSplitTest {

	/** Class c has counts[c] samples. */
	private static List<Sample> samples(final int... counts) {
		final List<Sample> list = new ArrayList<>();
		for (int c = 0; c < counts.length; c++)
			for (int i = 0; i < counts[c]; i++) list.add(new Sample(Paths.get("data", "class" + c, String.format("%04d.png", i)), c));
		return list;
	}

	private static int count(final List<Sample> list, final int classIndex) {
		return (int) list.stream().filter(s -> s.classIndex() == classIndex).count();
	}

	@Test
	void eachClassIsSplitByTheFraction() {
		final List<Sample> all = samples(100, 10, 2, 3, 1);
		final StratifiedSplit split = StratifiedSplit.of(all, 0.2, 42);
		assertEquals(20, count(split.validation(), 0));
		assertEquals(2, count(split.validation(), 1));
		assertEquals(1, count(split.validation(), 2)); // at least one
		assertEquals(1, count(split.validation(), 3));
		assertEquals(0, count(split.validation(), 4)); // a single image stays in training
		assertEquals(all.size(), split.training().size() + split.validation().size());
		final Set<Sample> union = new HashSet<>(split.training());
		union.addAll(split.validation());
		assertEquals(new HashSet<>(all), union);
		final Set<Sample> overlap = new HashSet<>(split.training());
		overlap.retainAll(split.validation());
		assertTrue(overlap.isEmpty());
	}

	@Test
	void reproducibleAndIndependentOfListingOrder() {
		final List<Sample> all = samples(50, 30, 7);
		final StratifiedSplit a = StratifiedSplit.of(all, 0.2, 7);
		final List<Sample> shuffled = new ArrayList<>(all);
		Collections.shuffle(shuffled, new Random(1));
		final StratifiedSplit b = StratifiedSplit.of(shuffled, 0.2, 7);
		assertEquals(a.validation(), b.validation());
		assertEquals(a.training(), b.training());
		final StratifiedSplit c = StratifiedSplit.of(all, 0.2, 8);
		assertNotEquals(a.validation(), c.validation());
	}

	@Test
	void defaultFractionAndEdgeCases() {
		assertEquals(StratifiedSplit.of(samples(10), 0.2, 3).validation(), StratifiedSplit.of(samples(10), 3).validation());
		assertEquals(0, StratifiedSplit.of(samples(10, 10), 0, 3).validation().size());
		assertEquals(1, StratifiedSplit.validationCount(2, 0.9)); // training keeps one
		assertThrows(IllegalArgumentException.class, () -> StratifiedSplit.of(samples(3), 1.0, 1));
		assertThrows(IllegalArgumentException.class, () -> StratifiedSplit.of(samples(3), -0.1, 1));
		final Path first = StratifiedSplit.of(samples(5), 0.2, 1).training().get(0).path();
		assertTrue(first.toString().contains("class0"));
	}
}
