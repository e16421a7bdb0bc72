package org.emotiontracking.core.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.emotiontracking.core.model.Weights;
import org.emotiontracking.core.report.EpochResult;
import org.emotiontracking.core.util.ProgressListener;

/**
 * Runs epochs on a stepper: progress per batch and per epoch (loss, accuracy, validation, time, ETA),
 * keeps the weights of the epoch with the lowest validation loss (or highest validation accuracy),
 * stops early after {@code patience}
 * epochs without improvement or when the next epoch would end after the time budget, and stops
 * between batches when the user cancels.
 */
final class TrainingLoop {

	/** What a run produced. */
	static final class Outcome {
		final List<EpochResult> history;
		final Weights best;
		final int bestEpoch;
		final boolean cancelled;
		final boolean stoppedEarly;
		final double seconds;

		Outcome(final List<EpochResult> history, final Weights best, final int bestEpoch, final boolean cancelled,
			final boolean stoppedEarly, final double seconds)
		{
			this.history = Collections.unmodifiableList(history);
			this.best = best;
			this.bestEpoch = bestEpoch;
			this.cancelled = cancelled;
			this.stoppedEarly = stoppedEarly;
			this.seconds = seconds;
		}

		EpochResult bestRecord() {
			for (final EpochResult r : history) if (r.epoch() == bestEpoch) return r;
			return null;
		}
	}

	private TrainingLoop() {}

	/** @param timeBudget seconds: no epoch starts that would, at the mean epoch time so far, end later (0: none) */
	static Outcome run(final TrainingStepper stepper, final int epochs, final int patience, final double timeBudget,
		final boolean byAccuracy, final ProgressListener progress, final Consumer<EpochResult> onEpoch)
	{
		final List<EpochResult> history = new ArrayList<>();
		Weights best = null;
		int bestEpoch = 0, sinceBest = 0;
		double bestScore = Double.POSITIVE_INFINITY;
		boolean cancelled = false, early = false;
		final long start = System.nanoTime();
		for (int epoch = 1; epoch <= epochs; epoch++) {
			final int e = epoch;
			final long epochStart = System.nanoTime();
			final EpochStats train = stepper.trainEpoch(epoch, (batch, batches, running) -> {
				final double done = (e - 1 + (double) batch / batches) / epochs;
				final double elapsed = (System.nanoTime() - start) / 1e9;
				progress.progress(done);
				progress.status(String.format(Locale.ROOT, "Epoch %d/%d, batch %d/%d: loss %.4f, accuracy %.4f, ETA %s",
					e, epochs, batch, batches, running.loss, running.accuracy, duration(elapsed / done - elapsed)));
				return !progress.isCancelled();
			});
			if (train == null || progress.isCancelled()) {
				cancelled = true;
				progress.log("Training cancelled in epoch " + epoch
					+ (best == null ? "; no epoch completed, nothing saved" : "; keeping the best model so far (epoch "
					+ bestEpoch + ")"));
				break;
			}
			final EpochStats val = stepper.validate();
			final double seconds = (System.nanoTime() - epochStart) / 1e9;
			final EpochResult record = new EpochResult(epoch, train.loss, train.accuracy, val.loss, val.accuracy,
				seconds);
			history.add(record);
			onEpoch.accept(record);
			final double score = byAccuracy ? -val.accuracy : val.loss;
			final boolean improved = score < bestScore || best == null;
			if (improved) {
				bestScore = score;
				bestEpoch = epoch;
				best = stepper.snapshot();
				sinceBest = 0;
			}
			else sinceBest++;
			final double elapsed = (System.nanoTime() - start) / 1e9;
			progress.log(String.format(Locale.ROOT,
				"Epoch %d/%d: loss %.4f, accuracy %.4f, val_loss %.4f, val_accuracy %.4f (%.1f s, ETA %s)%s", epoch,
				epochs, train.loss, train.accuracy, val.loss, val.accuracy, seconds,
				duration(elapsed / epoch * (epochs - epoch)), improved ? " *" : ""));
			if (patience > 0 && sinceBest >= patience && epoch < epochs) {
				early = true;
				progress.log("Early stopping: validation " + (byAccuracy ? "accuracy" : "loss")
					+ " has not improved for " + patience + " epochs; best epoch " + bestEpoch);
				break;
			}
			if (timeBudget > 0 && epoch < epochs && elapsed + elapsed / epoch > timeBudget) {
				early = true;
				progress.log(String.format(Locale.ROOT,
					"Time budget: %d of %d epochs in %.0f s; another (about %.0f s) would pass the budget of %.0f s. "
					+ "Best epoch %d", epoch, epochs, elapsed, elapsed / epoch, timeBudget, bestEpoch));
				break;
			}
		}
		progress.progress(1);
		return new Outcome(history, best, bestEpoch, cancelled, early, (System.nanoTime() - start) / 1e9);
	}

	static String duration(final double seconds) {
		if (Double.isNaN(seconds) || Double.isInfinite(seconds)) return "?";
		final long s = Math.round(seconds);
		return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
			: String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
	}
}
