package org.emotiontracking.core.train;

/** The numbers a training stepper needs, taken from the user's settings (checked by {@link TrainSettings#validate}). */
final class TrainOptions {

	final int batchSize;
	final double learningRate;
	final long seed;
	/** Steps over which the rate rises linearly to {@link #learningRate} (0: from the first step). */
	final int warmupSteps;

	TrainOptions(final int batchSize, final double learningRate, final long seed, final int warmupSteps) {
		this.batchSize = batchSize;
		this.learningRate = learningRate;
		this.seed = seed;
		this.warmupSteps = warmupSteps;
	}

	/**
	 * Steps for {@code warmupEpochs} passes over {@code trainingImages} images in batches of
	 * {@code batchSize}.
	 */
	static int warmupSteps(final double warmupEpochs, final int trainingImages, final int batchSize) {
		final int batches = (trainingImages + batchSize - 1) / Math.max(1, batchSize);
		return (int) Math.ceil(warmupEpochs * batches);
	}
}
