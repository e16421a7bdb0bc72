package org.emotiontracking.imagej;

import java.io.File;

import org.emotiontracking.core.train.TrainSettings;
import org.emotiontracking.core.train.Trainer;
import org.emotiontracking.core.train.TrainingSummary;
import org.emotiontracking.core.util.KeyValues;
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

	/** The defaults of every key: one place (the core). */
	private static final TrainSettings DEFAULTS = new TrainSettings();

	@Parameter(style = FileWidget.DIRECTORY_STYLE)
	private File dataset;
	@Parameter(style = FileWidget.DIRECTORY_STYLE)
	private File output;
	/** Comma-separated (SciJava has no list widget). */
	@Parameter(required = false)
	private String classes = KeyValues.encode(DEFAULTS.classes);
	@Parameter(min = "0", max = "0.9", stepSize = "0.05")
	private double validation = DEFAULTS.validation;
	@Parameter(style = FileWidget.DIRECTORY_STYLE, required = false)
	private File validation_dataset;
	@Parameter
	private boolean augment = DEFAULTS.augment;
	/** imagenet, none, file (below), or the path of a Keras .h5 weights file. */
	@Parameter
	private String weights = DEFAULTS.weights;
	/** The weights file when weights is "file (below)"; choosing one selects that item. Not a key. */
	@Parameter(label = "weights file", style = FileWidget.OPEN_STYLE, required = false, callback = "weightsFileChosen",
		description = "A Keras .h5 file of MobileNetV2 weights, with weights=file (below)")
	private File weights_file;
	@Parameter(min = "0", max = "17")
	private int fine_tune = DEFAULTS.fine_tune;
	@Parameter
	private double learning_rate = DEFAULTS.learning_rate;
	@Parameter(min = "0", required = false)
	private double warmup_epochs = DEFAULTS.warmup_epochs;
	@Parameter(min = "1")
	private int epochs = DEFAULTS.epochs;
	@Parameter(min = "1")
	private int batch_size = DEFAULTS.batch_size;
	@Parameter(min = "32", max = "224")
	private int image_size = DEFAULTS.image_size;
	@Parameter(choices = { "0.35", "0.5", "0.75", "1.0", "1.3", "1.4" })
	private double alpha = DEFAULTS.alpha;
	@Parameter(min = "1")
	private int hidden_units = DEFAULTS.hidden_units;
	@Parameter(min = "0", max = "0.95")
	private double dropout = DEFAULTS.dropout;
	@Parameter
	private long seed = DEFAULTS.seed;
	@Parameter(min = "0")
	private int patience = DEFAULTS.patience;
	@Parameter(min = "0")
	private double time_budget = DEFAULTS.time_budget;
	@Parameter(choices = { "val_loss", "val_accuracy" })
	private String monitor = DEFAULTS.monitor;
	@Parameter
	private boolean overwrite = DEFAULTS.overwrite;
	@Parameter(style = FileWidget.DIRECTORY_STYLE, required = false)
	private File models = DEFAULTS.models.toFile();
	@Parameter
	private boolean gradcam = DEFAULTS.gradcam;
	@Parameter
	private boolean int8 = DEFAULTS.int8;

	@Parameter(type = ItemIO.OUTPUT)
	private double validation_accuracy = Double.NaN;
	@Parameter(type = ItemIO.OUTPUT)
	private int best_epoch;
	@Parameter(type = ItemIO.OUTPUT)
	private File model;

	/** The callback of the weights file: choosing a file selects {@value CommandDialog#FILE_ITEM}. */
	protected void weightsFileChosen() {
		if (weights_file != null && !weights_file.getPath().trim().isEmpty()) weights = CommandDialog.FILE_ITEM;
	}

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
