package org.emotiontracking.cli;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.Map;

import org.emotiontracking.core.classify.MergeSettings;
import org.emotiontracking.core.classify.ShardMerge;
import org.emotiontracking.core.util.ProgressListener;
import org.emotiontracking.core.util.Settings;

/**
 * `merge`: the shards' outputs of a `classify shard=i/n` run into one output. Exit status 0 when
 * merged, 1 when a shard is missing, incomplete or of another run (named), 2 for usage errors.
 */
final class MergeCli implements CliCommand {

	@Override
	public String name() { return "merge"; }

	@Override
	public String summary() {
		return "Merge the outputs of classify shard=i/n runs (sub-folders of input=) into one log and its charts";
	}

	@Override
	public Object defaults() { return new MergeSettings(); }

	@Override
	public int run(final Map<String, String> keys, final ProgressListener progress) throws Exception {
		final MergeSettings s = Settings.apply(new MergeSettings(), keys);
		final ShardMerge.Result result;
		try {
			result = ShardMerge.run(s, progress);
		}
		catch (final FileAlreadyExistsException e) {
			throw new IllegalArgumentException(e.getReason() != null ? e.getReason() : "Output file already exists: " + e.getFile(), e);
		}
		if (result.failures > 0) progress.log(result.failures + " image" + (result.failures == 1 ? "" : "s") +
			" could not be read (see the log's error column)");
		progress.log("Results in " + s.output.toAbsolutePath() + ":");
		for (final Path f : result.files) progress.log("  " + f.getFileName());
		return 0;
	}
}
