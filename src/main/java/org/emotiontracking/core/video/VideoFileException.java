package org.emotiontracking.core.video;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A video file cannot be read: missing, not a video (an audio-only file, another file with a video
 * extension), a codec this FFmpeg build lacks, or damaged before its first frame. The message names
 * the file and what was found.
 */
public class VideoFileException extends IOException {

	private static final long serialVersionUID = 1L;

	private final transient Path file;

	public VideoFileException(final Path file, final String problem) {
		super(problem + ": " + file);
		this.file = file;
	}

	public VideoFileException(final Path file, final String problem, final Throwable cause) {
		super(problem + ": " + file, cause);
		this.file = file;
	}

	/** The file. */
	public Path file() { return file; }
}
