package org.emotiontracking.core.video;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.emotiontracking.core.data.ImageFileTypes;

/** Which file names are videos: by extension, in any letter case (the file itself is not opened). */
public final class VideoFileTypes {

	/** Lower-case extensions (without dot) read as videos through FFmpeg. */
	public static final Set<String> EXTENSIONS = Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList("mp4",
		"m4v", "mov", "mkv", "webm", "avi", "mpg", "mpeg", "ts", "mts", "m2ts", "3gp", "ogv", "wmv", "flv")));

	private VideoFileTypes() {}

	/** Whether the file name ends in one of {@link #EXTENSIONS}, e.g. {@code "A.MP4"}. */
	public static boolean isVideoName(final String fileName) {
		final int dot = fileName.lastIndexOf('.');
		return dot > 0 && EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
	}

	/** Whether the path's file name is an image or a video name (what Classify takes from a folder). */
	public static boolean isImageOrVideo(final Path file) {
		return ImageFileTypes.isImage(file) || isVideo(file);
	}

	/** Whether the path's file name is a video name. */
	public static boolean isVideo(final Path file) {
		final Path name = file.getFileName();
		return name != null && isVideoName(name.toString());
	}
}
