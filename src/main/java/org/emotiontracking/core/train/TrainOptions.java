package org.emotiontracking.core.train;

/** The numbers a training stepper needs, taken from the user's settings. */
final class TrainOptions {

	final int batchSize;
	final double learningRate;
	final long seed;

	TrainOptions(final int batchSize, final double learningRate, final long seed) {
		if (batchSize < 1) throw new IllegalArgumentException("batch_size must be at least 1, got " + batchSize);
		if (!(learningRate > 0)) throw new IllegalArgumentException("learning_rate must be positive, got " + learningRate);
		this.batchSize = batchSize;
		this.learningRate = learningRate;
		this.seed = seed;
	}
}
