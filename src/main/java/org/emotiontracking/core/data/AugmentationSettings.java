package org.emotiontracking.core.data;

import java.util.Locale;

/**
 * Ranges of the random changes {@link Augmenter} applies. Immutable; change with the
 * {@code with...} methods, e.g. {@code AugmentationSettings.defaults().withFlip(false)}.
 */
public final class AugmentationSettings {

	private final double maxRotationDegrees;
	private final double minZoom;
	private final double maxZoom;
	private final double maxShiftFraction;
	private final boolean horizontalFlip;
	private final double maxBrightness;
	private final double maxContrast;

	private AugmentationSettings(final double maxRotationDegrees, final double minZoom, final double maxZoom,
		final double maxShiftFraction, final boolean horizontalFlip, final double maxBrightness,
		final double maxContrast)
	{
		if (maxRotationDegrees < 0 || maxRotationDegrees > 180) throw new IllegalArgumentException(
			"Rotation must be in [0, 180] degrees: " + maxRotationDegrees);
		if (!(minZoom > 0 && minZoom <= maxZoom && maxZoom <= 10)) throw new IllegalArgumentException(
			"Zoom range must satisfy 0 < min <= max <= 10: " + minZoom + ".." + maxZoom);
		if (maxShiftFraction < 0 || maxShiftFraction > 1) throw new IllegalArgumentException("Shift must be in [0, 1]: "
			+ maxShiftFraction);
		if (maxBrightness < 0 || maxBrightness > 1) throw new IllegalArgumentException("Brightness must be in [0, 1]: "
			+ maxBrightness);
		if (maxContrast < 0 || maxContrast >= 1) throw new IllegalArgumentException("Contrast must be in [0, 1): "
			+ maxContrast);
		this.maxRotationDegrees = maxRotationDegrees;
		this.minZoom = minZoom;
		this.maxZoom = maxZoom;
		this.maxShiftFraction = maxShiftFraction;
		this.horizontalFlip = horizontalFlip;
		this.maxBrightness = maxBrightness;
		this.maxContrast = maxContrast;
	}

	/**
	 * Rotation +-15 degrees, zoom 0.9..1.1, shift +-10 % of the size, horizontal flip (half the
	 * time), brightness +-10 % of full scale, contrast x (1 +- 0.1).
	 */
	public static AugmentationSettings defaults() {
		return new AugmentationSettings(15, 0.9, 1.1, 0.1, true, 0.1, 0.1);
	}

	/** No random change: {@link Augmenter} then only resizes. */
	public static AugmentationSettings none() {
		return new AugmentationSettings(0, 1, 1, 0, false, 0, 0);
	}

	/** Whether these settings change nothing but the size. */
	public boolean isIdentity() {
		return maxRotationDegrees == 0 && minZoom == 1 && maxZoom == 1 && maxShiftFraction == 0 && !horizontalFlip &&
			maxBrightness == 0 && maxContrast == 0;
	}

	/** Rotation uniformly in +-{@code degrees}. */
	public AugmentationSettings withRotation(final double degrees) {
		return new AugmentationSettings(degrees, minZoom, maxZoom, maxShiftFraction, horizontalFlip, maxBrightness,
			maxContrast);
	}

	/** Zoom factor uniformly in [min, max]; above 1 magnifies. */
	public AugmentationSettings withZoom(final double min, final double max) {
		return new AugmentationSettings(maxRotationDegrees, min, max, maxShiftFraction, horizontalFlip, maxBrightness,
			maxContrast);
	}

	/** Shift uniformly in +-{@code fraction} of the width (x) and height (y). */
	public AugmentationSettings withShift(final double fraction) {
		return new AugmentationSettings(maxRotationDegrees, minZoom, maxZoom, fraction, horizontalFlip, maxBrightness,
			maxContrast);
	}

	/** Mirror left-right with probability 1/2. */
	public AugmentationSettings withFlip(final boolean flip) {
		return new AugmentationSettings(maxRotationDegrees, minZoom, maxZoom, maxShiftFraction, flip, maxBrightness,
			maxContrast);
	}

	/** Add uniformly +-{@code fraction} * 255 to every channel. */
	public AugmentationSettings withBrightness(final double fraction) {
		return new AugmentationSettings(maxRotationDegrees, minZoom, maxZoom, maxShiftFraction, horizontalFlip,
			fraction, maxContrast);
	}

	/** Scale the distance from mid-gray by a factor uniformly in 1 +- {@code fraction}. */
	public AugmentationSettings withContrast(final double fraction) {
		return new AugmentationSettings(maxRotationDegrees, minZoom, maxZoom, maxShiftFraction, horizontalFlip,
			maxBrightness, fraction);
	}

	public double maxRotationDegrees() { return maxRotationDegrees; }

	public double minZoom() { return minZoom; }

	public double maxZoom() { return maxZoom; }

	public double maxShiftFraction() { return maxShiftFraction; }

	public boolean horizontalFlip() { return horizontalFlip; }

	public double maxBrightness() { return maxBrightness; }

	public double maxContrast() { return maxContrast; }

	@Override
	public String toString() {
		return String.format(Locale.ROOT,
			"rotation +-%.1f deg, zoom %.2f..%.2f, shift +-%.0f%%, flip %s, brightness +-%.0f%%, contrast +-%.0f%%",
			maxRotationDegrees, minZoom, maxZoom, maxShiftFraction * 100, horizontalFlip ? "yes" : "no",
			maxBrightness * 100, maxContrast * 100);
	}
}
