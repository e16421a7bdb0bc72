package org.emotiontracking.imagej;

import ij.ImagePlus;
import ij.WindowManager;

import java.io.File;

import org.emotiontracking.core.detect.FaceDetectionSettings;
import org.emotiontracking.core.detect.TileMode;
import org.emotiontracking.core.model.EmotionModelSettings;
import org.emotiontracking.core.util.KeyValues;
import org.scijava.ItemIO;
import org.scijava.plugin.Parameter;
import org.scijava.widget.FileWidget;

/**
 * Base of the commands that find faces and classify them with a model (Classify Emotions, Grad-CAM
 * Overlay, Live Webcam): the inputs they share, each declared once here (SciJava reads the
 * {@code @Parameter} fields of superclasses too):
 * <ul>
 * <li>one field per key of {@link FaceDetectionSettings} and of {@link EmotionModelSettings} (model, trust,
 * classes), with the core's types and defaults;</li>
 * <li>output (a folder, optional), overwrite, the open image and the summary output.</li>
 * </ul>
 * {@code detector} is a choice list in SciJava's dialog: the built-in detectors and
 * {@value CommandDialog#FILE_ITEM}, which takes the file of {@value #DETECTOR_FILE} (as in ImageJ 1.x's
 * dialog). A macro's {@code detector=<path>} works as before: a value that is no item is the detector.
 *
 * @param <S> the command's settings class, which extends {@link EmotionModelSettings}
 */
public abstract class DetectingCommand<S extends EmotionModelSettings> extends EmotionCommand<S> {

	/** The input holding the detector file when detector is {@value CommandDialog#FILE_ITEM} (not a key). */
	public static final String DETECTOR_FILE = "detector" + SettingsBinding.FILE_INPUT_SUFFIX;

	/** The defaults of every key: one place (the core). */
	private static final EmotionModelSettings DEFAULTS = new EmotionModelSettings();

	/** The image to work on when no input or source is given (default: the current image). */
	@Parameter(required = false, persist = false)
	private ImagePlus image;

	@Parameter(style = FileWidget.OPEN_STYLE, required = false, description = "Empty: the built-in model")
	private File model;
	@Parameter(required = false)
	private boolean trust = DEFAULTS.trust;
	/** Comma-separated (SciJava has no list widget). */
	@Parameter(required = false)
	private String classes = KeyValues.encode(DEFAULTS.classes);
	@Parameter(style = FileWidget.DIRECTORY_STYLE, required = false)
	private File output;
	@Parameter
	private boolean overwrite;

	/** What the run did, as logged. */
	@Parameter(type = ItemIO.OUTPUT)
	private String summary;

	/** blazeface, blazeface-short, haar, file (below), or the path of a .xml / .onnx / .tflite detector file. */
	@Parameter(required = false)
	private String detector = DEFAULTS.detector;
	/**
	 * The detector file when detector is "file (below)"; choosing one selects that item. Not filled in
	 * automatically: SciJava's FilePreprocessor would otherwise open a file chooser when it is the one
	 * File input a run leaves unset (the ImageJ 1.x bridge sets every key).
	 */
	@Parameter(label = "detector file", style = FileWidget.OPEN_STYLE, required = false, autoFill = false,
		callback = "detectorFileChosen",
		description = "A .xml (Haar), .onnx (YuNet) or .tflite (BlazeFace) face detector, with detector=file (below)")
	private File detector_file;
	@Parameter(min = "0", max = "1", stepSize = "0.05")
	private double min_confidence = DEFAULTS.min_confidence;
	@Parameter
	private TileMode tiles = DEFAULTS.tiles;
	@Parameter(min = "1.01")
	private double scale_factor = DEFAULTS.scale_factor;
	@Parameter(min = "0")
	private int min_neighbors = DEFAULTS.min_neighbors;
	@Parameter(min = "0")
	private int min_face = DEFAULTS.min_face;
	@Parameter(min = "0")
	private int detection_size = DEFAULTS.detection_size;
	@Parameter(min = "-0.45", max = "2", stepSize = "0.05")
	private double margin = DEFAULTS.margin;
	@Parameter
	private boolean largest = DEFAULTS.largest;
	@Parameter
	private boolean align = DEFAULTS.align;

	/** The image input, else the current image (null if none is open). */
	protected ImagePlus currentImage() {
		return image != null ? image : WindowManager.getCurrentImage();
	}

	/** The model input (null: the built-in model). */
	protected File model() {
		return model;
	}

	/** The classes input as typed (comma-separated; null or empty: the core's default). */
	protected String classes() {
		return classes;
	}

	protected void setSummary(final String summary) {
		this.summary = summary;
	}

	/** The callback of the detector file: choosing a file selects {@value CommandDialog#FILE_ITEM}. */
	protected void detectorFileChosen() {
		if (detector_file != null && !detector_file.getPath().trim().isEmpty()) detector = CommandDialog.FILE_ITEM;
	}
}
