package org.emotiontracking.core.classify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.emotiontracking.core.data.ImageDecoder;
import org.emotiontracking.core.detect.DefaultCascade;
import org.emotiontracking.core.detect.DetectorLoadException;
import org.emotiontracking.core.detect.FaceDetector;
import org.emotiontracking.core.detect.HaarCascadeDetector;
import org.emotiontracking.core.detect.YuNetDetector;
import org.emotiontracking.core.model.EmotionClassifier;
import org.emotiontracking.core.util.ProgressListener;

/**
 * Classify Emotions from {@link ClassifySettings}: the one call behind the CLI, the Fiji command
 * and macros. Checks the settings and the output files first, loads the model, opens the
 * detector, runs {@link EmotionClassification} and writes the {@link ClassificationReports}.
 */
public final class ClassifyTask {

	private ClassifyTask() {}

	/**
	 * Classifies {@code settings.input} (a file or folder) with {@code settings.model} and writes
	 * the reports into {@code settings.output}.
	 *
	 * @throws IllegalArgumentException for missing or bad settings (usage errors)
	 * @throws java.nio.file.FileAlreadyExistsException if an output exists and overwrite is false
	 * @throws IOException if the model or detector cannot be loaded (the message names the file
	 *           and the problem), or writing the reports fails
	 */
	public static ClassificationSummary run(final ClassifySettings settings, final ProgressListener progress) throws IOException {
		return run(settings, null, null, progress);
	}

	/**
	 * As {@link #run(ClassifySettings, ProgressListener)}, with optional in-memory input (e.g. the
	 * slices of an ImageJ stack; null: {@code settings.input}) and an extra sink receiving every row
	 * (e.g. a results table and overlays; may be null). With {@code settings.output} null no files
	 * are written.
	 */
	public static ClassificationSummary run(final ClassifySettings settings, final ClassificationInput input,
		final ClassificationSink sink, final ProgressListener progress) throws IOException
	{
		settings.validate(true, input == null, input == null);
		final ClassificationReports reports = settings.output == null ? null : new ClassificationReports(settings.output,
			settings.overwrite);
		final ProgressListener p = progress == null ? ProgressListener.SILENT : progress;
		p.status("Loading model " + settings.model);
		try (EmotionClassifier classifier = EmotionClassifier.load(settings.model, settings.classes.isEmpty() ? null
			: settings.classes))
		{
			return run(classifier, settings, input, sink, reports, p);
		}
	}

	/**
	 * As {@link #run(ClassifySettings, ClassificationInput, ClassificationSink, ProgressListener)}
	 * with a model the caller has loaded (and closes); {@code settings.model} is ignored.
	 */
	public static ClassificationSummary run(final EmotionClassifier classifier, final ClassifySettings settings,
		final ClassificationInput input, final ClassificationSink sink, final ProgressListener progress) throws IOException
	{
		settings.validate(false, input == null, input == null);
		final ClassificationReports reports = settings.output == null ? null : new ClassificationReports(settings.output,
			settings.overwrite);
		return run(classifier, settings, input, sink, reports, progress == null ? ProgressListener.SILENT : progress);
	}

	private static ClassificationSummary run(final EmotionClassifier classifier, final ClassifySettings settings,
		final ClassificationInput given, final ClassificationSink sink, final ClassificationReports reports,
		final ProgressListener progress) throws IOException
	{
		final ClassificationInput input = given != null ? given : files(settings, classifier.classNames());
		try (FaceDetector detector = settings.faces == FaceMode.DETECT ? openDetector(settings) : null;
			ClassificationReports r = reports)
		{
			progress.log(String.format(Locale.ROOT, "Classifying %s with %s (%s, %d px, classes %s)%s", input.description(),
				settings.model == null ? "the given model" : settings.model, classifier.metadata().architecture,
				classifier.inputSize(), String.join(", ", classifier.classNames()),
				detector == null ? ", whole images" : ", faces by " + detector.description()));
			final EmotionClassification pipeline = new EmotionClassification(classifier, detector).configure(settings);
			if (detector != null) pipeline.videoAnalyser(new VideoItemAnalysis(classifier, detector, settings));
			final ClassificationSummary summary = pipeline.classify(input, ClassificationSink.all(r, sink), progress);
			if (summary.images() == 0) progress.log("No images found in " + input.description() + (settings.recursive ? ""
				: " (images in sub-folders need recursive=true)"));
			return r == null ? summary : summary.withFiles(r.finish());
		}
	}

	/** The input of {@code settings.input}: one file or a (recursive) folder scan with true labels. */
	public static ClassificationInput files(final ClassifySettings settings, final List<String> classNames) {
		return ClassificationInput.files(settings.input, settings.recursive, classNames, new ImageDecoder(settings.max_pixels));
	}

	/**
	 * The face detector of the settings: {@code detector} (.xml Haar cascade with scale_factor,
	 * min_neighbors and min_face; .onnx YuNet) or the default frontal-face cascade, detecting on
	 * images shrunk to detection_size.
	 */
	public static FaceDetector openDetector(final ClassifySettings s) throws DetectorLoadException {
		final Path file = s.detector != null ? s.detector : DefaultCascade.locate();
		final String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
		if (name.endsWith(".onnx")) return new YuNetDetector(file, YuNetDetector.DEFAULT_SCORE_THRESHOLD,
			YuNetDetector.DEFAULT_NMS_THRESHOLD, s.detection_size);
		if (name.endsWith(".xml")) return new HaarCascadeDetector(file, s.scale_factor, s.min_neighbors, s.min_face, s.detection_size,
			HaarCascadeDetector.DEFAULT_EQUALIZE_HISTOGRAM);
		throw new DetectorLoadException("Unknown face-detector model type: " + file +
			" (expected an OpenCV Haar cascade .xml or a YuNet .onnx file)");
	}
}
