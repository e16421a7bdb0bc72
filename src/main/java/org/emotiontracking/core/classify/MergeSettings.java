package org.emotiontracking.core.classify;

import java.nio.file.Path;

import org.emotiontracking.core.util.Setting;

/** The keys of {@code merge}: the outputs of a sharded Classify run into one. */
public final class MergeSettings {

	@Setting("Folder whose sub-folders are the outputs of the shards (each with shard.json)")
	public Path input;
	@Setting("Folder for the merged CSV log, distribution chart and (with true labels) confusion matrix and metrics")
	public Path output;
	@Setting("Replace existing output files")
	public boolean overwrite = false;
}
