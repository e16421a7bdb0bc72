package org.emotiontracking.core.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.emotiontracking.core.data.ClassFolderDataset;
import org.emotiontracking.core.data.DatasetException;
import org.emotiontracking.core.data.ImageDecoder;
import org.emotiontracking.core.data.ImageReadException;
import org.emotiontracking.core.data.Resize;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.data.Sample;
import org.emotiontracking.core.data.StratifiedSplit;
import org.emotiontracking.core.util.ProgressListener;

/**
 * The training and validation images: scanned, split (stratified and seeded, or a separate folder),
 * decoded in parallel to 8-bit RGB at the model's input size. Unreadable images are reported by name
 * and skipped.
 */
final class TrainingData {

	final List<String> classNames;
	final Path root;
	final List<Sample> trainSamples, validationSamples;
	final LabelledImages train, validation;
	final List<String> failures;
	final int ignoredFiles;

	private TrainingData(final List<String> classNames, final Path root, final List<Sample> trainSamples,
		final List<Sample> validationSamples, final LabelledImages train, final LabelledImages validation,
		final List<String> failures, final int ignoredFiles)
	{
		this.classNames = classNames;
		this.root = root;
		this.trainSamples = trainSamples;
		this.validationSamples = validationSamples;
		this.train = train;
		this.validation = validation;
		this.failures = failures;
		this.ignoredFiles = ignoredFiles;
	}

	/** Scans and splits without decoding: every dataset error surfaces here, before any work. */
	static ClassFolderDataset[] scan(final TrainSettings s) throws DatasetException {
		if (s.dataset == null) throw new DatasetException(
			"No dataset given: set dataset= to a folder with one sub-folder per emotion");
		final ClassFolderDataset data = ClassFolderDataset.scan(s.dataset, s.classes);
		final ClassFolderDataset val = s.validation_dataset == null ? null
			: ClassFolderDataset.scan(s.validation_dataset, data.classNames());
		if (val == null && !(s.validation > 0 && s.validation < 1)) throw new DatasetException(
			"validation must be between 0 and 1 (exclusive), got " + s.validation);
		return new ClassFolderDataset[] { data, val };
	}

	static TrainingData load(final TrainSettings s, final ClassFolderDataset[] scanned, final ProgressListener progress)
		throws DatasetException
	{
		final ClassFolderDataset data = scanned[0], val = scanned[1];
		final List<Sample> trainSamples, valSamples;
		if (val == null) {
			final StratifiedSplit split = StratifiedSplit.of(data.samples(), s.validation, s.seed);
			trainSamples = split.training();
			valSamples = split.validation();
		}
		else {
			trainSamples = data.samples();
			valSamples = val.samples();
		}
		final List<String> failures = Collections.synchronizedList(new ArrayList<>());
		progress.log(String.format(Locale.ROOT, "Dataset %s: %d classes %s, %d training and %d validation images%s",
			data.root(), data.classNames().size(), data.classNames(), trainSamples.size(), valSamples.size(),
			data.ignoredFileCount() > 0 ? ", " + data.ignoredFileCount() + " other files ignored" : ""));
		final List<Sample> keptTrain = new ArrayList<>(), keptVal = new ArrayList<>();
		final LabelledImages train = decode(trainSamples, s.image_size, failures, keptTrain, progress, "training");
		final LabelledImages validation = decode(valSamples, s.image_size, failures, keptVal, progress, "validation");
		for (final String f : failures) progress.log("Skipped " + f);
		checkCounts(data.classNames(), train, "training");
		if (validation.size() == 0) throw new DatasetException("No readable validation images");
		return new TrainingData(data.classNames(), data.root(), keptTrain, keptVal, train, validation,
			new ArrayList<>(failures), data.ignoredFileCount());
	}

	private static LabelledImages decode(final List<Sample> samples, final int size, final List<String> failures,
		final List<Sample> kept, final ProgressListener progress, final String subset)
	{
		final RgbImage[] images = new RgbImage[samples.size()];
		final AtomicInteger done = new AtomicInteger();
		IntStream.range(0, samples.size()).parallel().forEach(i -> {
			final Sample sample = samples.get(i);
			try {
				final RgbImage im = new ImageDecoder().decode(sample.path());
				images[i] = Resize.resize(im, size, size, Resize.Interpolation.AREA);
			}
			catch (final ImageReadException e) {
				failures.add(e.getMessage());
			}
			catch (final RuntimeException e) {
				failures.add(sample.path() + ": " + e.getMessage());
			}
			final int n = done.incrementAndGet();
			if (n % 64 == 0) progress.status("Reading " + subset + " images: " + n + "/" + samples.size());
		});
		final List<RgbImage> ok = new ArrayList<>();
		final List<Integer> labels = new ArrayList<>();
		for (int i = 0; i < images.length; i++) {
			if (images[i] == null) continue;
			ok.add(images[i]);
			labels.add(samples.get(i).classIndex());
			kept.add(samples.get(i));
		}
		return new LabelledImages(ok, labels.stream().mapToInt(Integer::intValue).toArray());
	}

	private static void checkCounts(final List<String> classes, final LabelledImages set, final String subset)
		throws DatasetException
	{
		final int[] counts = new int[classes.size()];
		for (final int l : set.labels) counts[l]++;
		for (int c = 0; c < counts.length; c++)
			if (counts[c] == 0) throw new DatasetException("Class '" + classes.get(c) + "' has no readable " + subset
				+ " images");
	}
}
