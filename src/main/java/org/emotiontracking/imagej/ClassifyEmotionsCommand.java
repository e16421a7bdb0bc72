package org.emotiontracking.imagej;

import ij.ImagePlus;
import ij.plugin.frame.RoiManager;
import ij.measure.ResultsTable;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.emotiontracking.core.classify.ClassificationInput;
import org.emotiontracking.core.classify.ClassificationSink;
import org.emotiontracking.core.classify.ClassificationSummary;
import org.emotiontracking.core.classify.ClassifySettings;
import org.emotiontracking.core.classify.ClassifyTask;
import org.emotiontracking.core.classify.FaceMode;
import org.emotiontracking.core.detect.FaceBox;
import org.emotiontracking.core.report.EmotionSummary;
import org.emotiontracking.core.report.PredictionColumns;
import org.emotiontracking.core.report.PredictionRow;
import org.emotiontracking.core.util.ProgressListener;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Plugins &gt; Emotion Tracking &gt; Classify Emotions: the emotion of every face, through
 * {@link ClassifyTask} with the keys of {@link ClassifySettings} (the same as
 * {@code java -jar emotion-tracking.jar classify key=value}).
 * <ul>
 * <li>With {@code input=} (an image file or a folder) the files are classified as on the command line.</li>
 * <li>Without {@code input=}, the open image is classified: each plane of a stack or movie is a frame
 * (slice numbers in the Slice column), and each face is drawn on the image's overlay in its emotion's
 * colour with a label like "happy 87.3%" ({@code overlay=false}: the overlay is left alone; otherwise
 * the faces of an earlier Emotion Tracking run are replaced, the user's own ROIs kept).</li>
 * </ul>
 * Either way the rows fill the {@value EmotionResultsTable#TITLE} table, the same rows as the CSV log.
 * {@code output=} is optional here (unlike the command line): without it nothing is written and the
 * table and overlay are the result; with it the CSV log and charts go there as well.
 */
@Plugin(type = Command.class, name = "classify", headless = true,
	menuPath = "Plugins>Emotion Tracking>Classify Emotions")
public class ClassifyEmotionsCommand extends AnalysisCommand<ClassifySettings> {

	/** The defaults of every key: one place (the core). */
	private static final ClassifySettings DEFAULTS = new ClassifySettings();

	/** Not remembered between runs: left empty, the open image is used. */
	@Parameter(style = FileWidget.FILE_AND_DIRECTORY_STYLE, required = false, persist = false)
	private File input;
	@Parameter
	private boolean recursive = DEFAULTS.recursive;
	@Parameter
	private FaceMode faces = DEFAULTS.faces;
	@Parameter(min = "1", max = "1024")
	private int batch_size = DEFAULTS.batch_size;
	@Parameter(min = "1")
	private long max_pixels = DEFAULTS.max_pixels;
	/** i/n: only that shard of the input folder (for cluster jobs running Fiji headless); never remembered. */
	@Parameter(required = false, persist = false)
	private String shard = DEFAULTS.shard;
	/** Draw the faces on the open image's overlay (ImageJ only; not a command-line key). */
	@Parameter
	private boolean overlay = true;
	/**
	 * Add each face to the ROI Manager (ImageJ only; not a command-line key). Default: on in interactive
	 * runs, off in batch macros and headless; never remembered, so a batch macro keeps that default.
	 */
	@Parameter(persist = false)
	private boolean roi_manager = interactive();

	/** The rows (also shown as {@value EmotionResultsTable#TITLE} when ImageJ hosts the command). */
	@Parameter(type = ItemIO.OUTPUT)
	private ResultsTable results;
	/** Per image: faces, dominant emotion, counts and mean probabilities ({@value EmotionSummaryTable#TITLE}). */
	@Parameter(type = ItemIO.OUTPUT)
	private ResultsTable emotion_summary;
	@Parameter(type = ItemIO.OUTPUT)
	private long face_count;
	@Parameter(type = ItemIO.OUTPUT)
	private long image_count;

	@Override
	protected ClassifySettings newSettings() {
		return new ClassifySettings();
	}

	@Override
	protected void execute(final ClassifySettings settings, final ProgressListener progress) throws Exception {
		final ImagePlus imp;
		if (settings.input != null) imp = null;
		else imp = currentImage();
		if (settings.input == null && imp == null) throw new IllegalArgumentException(
			"No input: open an image or give input= (an image file or a folder)");
		final boolean show = imageJ1Hosted();
		final boolean draw = imp != null && overlay;
		final TableAndOverlay sink = new TableAndOverlay(draw ? imp : null, roi_manager, imp, show);
		results = sink.rt;
		emotion_summary = sink.summaryTable;
		final ClassificationSummary s = ClassifyTask.run(settings, imp == null ? null : ClassificationInput.slices(imp
			.getTitle(), ImagePlusConversion.planeCount(imp), i -> ImagePlusConversion.toRgb(imp, i)), sink, progress);
		sink.finish();
		final ResultsTable rt = sink.rt, summaryTable = sink.summaryTable;
		if (show) {
			EmotionResultsTable.show(rt);
			EmotionSummaryTable.show(summaryTable);
		}
		if (draw) imp.updateAndDraw();
		face_count = s.faces();
		image_count = s.images();
		setSummary(s.toString());
		s.log(progress, settings.output);
		ChartWindows.show(s.files()); // interactive runs only
	}

	/** Fills the table (shown now and then while rows arrive) and the overlay from each row. */
	private static final class TableAndOverlay implements ClassificationSink {

		private static final long SHOW_INTERVAL_NANOS = 1_000_000_000L;

		final ResultsTable rt = EmotionResultsTable.create();
		final ResultsTable summaryTable = EmotionSummaryTable.create();
		private EmotionSummary summary;
		private final ImagePlus imp;
		private final boolean roiManager;
		private RoiManager rm;
		private final ImagePlus source;
		private final boolean show;
		private List<String> classNames;
		private long lastShown = System.nanoTime();
		private String lastImage;

		/**
		 * @param imp the image whose overlay gets the faces, or null
		 * @param roiManager whether each face goes to the ROI Manager
		 * @param source the open image classified, or null for files
		 */
		TableAndOverlay(final ImagePlus imp, final boolean roiManager, final ImagePlus source, final boolean show) {
			this.imp = imp;
			this.roiManager = roiManager;
			this.source = source;
			this.show = show;
		}

		/** The run has passed its checks and loaded the model: now the earlier faces give way. */
		@Override
		public void start(final PredictionColumns columns) {
			if (roiManager) rm = FaceRois.manager();
			if (rm != null && source != null) FaceRois.replace(rm, source.getTitle());
			if (imp != null) EmotionOverlay.clear(imp);
			classNames = columns.classNames();
			summary = new EmotionSummary(classNames, EmotionSummary.IMAGES_ONLY);
		}

		/** Adds the last image's summary. */
		void finish() {
			if (summary != null) EmotionSummaryTable.add(summaryTable, summary.finish(), classNames);
		}

		@Override
		public void accept(final PredictionRow row, final FaceBox box, final long index) throws IOException {
			EmotionResultsTable.add(rt, row, classNames);
			EmotionSummaryTable.add(summaryTable, summary.add(row), classNames);
			if (imp != null) EmotionOverlay.addFace(imp, row);
			if (rm != null) {
				if (source == null && !row.image().equals(lastImage)) FaceRois.replace(rm, row.image());
				lastImage = row.image();
				FaceRois.add(rm, row, source);
			}
			if (show && System.nanoTime() - lastShown > SHOW_INTERVAL_NANOS) {
				EmotionResultsTable.show(rt);
				lastShown = System.nanoTime();
			}
		}
	}
}
