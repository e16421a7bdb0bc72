package org.emotiontracking.core.classify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.emotiontracking.core.detect.FaceBox;
import org.emotiontracking.core.report.ClassificationMetrics;
import org.emotiontracking.core.report.ConfusionMatrix;
import org.emotiontracking.core.report.ConfusionMatrixChart;
import org.emotiontracking.core.report.DistributionChart;
import org.emotiontracking.core.report.EmotionSummary;
import org.emotiontracking.core.report.PredictionColumns;
import org.emotiontracking.core.report.PredictionLog;
import org.emotiontracking.core.report.PredictionRow;
import org.emotiontracking.core.report.SummaryLog;
import org.emotiontracking.core.util.AtomicFiles;

/**
 * The report files of a classification run in one output folder, filled as a
 * {@link ClassificationSink}: the CSV log streams row by row (nothing is held in memory); the
 * per-image summary ({@value #SUMMARY}, see {@link EmotionSummary}) streams as each image completes; the
 * distribution chart and, when any classified face had a true label, the confusion matrix and
 * metrics are written by {@link #finish()}. Every file is written atomically.
 */
public final class ClassificationReports implements ClassificationSink, AutoCloseable {

	public static final String LOG = "mobilenet_emotion_logs.csv";
	public static final String DISTRIBUTION = "mobilenet_emotion_distribution.png";
	public static final String CONFUSION_CSV = "confusion_matrix.csv";
	public static final String CONFUSION_PNG = "confusion_matrix.png";
	public static final String METRICS = "metrics.csv";
	/** Per image (and per tracked face of a video): faces, dominant emotion, counts, mean probabilities. */
	public static final String SUMMARY = "summary.csv";

	private final Path folder;
	private final boolean overwrite;
	private PredictionLog log;
	private Function<PredictionRow, Integer> trackOf = EmotionSummary.IMAGES_ONLY;
	private EmotionSummary summary;
	private SummaryLog summaryLog;
	private ConfusionMatrix confusion;
	private long[] counts;
	private long faces;
	private long lastImage = -1, imageCount;
	private boolean finished;

	/**
	 * Checks that no output exists (unless {@code overwrite}); nothing is created before {@link #start}.
	 *
	 * @throws java.nio.file.FileAlreadyExistsException naming the first existing file
	 */
	public ClassificationReports(final Path folder, final boolean overwrite) throws IOException {
		this.folder = folder;
		this.overwrite = overwrite;
		for (final Path p : allFiles(folder)) AtomicFiles.checkCanWrite(p, overwrite);
	}

	/** Every file a run may write into {@code folder}, for checks before any work starts. */
	public static List<Path> allFiles(final Path folder) {
		return Arrays.asList(folder.resolve(LOG), folder.resolve(DISTRIBUTION), folder.resolve(CONFUSION_CSV),
			folder.resolve(CONFUSION_PNG), folder.resolve(METRICS), folder.resolve(SUMMARY));
	}

	public Path folder() { return folder; }

	/**
	 * Also summarises each tracked face of a video (see {@link EmotionSummary}): {@code trackOf} gives a
	 * row's face id, or null for rows summarised per image only. Call before {@link #start}.
	 */
	public ClassificationReports summarisingTracks(final Function<PredictionRow, Integer> tracks) {
		if (log != null) throw new IllegalStateException("Reports already started");
		trackOf = tracks;
		return this;
	}

	@Override
	public void start(final PredictionColumns columns) throws IOException {
		if (log != null) throw new IllegalStateException("Reports already started");
		Files.createDirectories(folder);
		log = new PredictionLog(folder.resolve(LOG), columns, overwrite);
		confusion = new ConfusionMatrix(columns.classNames());
		counts = new long[columns.classNames().size()];
		summary = new EmotionSummary(columns.classNames(), trackOf);
		summaryLog = new SummaryLog(folder.resolve(SUMMARY), columns.classNames(), overwrite);
	}

	@Override
	public void accept(final PredictionRow row, final FaceBox box, final long index) throws IOException {
		log.append(row);
		// the summary sees the row as the log has it (6 decimals), so that merge, which reads the
		// logs back, recomputes it to the byte
		summaryLog.append(summary.add(log.columns().row(log.columns().cells(row))));
		if (index != lastImage) {
			imageCount++;
			lastImage = index;
		}
		if (!row.hasPrediction()) return;
		faces++;
		final List<String> names = confusion.classNames();
		final int predicted = names.indexOf(row.predictedEmotion());
		if (predicted < 0) return;
		counts[predicted]++;
		final int truth = row.trueLabel() == null ? -1 : names.indexOf(row.trueLabel());
		if (truth >= 0) confusion.add(truth, predicted);
	}

	/** The confusion matrix so far (labelled faces only). */
	public ConfusionMatrix confusionMatrix() { return confusion; }

	/**
	 * Moves the CSV into place and writes the charts and, with true labels, the confusion matrix
	 * and metrics.
	 *
	 * @return the files written
	 */
	public List<Path> finish() throws IOException {
		if (log == null) throw new IllegalStateException("Reports not started");
		if (finished) throw new IllegalStateException("Reports already finished");
		finished = true;
		final List<Path> written = new ArrayList<>();
		log.close();
		written.add(log.file());
		summaryLog.append(summary.finish());
		summaryLog.close();
		written.add(summaryLog.file());
		final Path distribution = folder.resolve(DISTRIBUTION);
		new DistributionChart(confusion.classNames(), counts).title("Distribution of predicted emotions")
			.subtitle(String.format(Locale.ROOT, "%d face%s in %d image%s", faces, faces == 1 ? "" : "s", imageCount,
				imageCount == 1 ? "" : "s"))
			.writePng(distribution, overwrite);
		written.add(distribution);
		if (confusion.total() > 0) {
			final ClassificationMetrics metrics = new ClassificationMetrics(confusion);
			confusion.writeCsv(folder.resolve(CONFUSION_CSV), overwrite);
			new ConfusionMatrixChart(confusion).title("Confusion matrix")
				.subtitle(String.format(Locale.ROOT, "accuracy %.3f on %d labelled faces", metrics.accuracy(),
				confusion.total())).writePng(folder.resolve(CONFUSION_PNG), overwrite);
			metrics.writeCsv(folder.resolve(METRICS), overwrite);
			written.add(folder.resolve(CONFUSION_CSV));
			written.add(folder.resolve(CONFUSION_PNG));
			written.add(folder.resolve(METRICS));
		}
		return written;
	}

	/** Drops an unfinished CSV (e.g. after an error); does nothing after {@link #finish()}. */
	@Override
	public void close() {
		if (log != null && !finished) {
			log.discard();
			summaryLog.discard();
		}
		finished = true;
	}
}
