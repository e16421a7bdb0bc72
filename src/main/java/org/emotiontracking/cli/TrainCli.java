package org.emotiontracking.cli;

import java.util.Map;

import org.emotiontracking.core.train.TrainSettings;
import org.emotiontracking.core.train.Trainer;
import org.emotiontracking.core.train.TrainingSummary;
import org.emotiontracking.core.util.ProgressListener;
import org.emotiontracking.core.util.Settings;

/** `train`: transfer learning on a folder of faces. */
final class TrainCli implements CliCommand {

	@Override
	public String name() { return "train"; }

	@Override
	public String summary() { return "Train a MobileNetV2 emotion model on a folder with one sub-folder per emotion"; }

	@Override
	public Object defaults() { return new TrainSettings(); }

	@Override
	public int run(final Map<String, String> keys, final ProgressListener progress) throws Exception {
		final TrainSettings s = Settings.apply(new TrainSettings(), keys);
		final TrainingSummary summary = Trainer.train(s, progress);
		report(summary, progress);
		return summary.saved() && summary.skippedImages.isEmpty() ? 0 : 1;
	}

	static void report(final TrainingSummary summary, final ProgressListener progress) {
		for (final String line : summary.lines()) progress.log(line);
	}
}
