package org.emotiontracking.core.report;

/**
 * The metrics of one training epoch. Validation values are {@code NaN} when there is no
 * validation set.
 */
public final class EpochResult {

	private final int epoch;
	private final double loss;
	private final double accuracy;
	private final double validationLoss;
	private final double validationAccuracy;
	private final double seconds;

	/**
	 * @param epoch              1-based epoch number
	 * @param loss               mean training loss
	 * @param accuracy           training accuracy, 0..1
	 * @param validationLoss     validation loss, or NaN
	 * @param validationAccuracy validation accuracy 0..1, or NaN
	 * @param seconds            wall-clock duration of the epoch
	 */
	public EpochResult(final int epoch, final double loss, final double accuracy, final double validationLoss,
		final double validationAccuracy, final double seconds)
	{
		this.epoch = epoch;
		this.loss = loss;
		this.accuracy = accuracy;
		this.validationLoss = validationLoss;
		this.validationAccuracy = validationAccuracy;
		this.seconds = seconds;
	}

	public int epoch() { return epoch; }

	public double loss() { return loss; }

	public double accuracy() { return accuracy; }

	/** Validation loss, or NaN. */
	public double validationLoss() { return validationLoss; }

	/** Validation accuracy, or NaN. */
	public double validationAccuracy() { return validationAccuracy; }

	public double seconds() { return seconds; }

	/** Whether validation metrics are present. */
	public boolean hasValidation() { return !Double.isNaN(validationLoss) || !Double.isNaN(validationAccuracy); }

	/** A one-line summary for logs, e.g. "Epoch 3: loss 0.5120, accuracy 0.812, val_loss ...". */
	@Override
	public String toString() {
		return "Epoch " + epoch + ": loss " + Csv.number(loss, 4) + ", accuracy " + Csv.number(accuracy, 3) +
			(hasValidation() ? ", val_loss " + Csv.number(validationLoss, 4) + ", val_accuracy " +
				Csv.number(validationAccuracy, 3) : "") + " (" + Csv.number(seconds, 1) + " s)";
	}
}
