package org.emotiontracking.spark;

import org.emotiontracking.core.util.Setting;

/** The keys the Spark job adds to those of classify (which it takes unchanged, except shard=). */
public final class SparkSettings {

	@Setting("Partitions (shards) of the work list; 0 = Spark's default parallelism (the cores of the executors)")
	public int partitions = 0;
}
