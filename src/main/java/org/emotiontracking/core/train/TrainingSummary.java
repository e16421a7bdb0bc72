package org.emotiontracking.core.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.emotiontracking.core.report.EpochResult;

/** What a training run produced, for the caller to show. */
public final class TrainingSummary {

	public final TrainingOutputs outputs;
	public final List<EpochResult> history;
	public final int bestEpoch;
	public final boolean cancelled;
	public final boolean stoppedEarly;
	public final double trainingSeconds;
	/** Accuracy of the saved model on the validation images (NaN if nothing was saved). */
	public final double validationAccuracy;
	public final List<String> skippedImages;
	public final List<String> gradCamFiles;
	/** Images trained on (after the validation split and unreadable files). */
	public final int trainingImages;

	TrainingSummary(final TrainingOutputs outputs, final TrainingLoop.Outcome outcome,
		final TrainingReport.Result report, final List<String> skipped, final int trainingImages)
	{
		this.trainingImages = trainingImages;
		this.outputs = outputs;
		this.history = outcome.history;
		this.bestEpoch = outcome.bestEpoch;
		this.cancelled = outcome.cancelled;
		this.stoppedEarly = outcome.stoppedEarly;
		this.trainingSeconds = outcome.seconds;
		this.validationAccuracy = report == null ? Double.NaN : report.validationAccuracy;
		this.skippedImages = Collections.unmodifiableList(skipped);
		this.gradCamFiles = report == null ? Collections.emptyList() : report.gradCamFiles;
	}

	static TrainingSummary cancelled(final TrainingOutputs outputs, final TrainingLoop.Outcome outcome) {
		return new TrainingSummary(outputs, outcome, null, Collections.emptyList(), 0);
	}

	/** Whether a model was saved. */
	public boolean saved() { return !Double.isNaN(validationAccuracy); }

	/** What the run did and where its files are, one log line each (the CLI and Fiji show the same). */
	public List<String> lines() {
		final List<String> out = new ArrayList<>();
		if (!saved()) {
			out.add("No model saved (" + (cancelled ? "cancelled" : "nothing trained") + ").");
			return out;
		}
		out.add(String.format(Locale.ROOT, "Validation accuracy %.4f (best epoch %d of %d, %.1f s of training)",
			validationAccuracy, bestEpoch, history.size(), trainingSeconds));
		out.add("Outputs in " + outputs.folder.toAbsolutePath() + ":");
		for (final Path p : outputs.all())
			if (Files.exists(p)) out.add("  " + p.getFileName());
		for (final String g : gradCamFiles) out.add("  " + g);
		if (!skippedImages.isEmpty()) out.add(skippedImages.size() + " unreadable images were skipped");
		return out;
	}
}
