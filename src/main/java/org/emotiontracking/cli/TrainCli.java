package org.emotiontracking.cli;

import org.emotiontracking.core.train.TrainSettings;
import org.emotiontracking.core.train.Trainer;
import org.emotiontracking.core.train.TrainingSummary;
import org.emotiontracking.core.util.ProgressListener;

/** `train`: transfer learning on a folder of faces. */
final class TrainCli extends SettingsCli<TrainSettings> {

	TrainCli() {
		super("train",
			"Train a MobileNetV2 emotion model on a folder with one sub-folder per emotion",
			TrainSettings::new);
	}

	@Override
	int run(final TrainSettings s, final ProgressListener progress) throws Exception {
		final TrainingSummary summary = Trainer.train(s, progress);
		report(summary, progress);
		return summary.saved() && summary.skippedImages.isEmpty() ? 0 : 1;
	}

	static void report(final TrainingSummary summary, final ProgressListener progress) {
		for (final String line : summary.lines()) progress.log(line);
	}
}
