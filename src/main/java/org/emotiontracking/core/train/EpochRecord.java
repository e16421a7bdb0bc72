package org.emotiontracking.core.train;

/** One row of the training history. */
public final class EpochRecord {

	public final int epoch;
	public final double loss, accuracy, valLoss, valAccuracy, seconds;

	public EpochRecord(final int epoch, final EpochStats train, final EpochStats validation, final double seconds) {
		this.epoch = epoch;
		this.loss = train.loss;
		this.accuracy = train.accuracy;
		this.valLoss = validation.loss;
		this.valAccuracy = validation.accuracy;
		this.seconds = seconds;
	}
}
