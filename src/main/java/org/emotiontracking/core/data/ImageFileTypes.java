package org.emotiontracking.core.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Which file names are images: by extension, in any letter case. */
public final class ImageFileTypes {

	/** Lower-case extensions (without dot) of the formats {@link ImageDecoder} reads. */
	public static final Set<String> EXTENSIONS = Collections.unmodifiableSet(
		new LinkedHashSet<>(Arrays.asList("jpg", "jpeg", "png", "tif", "tiff", "bmp")));

	private ImageFileTypes() {}

	/** Whether the file name ends in one of {@link #EXTENSIONS}, e.g. {@code "A.JPG"}. */
	public static boolean isImageName(final String fileName) {
		final int dot = fileName.lastIndexOf('.');
		return dot > 0 && EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
	}

	/** Whether the path's file name is an image name (the file itself is not opened). */
	public static boolean isImage(final Path file) {
		final Path name = file.getFileName();
		return name != null && isImageName(name.toString());
	}

	/** Hidden files and folders: names starting with a dot (Unix, macOS "._x" and ".DS_Store"). */
	public static boolean isHidden(final Path file) {
		final Path name = file.getFileName();
		return name != null && name.toString().startsWith(".");
	}
}
