package org.emotiontracking.core.explain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import org.emotiontracking.core.data.ImageDecoder;
import org.emotiontracking.core.data.ImageFile;
import org.emotiontracking.core.data.Shard;
import org.emotiontracking.core.data.WorkList;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.report.PngFiles;
import org.emotiontracking.core.util.AtomicFiles;
import org.emotiontracking.core.util.FileNames;
import org.emotiontracking.core.util.ProgressListener;
import org.emotiontracking.core.util.Required;

/**
 * Grad-CAM Overlay: explains the faces of an image or of every image in a folder and writes
 * {@code <name>_gradcam.png} (the blend with class and probability beside each face) and
 * {@code <name>_heatmap.tif} (the 0..1 map, 32-bit float, image-sized) per image. A file that cannot
 * be read or written is named and skipped; the batch goes on. Also usable on one image in memory
 * ({@link #explain}), which is what the ImageJ command draws as an overlay.
 */
public final class GradCamJob implements AutoCloseable {

	public static final String PNG_SUFFIX = "_gradcam.png";
	public static final String TIFF_SUFFIX = "_heatmap.tif";

	private final GradCamSettings settings;
	private final GradCam gradCam;
	private final FaceFinder finder;
	private final int target;

	private GradCamJob(final GradCamSettings settings, final GradCam gradCam, final FaceFinder finder,
		final int target) {
		this.settings = settings;
		this.gradCam = gradCam;
		this.finder = finder;
		this.target = target;
	}

	/**
	 * Checks the settings, opens the model and the face detector. Unknown layer=, target=, method=,
	 * faces= values fail here with the valid choices.
	 */
	public static GradCamJob open(final GradCamSettings s) throws IOException {
		s.validate();
		final GradCamMethod method = GradCamMethod.fromId(s.method);
		final FaceFinder finder = FaceFinder.fromSettings(s);
		GradCam gc = null;
		try {
			gc = GradCam.load(s.model, s.classes, s.layer, method, s.trust);
			return new GradCamJob(s, gc, finder, gc.targetIndex(s.target));
		}
		catch (final IOException | RuntimeException e) {
			if (gc != null) gc.close();
			finder.close();
			throw e;
		}
	}

	/** Opens, processes {@code input} into {@code output}, closes. */
	public static Summary run(final GradCamSettings s, final ProgressListener progress) throws IOException {
		s.validate(Required.INPUT, Required.OUTPUT);
		try (GradCamJob job = open(s)) {
			return job.run(progress);
		}
	}

	public GradCam gradCam() { return gradCam; }

	public FaceFinder faceFinder() { return finder; }

	/** The class index explained (-1: each face's predicted class). */
	public int target() { return target; }

	/** Finds the faces of an image and explains them (nothing is written). */
	public ImageExplanation explain(final RgbImage image) {
		return gradCam.explainCrops(image, finder.crops(image), target);
	}

	/**
	 * Explains images held in memory (e.g. the planes of an ImageJ stack) in order, handing each
	 * explanation to {@code each}; nothing is written. Opens the model and detector, closes them.
	 * Cancel and failures as for files: checked between images; an image that fails is named and
	 * skipped, the others go on.
	 *
	 * @param title what the images are, for messages (image {@code i} is "title:i+1" when there are several)
	 * @param images image {@code i} of {@code count}, 0-based
	 */
	public static Summary run(final GradCamSettings s, final String title, final int count,
		final IntFunction<RgbImage> images, final Explained each, final ProgressListener progress) throws IOException
	{
		try (GradCamJob job = open(s)) {
			each.start();
			progress.log(String.format(Locale.ROOT, "Grad-CAM%s of %s on layer %s (%s) of %s, %d image%s, faces: %s",
				job.gradCam.method() == GradCamMethod.GRADCAM ? "" : "++", job.targetDescription(), job.gradCam.layer(),
				job.gradCam.method(), job.gradCam.description(), count, count == 1 ? "" : "s",
				job.finder.description()));
			final List<String> names = new ArrayList<>(count);
			for (int i = 0; i < count; i++) names.add(count == 1 ? title : title + ":" + (i + 1));
			final Summary summary = job.loop(names, i -> {
				final RgbImage image = images.apply(i);
				final ImageExplanation e = job.explain(image);
				each.accept(i, image, e);
				return new ImageResult(null, names.get(i), image.width(), image.height(), e.faces(), null, null);
			}, progress);
			progress.log(job.footer(summary));
			return summary;
		}
	}

	/** Receives each explained image of {@link #run(GradCamSettings, String, int, IntFunction, Explained,
	 * ProgressListener)}. */
	public interface Explained {

		/** Called once the model and the detector are open, before the first image. */
		default void start() {}

		/** Image {@code index} (0-based) and its explanation. */
		void accept(int index, RgbImage image, ImageExplanation explanation);
	}

	/** Processes the settings' input into its output folder. */
	public Summary run(final ProgressListener progress) throws IOException {
		settings.validate(Required.INPUT, Required.OUTPUT);
		final List<ImageFile> files = files(settings);
		Files.createDirectories(settings.output);
		progress.log(String.format(Locale.ROOT, "Grad-CAM%s of %s on layer %s (%s) of %s, %d image%s%s, faces: %s",
			gradCam.method() == GradCamMethod.GRADCAM ? "" : "++", targetDescription(), gradCam.layer(),
			gradCam.method(), gradCam.description(), files.size(), files.size() == 1 ? "" : "s", settings.shard()
			.isAll() ? "" : " (shard " + settings.shard() + ")", finder.description()));
		final ImageDecoder decoder = new ImageDecoder();
		final List<String> names = new ArrayList<>(files.size());
		for (final ImageFile f : files) names.add(f.relativePath());
		final Summary summary = loop(names, i -> process(files.get(i), decoder), progress);
		progress.log(footer(summary) + "; output in " + settings.output);
		return summary;
	}

	/** One image of a run: explained, and written where the run writes. */
	private interface Item {
		ImageResult process(int index) throws IOException;
	}

	/** The images of a run in order, with cancel between them and failures skipped and named. */
	private Summary loop(final List<String> names, final Item item, final ProgressListener progress) {
		final Summary summary = new Summary();
		for (int i = 0; i < names.size(); i++) {
			if (progress.isCancelled()) {
				summary.cancelled = true;
				progress.log("Cancelled after " + i + " of " + names.size() + " images");
				break;
			}
			final String name = names.get(i);
			progress.status(String.format(Locale.ROOT, "Grad-CAM %d/%d: %s", i + 1, names.size(), name));
			progress.progress((double) i / names.size());
			try {
				final ImageResult r = item.process(i);
				summary.results.add(r);
				if (r.faces.isEmpty()) {
					summary.withoutFaces.add(name);
					progress.log("No face found in " + name + (finder.wholeImage() ? ""
						: " (for face crops use faces=whole)"));
				}
			}
			catch (final IOException | RuntimeException e) {
				final String message = name + ": " + (e.getMessage() == null ? e.toString() : e.getMessage());
				summary.failures.add(message);
				progress.log("Skipped " + message);
			}
		}
		progress.progress(1);
		return summary;
	}

	private String targetDescription() {
		return target < 0 ? "the predicted class" : gradCam.classNames().get(target);
	}

	private static String footer(final Summary summary) {
		final int faces = summary.faces();
		return String.format(Locale.ROOT, "Grad-CAM: %d image%s, %d face%s, %d skipped%s", summary.results.size(),
			summary.results.size() == 1 ? "" : "s", faces, faces == 1 ? "" : "s", summary.failures.size(),
			summary.withoutFaces.isEmpty() ? "" : ", " + summary.withoutFaces.size() + " without faces");
	}

	/**
	 * The images of the settings' input in work order ({@link WorkList}: the canonical list every
	 * batch command and every shard uses), only {@code shard=}'s slice of them; without a shard,
	 * images inside the output folder are left out. A shard's list must not depend on what the other
	 * shards write, so with {@code shard=} the output may not be the input folder nor, with
	 * {@code recursive=true}, inside it.
	 */
	static List<ImageFile> files(final GradCamSettings s) throws IOException {
		final Shard shard = s.shard();
		final Path in = s.input.toAbsolutePath().normalize(), out = s.output.toAbsolutePath().normalize();
		final boolean folder = Files.isDirectory(in);
		final List<ImageFile> files = new ArrayList<>();
		try {
			for (final ImageFile f : WorkList.of(s.input, s.recursive, null).shard(shard))
				if (!folder || !shard.isAll() || !f.path().toAbsolutePath().normalize().startsWith(out)) files.add(f);
		}
		catch (final UncheckedIOException e) {
			throw e.getCause();
		}
		return files;
	}

	private ImageResult process(final ImageFile f, final ImageDecoder decoder) throws IOException {
		final String rel = f.relativePath().replace('\\', '/');
		final int slash = rel.lastIndexOf('/');
		final Path folder = slash < 0 ? settings.output : settings.output.resolve(rel.substring(0, slash));
		final String stem = FileNames.stem(rel.substring(slash + 1));
		final Path png = folder.resolve(stem + PNG_SUFFIX), tif = folder.resolve(stem + TIFF_SUFFIX);
		AtomicFiles.checkCanWrite(png, settings.overwrite);
		AtomicFiles.checkCanWrite(tif, settings.overwrite);
		final RgbImage image = decoder.decode(f.path());
		final ImageExplanation e = explain(image);
		if (e.faces().isEmpty()) return new ImageResult(f.path(), rel, image.width(), image.height(), e.faces(), null,
			null);
		PngFiles.write(e.overlay(image, settings.alpha), png, settings.overwrite);
		FloatTiff.write(tif, image.width(), image.height(), e.heatmap(), settings.overwrite);
		return new ImageResult(f.path(), rel, image.width(), image.height(), e.faces(), png, tif);
	}

	@Override
	public void close() {
		try {
			gradCam.close();
		}
		finally {
			finder.close();
		}
	}

	/** One processed image: its faces with their explanations, and the files written (null if none). */
	public static final class ImageResult {
		public final Path file;
		public final String relativePath;
		public final int width, height;
		public final List<FaceExplanation> faces;
		public final Path gradCamPng, heatmapTiff;

		ImageResult(final Path file, final String relativePath, final int width, final int height,
			final List<FaceExplanation> faces, final Path gradCamPng, final Path heatmapTiff)
		{
			this.file = file;
			this.relativePath = relativePath;
			this.width = width;
			this.height = height;
			this.faces = Collections.unmodifiableList(new ArrayList<>(faces));
			this.gradCamPng = gradCamPng;
			this.heatmapTiff = heatmapTiff;
		}
	}

	/** What a run did. */
	public static final class Summary {
		public final List<ImageResult> results = new ArrayList<>();
		/** "relative/path.jpg: problem" for each image that was skipped. */
		public final List<String> failures = new ArrayList<>();
		/** Images in which no face was found (nothing written for them). */
		public final List<String> withoutFaces = new ArrayList<>();
		public boolean cancelled;

		public boolean ok() { return failures.isEmpty() && !cancelled; }

		/** The faces explained in all images. */
		public int faces() {
			int n = 0;
			for (final ImageResult r : results) n += r.faces.size();
			return n;
		}
	}
}
