package org.emotiontracking.core.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * A reproducible, stratified split of samples into training and validation sets.
 * <p>
 * Each class is split on its own: its samples are sorted by path (so the file system's listing
 * order does not matter), shuffled with a generator seeded from (seed, class index), and the
 * first {@code round(n * fraction)} go to validation, at least one when the class has two or
 * more images and at most n - 1 (so training keeps one). Same samples + seed + fraction give
 * the same split. A fraction of 0 puts everything in training.
 */
public final class StratifiedSplit {

	/** The notebook's {@code validation_split}. */
	public static final double DEFAULT_VALIDATION_FRACTION = 0.2;

	private final List<Sample> training;
	private final List<Sample> validation;

	private StratifiedSplit(final List<Sample> training, final List<Sample> validation) {
		this.training = Collections.unmodifiableList(training);
		this.validation = Collections.unmodifiableList(validation);
	}

	/** Splits with the default fraction of {@value #DEFAULT_VALIDATION_FRACTION}. */
	public static StratifiedSplit of(final List<Sample> samples, final long seed) {
		return of(samples, DEFAULT_VALIDATION_FRACTION, seed);
	}

	/**
	 * @param samples the whole dataset, in any order
	 * @param validationFraction in [0, 1)
	 * @param seed any value; the same seed gives the same split
	 */
	public static StratifiedSplit of(final List<Sample> samples, final double validationFraction, final long seed) {
		if (!(validationFraction >= 0 && validationFraction < 1)) throw new IllegalArgumentException(
			"Validation fraction must be in [0, 1): " + validationFraction);
		final Map<Integer, List<Sample>> byClass = new TreeMap<>();
		for (final Sample s : samples)
			byClass.computeIfAbsent(s.classIndex(), c -> new ArrayList<>()).add(s);
		final Comparator<Sample> byPath = Comparator.comparing(s -> s.path().toString());
		final List<Sample> training = new ArrayList<>();
		final List<Sample> validation = new ArrayList<>();
		for (final Map.Entry<Integer, List<Sample>> e : byClass.entrySet()) {
			final List<Sample> list = e.getValue();
			list.sort(byPath);
			final int n = list.size();
			final int nVal = validationCount(n, validationFraction);
			final List<Sample> shuffled = new ArrayList<>(list);
			Collections.shuffle(shuffled, new Random(Seeds.mix(seed, e.getKey())));
			final List<Sample> chosen = shuffled.subList(0, nVal);
			final Set<Sample> chosenSet = new HashSet<>(chosen);
			for (final Sample s : list) // keep path order inside each part
				(chosenSet.contains(s) ? validation : training).add(s);
		}
		return new StratifiedSplit(training, validation);
	}

	/** round(n * fraction), at least 1 for n >= 2 (if fraction > 0), at most n - 1. */
	static int validationCount(final int n, final double fraction) {
		if (fraction == 0 || n < 2) return 0;
		return Math.max(1, Math.min(n - 1, (int) Math.round(n * fraction)));
	}

	/** Training samples, by class index, then by path. */
	public List<Sample> training() { return training; }

	/** Validation samples, by class index, then by path. */
	public List<Sample> validation() { return validation; }
}
