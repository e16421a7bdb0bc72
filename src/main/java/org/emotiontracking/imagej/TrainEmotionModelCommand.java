package org.emotiontracking.imagej;

import java.io.File;

import org.emotiontracking.core.train.TrainSettings;
import org.emotiontracking.core.train.Trainer;
import org.emotiontracking.core.train.TrainingSummary;
import org.emotiontracking.core.util.ProgressListener;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Plugins &gt; Emotion Tracking &gt; Train Emotion Model: {@link Trainer#train} on a folder with one
 * sub-folder of face images per emotion. Parameter names are the keys of {@link TrainSettings} (the
 * same as {@code java -jar emotion-tracking.jar train key=value} and the macro options). When ImageJ
 * 1.x hosts it, the epochs are also shown as the {@value TrainingHistoryTable#TITLE} table.
 */
@Plugin(type = Command.class, name = "train", headless = true,
	menuPath = "Plugins>Emotion Tracking>Train Emotion Model")
public class TrainEmotionModelCommand extends EmotionCommand<TrainSettings> {

	@Parameter(style = FileWidget.DIRECTORY_STYLE)
	private File dataset;
	@Parameter(style = FileWidget.DIRECTORY_STYLE)
	private File output;
	@Parameter(required = false)
	private String classes = "";
	@Parameter(min = "0", max = "0.9", stepSize = "0.05")
	private double validation = 0.2;
	@Parameter(style = FileWidget.DIRECTORY_STYLE, required = false)
	private File validation_dataset;
	@Parameter
	private boolean augment = true;
	@Parameter
	private String weights = "imagenet";
	@Parameter(min = "0", max = "17")
	private int fine_tune = 0;
	@Parameter(min = "0")
	private double learning_rate = 0.001;
	@Parameter(min = "0", required = false)
	private double warmup_epochs = 0;
	@Parameter(min = "1")
	private int epochs = 16;
	@Parameter(min = "1")
	private int batch_size = 32;
	@Parameter(min = "32", max = "224")
	private int image_size = 224;
	@Parameter(choices = { "0.35", "0.5", "0.75", "1.0", "1.3", "1.4" })
	private String alpha = "1.0";
	@Parameter(min = "1")
	private int hidden_units = 128;
	@Parameter(min = "0", max = "0.95")
	private double dropout = 0.2;
	@Parameter
	private long seed = 42;
	@Parameter(min = "0")
	private int patience = 0;
	@Parameter(min = "0")
	private double time_budget = 0;
	@Parameter(choices = { "val_loss", "val_accuracy" })
	private String monitor = "val_loss";
	@Parameter
	private boolean overwrite = false;
	@Parameter(style = FileWidget.DIRECTORY_STYLE, required = false)
	private File models = new File("models");
	@Parameter
	private boolean gradcam = true;
	@Parameter
	private boolean int8 = false;

	@Parameter(type = ItemIO.OUTPUT)
	private double validation_accuracy = Double.NaN;
	@Parameter(type = ItemIO.OUTPUT)
	private int best_epoch;
	@Parameter(type = ItemIO.OUTPUT)
	private File model;

	@Override
	protected TrainSettings newSettings() {
		return new TrainSettings();
	}

	@Override
	protected void execute(final TrainSettings settings, final ProgressListener progress) throws Exception {
		final TrainingSummary summary = Trainer.train(settings, progress);
		for (final String line : summary.lines()) progress.log(line);
		if (!summary.saved()) return;
		validation_accuracy = summary.validationAccuracy;
		best_epoch = summary.bestEpoch;
		model = summary.outputs.model().toFile();
		if (imageJ1Hosted()) TrainingHistoryTable.show(summary.history);
		ChartWindows.show(summary.outputs.all()); // interactive runs only
	}
}
