package org.emotiontracking.core.classify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.emotiontracking.core.data.ImageDecoder;
import org.emotiontracking.core.data.ImageFile;
import org.emotiontracking.core.data.Shard;
import org.emotiontracking.core.data.WorkList;
import org.emotiontracking.core.detect.DetectorLoadException;
import org.emotiontracking.core.detect.FaceDetector;
import org.emotiontracking.core.detect.FaceDetectors;
import org.emotiontracking.core.model.BuiltinModel;
import org.emotiontracking.core.model.EmotionClassifier;
import org.emotiontracking.core.video.VideoFileTypes;
import org.emotiontracking.core.util.AtomicFiles;
import org.emotiontracking.core.util.ProgressListener;
import org.emotiontracking.core.util.Required;
import org.emotiontracking.core.util.Settings;

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
	public static ClassificationSummary run(final ClassifySettings settings,
		final ProgressListener progress) throws IOException {
		return run(settings, null, null, progress);
	}

	/**
	 * As {@link #run(ClassifySettings, ProgressListener)}, with optional in-memory input (e.g. the
	 * slices of an ImageJ stack; null: {@code settings.input}) and an extra sink receiving every row
	 * (e.g. a results table and overlays; may be null). With a sink {@code output=} is optional: without
	 * it no files are written and the sink's rows are the result; without a sink it is required.
	 */
	public static ClassificationSummary run(final ClassifySettings settings, final ClassificationInput input,
		final ClassificationSink sink, final ProgressListener progress) throws IOException
	{
		validate(settings, input, sink);
		final ClassificationReports reports = reports(settings);
		final ProgressListener p = progress == null ? ProgressListener.SILENT : progress;
		p.status("Loading model " + (BuiltinModel.isBuiltin(settings.model) ? BuiltinModel.KEY : settings.model));
		try (EmotionClassifier classifier = settings.loadClassifier()) {
			return run(classifier, null, settings, input, -1, sink, reports, p);
		}
	}

	/**
	 * As {@link #run(ClassifySettings, ClassificationInput, ClassificationSink, ProgressListener)}
	 * with a model the caller has loaded (and closes); {@code settings.model} is ignored.
	 */
	public static ClassificationSummary run(final EmotionClassifier classifier, final ClassifySettings settings,
		final ClassificationInput input, final ClassificationSink sink,
		final ProgressListener progress) throws IOException
	{
		validate(settings, input, sink);
		final ClassificationReports reports = reports(settings);
		return run(classifier, null, settings, input, -1, sink, reports, progress == null ? ProgressListener.SILENT
			: progress);
	}

	/**
	 * One shard of a run whose work list was listed elsewhere and handed over by relative path (e.g.
	 * a Spark partition): {@code settings.shard} says which shard of {@code totalItems} items,
	 * {@code settings.output} is the shard's folder (reports and {@value ShardManifest#FILE}). The
	 * model and the detector are the caller's and stay open, so one of each serves many shards.
	 *
	 * @param detector the face detector for {@code faces=detect} (null: opened here from the settings)
	 * @param relativePaths this shard's items of the work list of {@code settings.input}, in order
	 * @param listHasVideos whether the whole work list holds a video (then every shard's rows have the
	 *          video columns, as a single run's)
	 * @throws IllegalArgumentException if {@code shard=} is not set or the items are not that shard's count
	 */
	public static ClassificationSummary runShard(final EmotionClassifier classifier, final FaceDetector detector,
		final ClassifySettings settings, final long totalItems, final List<String> relativePaths,
		final boolean listHasVideos, final ProgressListener progress) throws IOException
	{
		settings.validate(Required.INPUT, Required.OUTPUT);
		if (!settings.isShard()) throw new IllegalArgumentException("runShard needs shard=i/n");
		final Shard shard = settings.shard();
		if (relativePaths.size() != shard.size(totalItems)) throw new IllegalArgumentException("Shard " + shard + " of "
			+ totalItems + " items has " + shard.size(totalItems) + " items, got " + relativePaths.size());
		final WorkList list = workList(settings, classifier.classNames());
		final List<ImageFile> files = new ArrayList<>(relativePaths.size());
		for (final String p : relativePaths) files.add(list.file(p));
		final ClassificationInput input = ClassificationInput.files(list.description(), files, files::size,
			new ImageDecoder(settings.max_pixels), () -> listHasVideos)
			.at(() -> shard.start(totalItems), () -> totalItems);
		final ClassificationReports reports = reports(settings);
		return run(classifier, detector, settings, input, totalItems, null, reports, progress == null
			? ProgressListener.SILENT : progress);
	}

	private static ClassificationSummary run(final EmotionClassifier classifier, final FaceDetector givenDetector,
		final ClassifySettings settings, final ClassificationInput given, final long givenTotal,
		final ClassificationSink sink, final ClassificationReports reports,
		final ProgressListener progress) throws IOException
	{
		final WorkList list = given == null || settings.isShard() && givenTotal < 0
			? workList(settings, classifier.classNames()) : null;
		final ClassificationInput input = given != null ? given
			: ClassificationInput.files(list, new ImageDecoder(settings.max_pixels));
		final FaceDetector own = givenDetector == null && settings.faces == FaceMode.DETECT ? openDetector(settings)
			: null;
		final FaceDetector detector;
		if (settings.faces != FaceMode.DETECT) detector = null;
		else detector = givenDetector != null ? givenDetector : own;
		try (FaceDetector closed = own; ClassificationReports r = reports) {
			final ShardManifest manifest = settings.isShard()
				? ShardManifest.start("classify", settings.shard(), givenTotal >= 0 ? givenTotal : list.total(),
				shardKeys(settings)) : null;
			if (manifest != null) manifest.write(settings.output, settings.overwrite);
			final long[] rows = { 0 };
			final ClassificationSink counter = (row, box, index) -> rows[0]++;
			progress.log(String.format(Locale.ROOT, "Classifying %s with %s (%s, %d px, classes %s, on %s)%s",
				input.description(), classifier.description(),
				classifier.metadata().architecture, classifier.inputSize(), String.join(", ", classifier.classNames()),
				classifier.engineDescription(),
				detector == null ? ", whole images" : ", faces by " + detector.description()));
			final EmotionClassification pipeline = new EmotionClassification(classifier, detector).configure(settings);
			if (detector != null) pipeline.videoAnalyser(new VideoItemAnalysis(classifier, detector, settings));
			final ClassificationSummary summary = pipeline.classify(input, ClassificationSink.all(r, sink, counter),
				progress);
			if (summary.images() == 0) progress.log("No images found in " + input.description()
				+ (settings.recursive ? "" : " (images in sub-folders need recursive=true)"));
			if (r == null) return summary;
			final List<Path> files = new ArrayList<>(r.finish());
			if (manifest != null && !summary.cancelled()) {
				manifest.complete(rows[0], summary.images(), summary.failures()).write(settings.output, true);
				files.add(settings.output.resolve(ShardManifest.FILE));
			}
			return summary.withFiles(files);
		}
	}

	/** Without in-memory input input= is needed; without a sink of the caller's, output= (the reports are the result).
	 * */
	private static void validate(final ClassifySettings settings, final ClassificationInput input,
		final ClassificationSink sink)
	{
		final List<Required> required = new ArrayList<>();
		if (input == null) required.add(Required.INPUT);
		if (sink == null) required.add(Required.OUTPUT);
		settings.validate(required.toArray(new Required[0]));
	}

	/** The reports of the settings' output folder (null without one), checked before any work starts. */
	private static ClassificationReports reports(final ClassifySettings settings) throws IOException {
		if (settings.isShard()) AtomicFiles.checkCanWrite(settings.output.resolve(ShardManifest.FILE),
			settings.overwrite);
		return settings.output == null ? null : reportsIn(settings.output, settings.overwrite);
	}

	/** The reports a run writes into {@code folder} (also what {@link ShardMerge} recomputes from merged rows). */
	static ClassificationReports reportsIn(final Path folder, final boolean overwrite) throws IOException {
		// video rows (frame set) are also summarised per tracked face id
		return new ClassificationReports(folder, overwrite).summarisingTracks(row -> row.frame() != null ? row.face()
			: null);
	}

	/** The keys recorded in a shard's manifest: all but where this shard writes and which shard it is. */
	static Map<String, String> shardKeys(final ClassifySettings settings) {
		final Map<String, String> keys = Settings.values(settings);
		keys.keySet().removeAll(ShardMerge.PER_SHARD_KEYS);
		return keys;
	}

	/** The work list of {@code settings.input} (a file or a folder scan with true labels), sliced to {@code shard}. */
	public static WorkList workList(final ClassifySettings settings, final List<String> classNames) {
		return WorkList.of(settings.input, settings.recursive, classNames, VideoFileTypes::isImageOrVideo)
			.shard(settings.shard());
	}

	/**
	 * The input of {@code settings.input}: one file or a (recursive) folder scan with true labels, in
	 * work order; with {@code shard=i/n} only that shard's slice.
	 */
	public static ClassificationInput files(final ClassifySettings settings, final List<String> classNames) {
		return ClassificationInput.files(workList(settings, classNames), new ImageDecoder(settings.max_pixels));
	}

	/** The face detector of the settings ({@link
	 * FaceDetectors#open(org.emotiontracking.core.detect.FaceDetectionSettings)}). */
	public static FaceDetector openDetector(final ClassifySettings s) throws DetectorLoadException {
		return FaceDetectors.open(s);
	}
}
