package org.emotiontracking.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.emotiontracking.core.classify.ClassificationReports;
import org.emotiontracking.core.classify.ClassifyFixtures;
import org.emotiontracking.core.classify.ShardFixtures;
import org.emotiontracking.core.classify.ShardManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `classify shard=i/n` and `merge` as a cluster job runs them. */
class MergeCliTest {

	@TempDir
	Path tmp;

	private String out, err;

	private int main(final String... args) {
		final CliRun run = CliRun.of(args);
		out = run.out;
		err = run.err;
		return run.status;
	}

	@Test
	void shardsThenMergeAsOneRun() throws Exception {
		final Path in = ShardFixtures.images(tmp.resolve("in"), 9);
		final String model = "model=" + ClassifyFixtures.model();
		assertEquals(1, main("classify", model, "input=" + in, "output=" + tmp.resolve("one"), "recursive=true", "faces=whole"), out
			+ err); // 1: the broken file
		for (int i = 0; i < 2; i++) {
			main("classify", model, "input=" + in, "output=" + tmp.resolve("shards/" + i), "recursive=true", "faces=whole",
				"shard=" + i + "/2");
			assertTrue(out.contains(ShardManifest.FILE), out + err);
		}
		assertEquals(2, main("merge", "input=" + tmp.resolve("shards")), err);
		assertTrue(err.contains("output="), err);
		assertEquals(0, main("merge", "input=" + tmp.resolve("shards"), "output=" + tmp.resolve("merged")), out + err);
		assertTrue(out.contains("Merged 2 shards: 10 items") && out.contains(ClassificationReports.LOG), out);
		assertEquals(ShardFixtures.withoutTimestamps(tmp.resolve("one").resolve(ClassificationReports.LOG)), ShardFixtures
			.withoutTimestamps(tmp.resolve("merged").resolve(ClassificationReports.LOG)));
		assertEquals(2, main("merge", "input=" + tmp.resolve("shards"), "output=" + tmp.resolve("merged")), out + err);
		assertTrue(err.contains("already exists"), err);

		// one more shard count in the same folder: another run, named
		main("classify", model, "input=" + in, "output=" + tmp.resolve("shards/x"), "recursive=true", "faces=whole",
			"shard=0/3");
		assertEquals(1, main("merge", "input=" + tmp.resolve("shards"), "output=" + tmp.resolve("merged-2")), out + err);
		assertTrue(err.contains("0/3") && err.contains("different runs"), err);

		assertEquals(2, main("classify", model, "input=" + in, "output=" + tmp.resolve("bad"), "shard=2/2"));
		assertTrue(err.contains("shard") && err.contains("2/2"), err);
		assertEquals(0, main("merge", "--help"));
		assertTrue(out.contains("  input ") && out.contains("  output ") && out.contains("  overwrite "), out);
	}
}
