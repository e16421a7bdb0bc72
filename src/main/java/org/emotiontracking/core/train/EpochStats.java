package org.emotiontracking.core.train;

import org.emotiontracking.core.model.EmotionClassifier;

/** Loss and accuracy over one pass (training or validation). */
public final class EpochStats {

	public final double loss;
	public final double accuracy;
	public final int count;

	public EpochStats(final double loss, final double accuracy, final int count) {
		this.loss = loss;
		this.accuracy = accuracy;
		this.count = count;
	}

	/** Accumulates per-batch sums into stats. */
	static final class Accumulator {
		private double lossSum;
		private long correct;
		private int count;

		void add(final float[] losses, final float[][] probabilities, final int[] labels, final int n) {
			for (int i = 0; i < n; i++) {
				lossSum += losses[i];
				if (EmotionClassifier.argMax(probabilities[i]) == labels[i]) correct++;
			}
			count += n;
		}

		EpochStats stats() {
			return count == 0 ? new EpochStats(Double.NaN, Double.NaN, 0) : new EpochStats(lossSum / count,
				(double) correct / count, count);
		}
	}
}
