package org.emotiontracking.core.classify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.emotiontracking.core.util.ProgressListener;

/** What a classification run did. Immutable. */
public final class ClassificationSummary {

	/** At most this many failure messages are kept (the CSV has them all). */
	public static final int MAX_KEPT_FAILURES = 100;

	private final long images;
	private final long faces;
	private final long noFaceImages;
	private final long failures;
	private final List<String> failureMessages;
	private final long labelled;
	private final long correct;
	private final double seconds;
	private final boolean cancelled;
	private final List<Path> files;

	ClassificationSummary(final long images, final long faces, final long noFaceImages, final long failures,
		final List<String> failureMessages, final long labelled, final long correct, final double seconds,
		final boolean cancelled, final List<Path> files)
	{
		this.images = images;
		this.faces = faces;
		this.noFaceImages = noFaceImages;
		this.failures = failures;
		this.failureMessages = Collections.unmodifiableList(new ArrayList<>(failureMessages));
		this.labelled = labelled;
		this.correct = correct;
		this.seconds = seconds;
		this.cancelled = cancelled;
		this.files = Collections.unmodifiableList(new ArrayList<>(files));
	}

	/** The same summary listing the files written. */
	ClassificationSummary withFiles(final List<Path> written) {
		return new ClassificationSummary(images, faces, noFaceImages, failures, failureMessages, labelled, correct,
			seconds, cancelled, written);
	}

	/** Images (files, slices, frames) processed, including failed ones. */
	public long images() { return images; }

	/** Faces classified (with {@link FaceMode#WHOLE}: images classified). */
	public long faces() { return faces; }

	/** Images read fine in which no face was found. */
	public long noFaceImages() { return noFaceImages; }

	/** Images that could not be read or processed. */
	public long failures() { return failures; }

	/** The first {@value #MAX_KEPT_FAILURES} failure messages (each names the file and the problem). */
	public List<String> failureMessages() { return failureMessages; }

	/** Classified faces with a known true label. */
	public long labelled() { return labelled; }

	/** Of those, correctly classified. */
	public long correct() { return correct; }

	/** Whether any classified face had a true label. */
	public boolean hasAccuracy() { return labelled > 0; }

	/** correct / labelled, or NaN if no face had a true label. */
	public double accuracy() { return labelled == 0 ? Double.NaN : (double) correct / labelled; }

	/** Wall-clock seconds of the classification (model loading excluded). */
	public double seconds() { return seconds; }

	/** Images per second. */
	public double imagesPerSecond() { return seconds > 0 ? images / seconds : 0; }

	/** Whether the user stopped the run before the end of the input. */
	public boolean cancelled() { return cancelled; }

	/** The report files written (empty without an output folder). */
	public List<Path> files() { return files; }

	/** Whether every image was read and processed. */
	public boolean allSucceeded() { return failures == 0; }

	@Override
	public String toString() {
		final StringBuilder sb = new StringBuilder();
		sb.append(String.format(Locale.ROOT, "%d image%s, %d face%s classified, %d without a face, %d failed%s%n",
			images, images == 1 ? "" : "s", faces, faces == 1 ? "" : "s", noFaceImages, failures, cancelled
			? " (stopped by the user)" : ""));
		if (hasAccuracy()) sb.append(String.format(Locale.ROOT, "accuracy %.4f (%d of %d labelled faces)%n", accuracy(),
			correct, labelled));
		sb.append(String.format(Locale.ROOT, "%.1f s, %.1f images/s", seconds, imagesPerSecond()));
		return sb.toString();
	}

	/**
	 * Logs what the run did, as the CLI and the Fiji command show it: this summary, the images that
	 * could not be read (the first {@value #MAX_KEPT_FAILURES}) and the files written into {@code output}.
	 */
	public void log(final ProgressListener progress, final Path output) {
		for (final String line : toString().split("\\R")) progress.log(line);
		if (failures > 0) {
			progress.log(failures + " image" + (failures == 1 ? "" : "s") + " could not be read"
				+ (failures > failureMessages.size() ? " (all are listed in the CSV's error column)" : "") + ":");
			for (final String m : failureMessages) progress.log("  " + m);
		}
		if (!files.isEmpty() && output != null) {
			progress.log("Results in " + output.toAbsolutePath() + ":");
			for (final Path f : files) progress.log("  " + f.getFileName());
		}
	}
}
