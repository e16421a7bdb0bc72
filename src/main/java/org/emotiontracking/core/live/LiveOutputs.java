package org.emotiontracking.core.live;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.emotiontracking.core.report.DistributionChart;
import org.emotiontracking.core.report.EmotionTimelineChart;
import org.emotiontracking.core.util.AtomicFiles;
import org.emotiontracking.core.video.Frame;
import org.opencv.core.Mat;

/**
 * The files of a live session in its output folder: {@value #TIMELINE_CSV} (streamed),
 * {@value #VIDEO} (with record=true), and at the end {@value #TIMELINE_PNG} (each face's emotion
 * over time), {@value #DISTRIBUTION_PNG} and {@link FaceSummary#FILE} (per face id: frames seen,
 * share of time per emotion). Existing files are an error unless overwrite is on,
 * checked before anything is written.
 */
public final class LiveOutputs implements Closeable {

	public static final String TIMELINE_CSV = "emotion_timeline.csv";
	public static final String VIDEO = "annotated.mp4";
	public static final String TIMELINE_PNG = "emotion_timeline.png";
	public static final String DISTRIBUTION_PNG = "emotion_distribution.png";
	/** Faces drawn in the timeline chart (those seen most often). */
	public static final int MAX_CHART_FACES = 20;
	/** Time bins of the timeline chart. */
	public static final int MAX_CHART_BINS = 2000;

	private final Path folder;
	private final List<String> classNames;
	private final boolean overwrite;
	private final TimelineCsv.Writer csv;
	private final boolean record;
	private final double videoFps;
	private final FaceSummary faceSummary;
	private AnnotatedVideo video;
	private boolean closed;

	private LiveOutputs(final Path folder, final List<String> classNames, final boolean record, final boolean overwrite,
		final double videoFps, final boolean realTime) throws IOException
	{
		this.folder = folder;
		this.classNames = List.copyOf(classNames);
		this.overwrite = overwrite;
		this.record = record;
		this.videoFps = videoFps;
		this.faceSummary = new FaceSummary(classNames);
		this.csv = new TimelineCsv.Writer(folder.resolve(TIMELINE_CSV), classNames, overwrite);
	}

	/** The files a session writes into {@code folder}. */
	public static List<Path> files(final Path folder, final boolean record) {
		final List<Path> out = new ArrayList<>();
		out.add(folder.resolve(TIMELINE_CSV));
		if (record) out.add(folder.resolve(VIDEO));
		out.add(folder.resolve(TIMELINE_PNG));
		out.add(folder.resolve(DISTRIBUTION_PNG));
		out.add(folder.resolve(FaceSummary.FILE));
		return out;
	}

	/**
	 * Fails if an output exists and overwrite is off, or if the folder is a file.
	 *
	 * @throws java.nio.file.FileAlreadyExistsException naming the file
	 */
	public static void checkCanWrite(final Path folder, final boolean record,
		final boolean overwrite) throws IOException {
		if (Files.exists(folder) && !Files.isDirectory(folder)) throw new IOException("Output is not a folder: "
			+ folder.toAbsolutePath());
		for (final Path f : files(folder, record)) AtomicFiles.checkCanWrite(f, overwrite);
	}

	/**
	 * Creates the folder and the CSV (header written).
	 *
	 * @param videoFps frame rate of annotated.mp4 (the source's; 0 = 30)
	 * @param realTime the source is live (kept for callers; the video carries each frame's own time)
	 */
	public static LiveOutputs open(final Path folder, final List<String> classNames, final boolean record,
		final boolean overwrite, final double videoFps, final boolean realTime) throws IOException
	{
		checkCanWrite(folder, record, overwrite);
		Files.createDirectories(folder);
		return new LiveOutputs(folder, classNames, record, overwrite, videoFps, realTime);
	}

	/** Appends one frame's rows to the CSV (flushed). */
	public void writeRows(final Frame frame, final List<TrackedFace> faces) throws IOException {
		csv.write(frame, faces);
		faceSummary.add(frame.time(), faces);
	}

	/** Whether annotated frames are recorded. */
	public boolean recording() { return record; }

	/** Appends an annotated frame (RGB Mat) to the video, opened at the first frame's size. */
	public void record(final Mat annotatedRgb, final double time) throws IOException {
		if (!record) return;
		if (video == null) video = new AnnotatedVideo(folder.resolve(VIDEO), annotatedRgb.cols(), annotatedRgb.rows(),
			videoFps, overwrite);
		video.write(annotatedRgb, time);
	}

	/** Rows in the CSV so far. */
	public long rows() { return csv.rows(); }

	/** The encoder of the annotated video (null before its first frame). */
	public String videoEncoder() { return video == null ? null : video.encoder(); }

	/** The per-face summary so far. */
	public FaceSummary faceSummary() { return faceSummary; }

	/** Frames in the video so far. */
	public long videoFrames() { return video == null ? 0 : video.frames(); }

	/** Closes the CSV and the video (idempotent); the charts can be written afterwards. */
	@Override
	public void close() throws IOException {
		if (closed) return;
		closed = true;
		try {
			csv.close();
		}
		finally {
			if (video != null) video.close();
		}
	}

	/**
	 * Closes the CSV and video, then draws the charts: the timeline from the CSV (read back in
	 * bounded memory) and the distribution of the given counts. Returns every file written.
	 *
	 * @param timeAxisLabel e.g. "Time (s)" or "Frame"
	 */
	public List<Path> finish(final long[] counts, final String timeAxisLabel) throws IOException {
		close();
		final List<Path> written = new ArrayList<>();
		written.add(folder.resolve(TIMELINE_CSV));
		if (video != null) written.add(video.file());
		final TimelineCsv.ChartData data = TimelineCsv.readTimeline(folder.resolve(TIMELINE_CSV), MAX_CHART_FACES,
			MAX_CHART_BINS);
		final EmotionTimelineChart timeline = new EmotionTimelineChart(data.timeline, classNames)
			.timeAxisLabel(timeAxisLabel);
		if (data.faces > data.shown.size()) timeline.subtitle(
			String.format(Locale.ROOT, "the %d faces seen longest of %d", data.shown.size(), data.faces));
		timeline.writePng(folder.resolve(TIMELINE_PNG), overwrite);
		written.add(folder.resolve(TIMELINE_PNG));
		new DistributionChart(classNames, counts).categoryAxisLabel("Emotion (per face and frame)")
			.writePng(folder.resolve(DISTRIBUTION_PNG), overwrite);
		written.add(folder.resolve(DISTRIBUTION_PNG));
		faceSummary.write(folder.resolve(FaceSummary.FILE), overwrite);
		written.add(folder.resolve(FaceSummary.FILE));
		return written;
	}
}
