package org.emotiontracking.cli;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;

import org.emotiontracking.core.classify.MergeSettings;
import org.emotiontracking.core.classify.ShardMerge;
import org.emotiontracking.core.util.ProgressListener;

/**
 * `merge`: the shards' outputs of a `classify shard=i/n` run into one output. Exit status 0 when
 * merged, 1 when a shard is missing, incomplete or of another run (named), 2 for usage errors.
 */
final class MergeCli extends SettingsCli<MergeSettings> {

	MergeCli() {
		super("merge",
			"Merge the outputs of classify shard=i/n runs (sub-folders of input=) into one log and its charts",
			MergeSettings::new);
	}

	@Override
	int run(final MergeSettings s, final ProgressListener progress) throws Exception {
		final ShardMerge.Result result;
		try {
			result = ShardMerge.run(s, progress);
		}
		catch (final FileAlreadyExistsException e) {
			throw usage(e);
		}
		if (result.failures > 0) progress.log(result.failures + " image" + (result.failures == 1 ? "" : "s") +
			" could not be read (see the log's error column)");
		progress.log("Results in " + s.output.toAbsolutePath() + ":");
		for (final Path f : result.files) progress.log("  " + f.getFileName());
		return 0;
	}
}
