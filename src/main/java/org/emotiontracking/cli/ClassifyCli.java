package org.emotiontracking.cli;

import java.nio.file.FileAlreadyExistsException;

import org.emotiontracking.core.classify.ClassificationSummary;
import org.emotiontracking.core.classify.ClassifySettings;
import org.emotiontracking.core.classify.ClassifyTask;
import org.emotiontracking.core.util.ProgressListener;

/**
 * `classify`: emotions of faces in images and folders. Exit status 0 when every image was read,
 * 1 when some failed (or the model/detector could not be loaded), 2 for usage errors (bad keys,
 * missing input, outputs that exist without overwrite=true).
 */
final class ClassifyCli extends SettingsCli<ClassifySettings> {

	ClassifyCli() {
		super("classify",
			"Classify emotions of faces in an image or a folder; writes a CSV log and charts",
			ClassifySettings::new);
	}

	@Override
	int run(final ClassifySettings s, final ProgressListener progress) throws Exception {
		final ClassificationSummary summary;
		try {
			summary = ClassifyTask.run(s, progress);
		}
		catch (final FileAlreadyExistsException e) {
			throw usage(e);
		}
		summary.log(progress, s.output);
		return summary.allSucceeded() && !summary.cancelled() ? 0 : 1;
	}
}
