package org.emotiontracking.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.function.Function2;
import org.emotiontracking.core.classify.ClassificationSummary;
import org.emotiontracking.core.classify.ClassifySettings;
import org.emotiontracking.core.classify.ClassifyTask;
import org.emotiontracking.core.detect.FaceDetector;
import org.emotiontracking.core.model.EmotionClassifier;
import org.emotiontracking.core.util.ProgressListener;
import org.emotiontracking.core.util.Settings;

/**
 * What an executor does with one partition of the work list: partition {@code i} of {@code n} is
 * shard {@code i/n} (parallelize slices as {@link org.emotiontracking.core.data.Shard} does), run
 * by {@link ClassifyTask#runShard} with the JVM's {@link ExecutorModels} into
 * {@code <parts>/part-<i>}: its log and charts (each written to a temporary file and moved into
 * place) and its shard.json. A task attempt that is run again replaces its own part.
 */
final class PartTask implements Function2<Integer, Iterator<String>, Iterator<PartResult>>, Serializable {

	private static final long serialVersionUID = 1L;

	private final Map<String, String> keys;
	private final String parts;
	private final int partitions;
	private final long total;
	private final boolean videos;

	PartTask(final Map<String, String> classifyKeys, final Path parts, final int partitions, final long total,
		final boolean videos)
	{
		this.videos = videos;
		this.keys = classifyKeys;
		this.parts = parts.toString();
		this.partitions = partitions;
		this.total = total;
	}

	/** The folder of part {@code i}. */
	static Path partFolder(final Path parts, final int i) {
		return parts.resolve(String.format("part-%05d", i));
	}

	@Override
	public Iterator<PartResult> call(final Integer partition, final Iterator<String> items) throws Exception {
		final List<String> paths = new ArrayList<>();
		items.forEachRemaining(paths::add);
		final ClassifySettings s = Settings.apply(new ClassifySettings(), keys);
		s.shard = partition + "/" + partitions;
		s.output = partFolder(java.nio.file.Paths.get(parts), partition);
		s.overwrite = true; // the part is this job's own: a retried attempt rewrites it
		final long start = System.nanoTime();
		final EmotionClassifier classifier = ExecutorModels.classifier(s);
		final FaceDetector detector = ExecutorModels.detector(s);
		final double load = (System.nanoTime() - start) / 1e9;
		final ClassificationSummary summary = ClassifyTask.runShard(classifier, detector, s, total, paths, videos, new ProgressListener() {
			@Override
			public void status(final String message) {}

			@Override
			public void log(final String message) {
				System.err.println("[part " + partition + "/" + partitions + "] " + message);
			}
		});
		final SparkEnv env = SparkEnv.get();
		return Collections.singletonList(new PartResult(partition, env == null ? "?" : env.executorId(), ProcessHandle.current()
			.pid(), load, summary.seconds(), paths.size(), summary.images(), summary.failures(), ExecutorModels.loads())).iterator();
	}
}
