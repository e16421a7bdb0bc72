package org.emotiontracking.core.train;

/** The numbers a training stepper needs, taken from the user's settings. */
final class TrainOptions {

	final int batchSize;
	final double learningRate;
	final long seed;
	/** Steps over which the rate rises linearly to {@link #learningRate} (0: from the first step). */
	final int warmupSteps;

	TrainOptions(final int batchSize, final double learningRate, final long seed, final int warmupSteps) {
		if (batchSize < 1) throw new IllegalArgumentException("batch_size must be at least 1, got " + batchSize);
		if (!(learningRate > 0)) throw new IllegalArgumentException("learning_rate must be positive, got " + learningRate);
		if (warmupSteps < 0) throw new IllegalArgumentException("warm-up must not be negative, got " + warmupSteps);
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
		if (!(warmupEpochs >= 0)) throw new IllegalArgumentException("warmup_epochs must be 0 or more, got " +
			warmupEpochs);
		final int batches = (trainingImages + batchSize - 1) / Math.max(1, batchSize);
		return (int) Math.ceil(warmupEpochs * batches);
	}
}
