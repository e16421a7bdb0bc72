package org.emotiontracking.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A labelled dataset laid out as one sub-folder per class (the layout of Keras'
 * {@code flow_from_directory}): {@code root/happy/a.jpg}, {@code root/sad/b.png}, ...
 * <p>
 * Images are recognised by extension ({@link ImageFileTypes}); class folders are searched
 * recursively, in sorted order. Hidden files and folders (names starting with a dot) are
 * skipped silently; other non-image files are skipped and counted. Nothing is decoded here: all
 * checks on the layout happen before any training work starts.
 */
public final class ClassFolderDataset {

	/** Each class needs one image for training and one for validation. */
	public static final int MIN_IMAGES_PER_CLASS = 2;

	private final Path root;
	private final List<String> classNames;
	private final List<Sample> samples;
	private final int ignoredFileCount;
	private final List<String> unusedFolders;

	private ClassFolderDataset(final Path root, final List<String> classNames, final List<Sample> samples,
		final int ignoredFileCount, final List<String> unusedFolders)
	{
		this.root = root;
		this.classNames = Collections.unmodifiableList(new ArrayList<>(classNames));
		this.samples = Collections.unmodifiableList(samples);
		this.ignoredFileCount = ignoredFileCount;
		this.unusedFolders = Collections.unmodifiableList(unusedFolders);
	}

	/**
	 * Scans {@code root} using every (non-hidden) sub-folder as a class, classes in sorted name
	 * order.
	 *
	 * @throws DatasetException if there are no class folders or a class has fewer than
	 *           {@value #MIN_IMAGES_PER_CLASS} images, or the folder cannot be listed
	 */
	public static ClassFolderDataset scan(final Path root) throws DatasetException {
		return scan(root, null);
	}

	/**
	 * Scans {@code root} with the given class order (as Keras' {@code classes=} argument):
	 * class i is the folder named {@code classes.get(i)}; folders not listed are not used (see
	 * {@link #unusedFolders()}). With {@code classes} null or empty, all folders in sorted order.
	 *
	 * @throws DatasetException if a listed class has no folder (naming it), the list has
	 *           duplicates, there are no class folders, or a class has too few images
	 */
	public static ClassFolderDataset scan(final Path root, final List<String> classes) throws DatasetException {
		if (!Files.isDirectory(root)) throw new DatasetException("Dataset folder " + root
			+ " does not exist or is not a folder");
		final List<String> folders = listClassFolders(root);
		final List<String> classNames;
		final List<String> unused = new ArrayList<>();
		if (classes == null || classes.isEmpty()) {
			if (folders.isEmpty()) throw new DatasetException("No class folders in " + root +
				": expected one sub-folder per class (e.g. " + root.resolve("happy") + ")");
			classNames = folders;
		}
		else {
			classNames = checkGivenClasses(root, classes, folders);
			for (final String f : folders)
				if (!classNames.contains(f)) unused.add(f);
		}
		final List<Sample> samples = new ArrayList<>();
		int ignored = countLooseFiles(root);
		final List<String> tooSmall = new ArrayList<>();
		for (int c = 0; c < classNames.size(); c++) {
			final List<Path> images = new ArrayList<>();
			ignored += collectImages(root.resolve(classNames.get(c)), images);
			if (images.size() < MIN_IMAGES_PER_CLASS) tooSmall.add("'" + classNames.get(c) + "' has " + images.size() +
				(images.size() == 1 ? " image" : " images"));
			for (final Path p : images) samples.add(new Sample(p, c));
		}
		if (!tooSmall.isEmpty()) throw new DatasetException("Each class needs at least " + MIN_IMAGES_PER_CLASS +
			" images (one for training, one for validation) in " + root + ": class "
			+ String.join(", class ", tooSmall));
		return new ClassFolderDataset(root, classNames, samples, ignored, unused);
	}

	private static List<String> checkGivenClasses(final Path root, final List<String> classes,
		final List<String> folders) throws DatasetException
	{
		final Set<String> seen = new HashSet<>();
		final List<String> missing = new ArrayList<>();
		for (final String c : classes) {
			if (c == null || c.trim().isEmpty()) throw new DatasetException("Empty class name in the class list "
				+ classes);
			if (!seen.add(c)) throw new DatasetException("Class '" + c + "' is listed twice in " + classes);
			if (!folders.contains(c)) missing.add(c);
		}
		if (!missing.isEmpty()) throw new DatasetException("No folder for class" + (missing.size() > 1 ? "es " : " ") +
			missing.stream().map(m -> "'" + m + "'").collect(Collectors.joining(", ")) + " in " + root +
			(folders.isEmpty() ? " (it has no sub-folders)" : " (found: " + String.join(", ", folders) + ")"));
		return new ArrayList<>(classes);
	}

	/** Non-hidden sub-folder names, sorted. */
	private static List<String> listClassFolders(final Path root) throws DatasetException {
		try (Stream<Path> s = Files.list(root)) {
			return s.filter(p -> Files.isDirectory(p) && !ImageFileTypes.isHidden(p))
				.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
		catch (final IOException e) {
			throw new DatasetException("Cannot list " + root + ": " + e, e);
		}
	}

	/** Non-hidden files lying directly in the root (not in a class): ignored, counted. */
	private static int countLooseFiles(final Path root) throws DatasetException {
		try (Stream<Path> s = Files.list(root)) {
			return (int) s.filter(p -> Files.isRegularFile(p) && !ImageFileTypes.isHidden(p)).count();
		}
		catch (final IOException e) {
			throw new DatasetException("Cannot list " + root + ": " + e, e);
		}
	}

	/** Adds image files under the folder (recursive, sorted); returns the count of other files. */
	private static int collectImages(final Path folder, final List<Path> images) throws DatasetException {
		final List<Path> entries;
		try (Stream<Path> s = Files.list(folder)) {
			entries = FolderOrder.sorted(s.filter(p -> !ImageFileTypes.isHidden(p)));
		}
		catch (final IOException e) {
			throw new DatasetException("Cannot list " + folder + ": " + e, e);
		}
		int ignored = 0;
		for (final Path p : entries) {
			if (Files.isDirectory(p)) ignored += collectImages(p, images);
			else if (Files.isRegularFile(p) && ImageFileTypes.isImage(p)) images.add(p);
			else ignored++;
		}
		return ignored;
	}

	/** The dataset folder. */
	public Path root() { return root; }

	/** Class names; class index i is {@code classNames().get(i)}. */
	public List<String> classNames() { return classNames; }

	/** All images with their class index, by class, then by path (deterministic). */
	public List<Sample> samples() { return samples; }

	/** Non-image, non-hidden files found in the root or class folders (skipped). */
	public int ignoredFileCount() { return ignoredFileCount; }

	/** Sub-folders not used because a class list was given that does not name them. */
	public List<String> unusedFolders() { return unusedFolders; }

	/** Number of images of each class, indexed like {@link #classNames()}. */
	public int[] countsPerClass() {
		final int[] counts = new int[classNames.size()];
		for (final Sample s : samples) counts[s.classIndex()]++;
		return counts;
	}

	@Override
	public String toString() {
		return samples.size() + " images in " + classNames.size() + " classes " + classNames + " from " + root +
			(ignoredFileCount > 0 ? " (" + ignoredFileCount + " other files ignored)" : "");
	}
}
