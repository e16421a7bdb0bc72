package org.emotiontracking.core.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.emotiontracking.core.data.Resize;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.data.TestImages;
import org.emotiontracking.core.model.EmotionClassifier;
import org.emotiontracking.core.model.InferenceEngine;
import org.emotiontracking.core.report.PredictionRow;
import org.emotiontracking.core.report.Csv;
import org.emotiontracking.core.util.FileTrees;
import org.emotiontracking.core.video.FFmpegTestVideos;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** classify shard=i/n on each shard, then merge: the output of one run over the whole input. */
class ShardMergeTest {

	@TempDir
	Path tmp;

	private static EmotionClassifier classifier;

	@BeforeAll
	static void setUp() throws Exception {
		classifier = EmotionClassifier.load(ClassifyFixtures.model());
	}

	@AfterAll
	static void tearDown() {
		if (classifier != null) classifier.close();
	}

	private static ClassifySettings settings(final Path input, final Path output, final String shard, final int batch) {
		final ClassifySettings s = new ClassifySettings();
		s.model = ClassifyFixtures.model();
		s.input = input;
		s.output = output;
		s.recursive = true;
		s.faces = FaceMode.WHOLE;
		s.shard = shard;
		s.batch_size = batch;
		return s;
	}

	/** One run over everything into {@code single}, shards 0..n-1 into {@code shards/shard-i}. */
	private Path[] runs(final Path input, final int n, final int batch) throws IOException {
		final Path single = tmp.resolve("single-" + batch), shards = tmp.resolve("shards-" + batch);
		ClassifyTask.run(classifier, settings(input, single, "", batch), null, null, null);
		for (int i = n - 1; i >= 0; i--) // any order: each shard is independent
			ClassifyTask.run(classifier, settings(input, shards.resolve("shard-" + i), i + "/" + n, batch), null, null, null);
		return new Path[] { single, shards };
	}

	private static MergeSettings merge(final Path input, final Path output) {
		final MergeSettings m = new MergeSettings();
		m.input = input;
		m.output = output;
		return m;
	}

	private static byte[] bytes(final Path p) throws IOException {
		return Files.readAllBytes(p);
	}

	@Test
	void mergedShardsAreOneRunAndMergingAgainGivesTheSameFiles() throws Exception {
		final Path input = ShardFixtures.images(tmp.resolve("in"), 27);
		final Path[] r = runs(input, 4, EmotionClassifier.DEFAULT_BATCH);
		final Path single = r[0], shards = r[1], merged = tmp.resolve("merged");
		final ShardMerge.Result result = ShardMerge.run(merge(shards, merged), null);
		assertEquals(4, result.shards);
		assertEquals(28, result.items);
		assertEquals(28, result.rows);
		assertEquals(1, result.failures);

		final Path log = merged.resolve(ClassificationReports.LOG);
		assertEquals(ShardFixtures.withoutTimestamps(single.resolve(ClassificationReports.LOG)), ShardFixtures.withoutTimestamps(log));
		final List<List<String>> rows = Csv.parse(new String(bytes(log), StandardCharsets.UTF_8));
		assertEquals(29, rows.size());
		assertEquals("face-05.png", rows.get(1).get(1)); // the work order: "face-05.png" < "happy/..." < "sad/broken.png" < "sad/older/..."
		assertTrue(rows.stream().anyMatch(x -> x.get(1).equals("sad/broken.png") && x.get(x.size() - 1).contains("broken.png")));
		// every summary recomputed from the merged rows, byte for byte those of the single run
		for (final String f : new String[] { ClassificationReports.DISTRIBUTION, ClassificationReports.CONFUSION_CSV,
			ClassificationReports.CONFUSION_PNG, ClassificationReports.METRICS, ClassificationReports.SUMMARY })
			assertArrayEquals(bytes(single.resolve(f)), bytes(merged.resolve(f)), f);
		for (int i = 0; i < 4; i++) {
			final ShardManifest m = ShardManifest.read(shards.resolve("shard-" + i));
			assertTrue(m.complete);
			assertEquals(i + "/4", m.shard);
			assertEquals(28, m.total_items);
			assertEquals(i * 28 / 4, m.first_item);
		}

		// merging twice: the same files (timestamps included); without overwrite=true nothing is touched
		final byte[] first = bytes(log);
		final MergeSettings again = merge(shards, merged);
		final FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class, () -> ShardMerge.run(again, null));
		assertTrue(e.getMessage().contains(ClassificationReports.LOG), e.getMessage());
		again.overwrite = true;
		ShardMerge.run(again, null);
		assertArrayEquals(first, bytes(log));
		ShardMerge.run(merge(shards, tmp.resolve("merged-2")), null);
		assertArrayEquals(first, bytes(tmp.resolve("merged-2").resolve(ClassificationReports.LOG)));
		assertArrayEquals(bytes(merged.resolve(ClassificationReports.METRICS)), bytes(tmp.resolve("merged-2").resolve(
			ClassificationReports.METRICS)));
	}

	/**
	 * At the default batch size a shard's batches are cut where the whole list's are and every face
	 * sits in a batch of the same shape at the same slot ({@link AlignedBatches}): TensorFlow's
	 * kernels, whose results for a row move by float ulps with the batch size and the row's
	 * position, then give every face the single run's bits; so does ONNX Runtime. Faces from several
	 * images (none, one, two per photo) share batches too.
	 */
	@ParameterizedTest
	@EnumSource(InferenceEngine.class)
	void atTheDefaultBatchSizeEveryEngineGivesTheSingleRunsBits(final InferenceEngine engine) throws Exception {
		try (EmotionClassifier model = EmotionClassifier.load(ClassifyFixtures.model(), null, engine, 0)) {
			assertEquals(engine, model.engine());
			final Path images = ShardFixtures.images(tmp.resolve("in"), 40); // 41 items: groups of 32 and 9
			assertMergedEqualsSingle(model, photos(tmp.resolve("photos"), 24), FaceMode.DETECT, 3, tmp.resolve("detect"));
			assertMergedEqualsSingle(model, images, FaceMode.WHOLE, 3, tmp.resolve("whole"));
		}
	}

	private static void assertMergedEqualsSingle(final EmotionClassifier model, final Path input, final FaceMode faces,
		final int n, final Path out) throws IOException
	{
		final ClassifySettings one = settings(input, out.resolve("single"), "", EmotionClassifier.DEFAULT_BATCH);
		one.faces = faces;
		assertEquals(new ClassifySettings().batch_size, one.batch_size);
		ClassifyTask.run(model, one, null, null, null);
		for (int i = 0; i < n; i++) {
			final ClassifySettings s = settings(input, out.resolve("shards/s" + i), i + "/" + n, EmotionClassifier.DEFAULT_BATCH);
			s.faces = faces;
			ClassifyTask.run(model, s, null, null, null);
		}
		ShardMerge.run(merge(out.resolve("shards"), out.resolve("merged")), null);
		final String single = ShardFixtures.withoutTimestamps(out.resolve("single").resolve(ClassificationReports.LOG));
		assertEquals(single, ShardFixtures.withoutTimestamps(out.resolve("merged").resolve(ClassificationReports.LOG)), faces
			+ " on " + model.engine());
		if (faces == FaceMode.DETECT) assertTrue(single.contains(",2,") && single.contains(PredictionRow.NO_FACE), single);
	}

	/**
	 * {@code count} real photos with no, one and two faces (shifted crops, so that no two are the
	 * same) and one file that is not an image.
	 */
	private static Path photos(final Path folder, final int count) throws IOException {
		Files.createDirectories(folder);
		final RgbImage[] sources = { ClassifyFixtures.messi(), ClassifyFixtures.twoFaces(), ClassifyFixtures.noFace(),
			ClassifyFixtures.basketball() };
		for (int i = 0; i < count; i++) {
			final RgbImage src = sources[i % sources.length];
			final int d = i / sources.length * 2;
			TestImages.write(Resize.crop(src, d, d, src.width() - 24, src.height() - 24), folder.resolve(String.format("p%02d.png", i)));
		}
		Files.write(folder.resolve("p09.5.png"), "not a picture".getBytes(StandardCharsets.UTF_8));
		return folder;
	}

	/** A video is one work item; its rows (frame, time_s, face ids) and its tracks' summary merge like images'. */
	@Test
	void videosAmongImagesMergeAsOneRun() throws Exception {
		FFmpegTestVideos.assumeEncoder("libx264");
		final Path input = Files.createDirectories(tmp.resolve("in"));
		Files.copy(ClassifyFixtures.messiFile(), input.resolve("a.jpg"));
		FFmpegTestVideos.encode(input.resolve("b.mp4"), FFmpegTestVideos.frames(10), 25, "-c:v", "libx264", "-preset", "veryfast",
			"-pix_fmt", "yuv420p");
		TestImages.write(ClassifyFixtures.noFace(), input.resolve("c.png"));
		FFmpegTestVideos.encode(input.resolve("d.mp4"), FFmpegTestVideos.frames(8), 25, "-c:v", "libx264", "-preset", "veryfast",
			"-pix_fmt", "yuv420p");
		Files.copy(ClassifyFixtures.messiFile(), input.resolve("e.jpg"));
		final Path single = tmp.resolve("single"), shards = tmp.resolve("shards"), merged = tmp.resolve("merged");
		final ClassifySettings one = settings(input, single, "", 1);
		one.faces = FaceMode.DETECT;
		ClassifyTask.run(classifier, one, null, null, null);
		for (int i = 0; i < 3; i++) {
			final ClassifySettings s = settings(input, shards.resolve("s" + i), i + "/3", 1);
			s.faces = FaceMode.DETECT;
			ClassifyTask.run(classifier, s, null, null, null);
		}
		assertEquals(5, ShardManifest.read(shards.resolve("s0")).total_items); // two videos, three images
		ShardMerge.run(merge(shards, merged), null);
		final String log = ShardFixtures.withoutTimestamps(merged.resolve(ClassificationReports.LOG));
		assertEquals(ShardFixtures.withoutTimestamps(single.resolve(ClassificationReports.LOG)), log);
		assertTrue(log.contains("b.mp4") && log.contains("d.mp4") && log.startsWith("image,slice,frame,time_s,"), log);
		for (final String f : new String[] { ClassificationReports.DISTRIBUTION, ClassificationReports.SUMMARY })
			assertArrayEquals(bytes(single.resolve(f)), bytes(merged.resolve(f)), f);
	}

	@Test
	void missingIncompleteAndForeignShardsAreNamedAndNothingIsWritten() throws Exception {
		final Path input = ShardFixtures.images(tmp.resolve("in"), 8);
		final Path shards = runs(input, 3, 1)[1], out = tmp.resolve("merged");

		final Path moved = tmp.resolve("elsewhere");
		Files.move(shards.resolve("shard-1"), moved);
		IOException e = assertThrows(IOException.class, () -> ShardMerge.run(merge(shards, out), null));
		assertTrue(e.getMessage().contains("Shard 1/3 is missing"), e.getMessage());
		Files.move(moved, shards.resolve("shard-1"));

		final Path manifest = shards.resolve("shard-2").resolve(ShardManifest.FILE);
		final byte[] complete = bytes(manifest);
		Files.write(manifest, new String(complete, StandardCharsets.UTF_8).replace("\"complete\": true", "\"complete\": false")
			.getBytes(StandardCharsets.UTF_8));
		e = assertThrows(IOException.class, () -> ShardMerge.run(merge(shards, out), null));
		assertTrue(e.getMessage().contains("shard 2/3") && e.getMessage().contains("shard-2") && e.getMessage().contains(
			"incomplete"), e.getMessage());
		Files.write(manifest, complete);

		final Path log = shards.resolve("shard-0").resolve(ClassificationReports.LOG);
		final byte[] full = bytes(log);
		final String text = new String(full, StandardCharsets.UTF_8);
		Files.write(log, text.substring(0, text.lastIndexOf('\n', text.length() - 2) + 1).getBytes(StandardCharsets.UTF_8));
		e = assertThrows(IOException.class, () -> ShardMerge.run(merge(shards, out), null));
		assertTrue(e.getMessage().contains("shard 0/3") && e.getMessage().contains("rows"), e.getMessage());
		Files.write(log, full);

		// a shard of another run (other keys) in the same folder
		final ClassifySettings other = settings(input, shards.resolve("shard-x"), "1/3", 1);
		other.margin = 0.2;
		FileTrees.delete(shards.resolve("shard-1"));
		ClassifyTask.run(classifier, other, null, null, null);
		e = assertThrows(IOException.class, () -> ShardMerge.run(merge(shards, out), null));
		assertTrue(e.getMessage().contains("margin"), e.getMessage());
		assertTrue(!Files.exists(out.resolve(ClassificationReports.LOG)));

		// a shard cannot be written over without overwrite=true; a re-run with it replaces the manifest
		final ClassifySettings rerun = settings(input, shards.resolve("shard-x"), "1/3", 1);
		assertThrows(FileAlreadyExistsException.class, () -> ClassifyTask.run(classifier, rerun, null, null, null));
		rerun.overwrite = true;
		ClassifyTask.run(classifier, rerun, null, null, null);
		ShardMerge.run(merge(shards, out), null);
		assertTrue(Files.exists(out.resolve(ClassificationReports.LOG)));
	}
}
