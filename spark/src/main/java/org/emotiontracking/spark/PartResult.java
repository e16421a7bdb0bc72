package org.emotiontracking.spark;

import java.io.Serializable;
import java.util.Locale;

/** What one partition (one shard of the work list) did on its executor; sent back to the driver. */
public final class PartResult implements Serializable {

	private static final long serialVersionUID = 1L;

	/** Partition index = shard index. */
	public final int partition;
	/** Spark's executor id ("driver" in local mode) and the executor JVM's process id. */
	public final String executor;
	public final long pid;
	/** Seconds this task waited for the model and the detector (about 0 when its JVM had them open). */
	public final double loadSeconds;
	/** Seconds classifying and writing the part (model loading excluded). */
	public final double classifySeconds;
	public final long items, images, failures;
	/** Models the executor JVM had opened after this task (1 when it opened the model once for all its tasks). */
	public final int jvmModelLoads;

	PartResult(final int partition, final String executor, final long pid, final double loadSeconds, final double classifySeconds,
		final long items, final long images, final long failures, final int jvmModelLoads)
	{
		this.jvmModelLoads = jvmModelLoads;
		this.partition = partition;
		this.executor = executor;
		this.pid = pid;
		this.loadSeconds = loadSeconds;
		this.classifySeconds = classifySeconds;
		this.items = items;
		this.images = images;
		this.failures = failures;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "part %d on executor %s (pid %d): %d items, %d images (%d failed), model %.2f s, classify %.2f s",
			partition, executor, pid, items, images, failures, loadSeconds, classifySeconds);
	}
}
