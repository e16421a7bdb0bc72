package org.emotiontracking.cli;

import java.nio.file.FileAlreadyExistsException;
import java.util.Map;

import org.emotiontracking.core.classify.ClassificationSummary;
import org.emotiontracking.core.classify.ClassifySettings;
import org.emotiontracking.core.classify.ClassifyTask;
import org.emotiontracking.core.util.ProgressListener;
import org.emotiontracking.core.util.Settings;

/**
 * `classify`: emotions of faces in images and folders. Exit status 0 when every image was read,
 * 1 when some failed (or the model/detector could not be loaded), 2 for usage errors (bad keys,
 * missing input, outputs that exist without overwrite=true).
 */
final class ClassifyCli implements CliCommand {

	@Override
	public String name() { return "classify"; }

	@Override
	public String summary() { return "Classify emotions of faces in an image or a folder; writes a CSV log and charts"; }

	@Override
	public Object defaults() { return new ClassifySettings(); }

	@Override
	public int run(final Map<String, String> keys, final ProgressListener progress) throws Exception {
		final ClassifySettings s = Settings.apply(new ClassifySettings(), keys);
		final ClassificationSummary summary;
		try {
			summary = ClassifyTask.run(s, progress);
		}
		catch (final FileAlreadyExistsException e) {
			throw new IllegalArgumentException(e.getReason() != null ? e.getReason() : "Output file already exists: " + e.getFile(), e);
		}
		summary.log(progress, s.output);
		return summary.allSucceeded() && !summary.cancelled() ? 0 : 1;
	}
}
