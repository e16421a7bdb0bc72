package org.emotiontracking.core.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.emotiontracking.core.classify.FaceMode;
import org.emotiontracking.core.util.Settings;
import org.emotiontracking.core.data.ImageFile;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.data.Shard;
import org.emotiontracking.core.data.TestImages;
import org.emotiontracking.core.data.WorkList;
import org.emotiontracking.core.model.ModelMetadata;
import org.emotiontracking.core.model.TestModels;
import org.emotiontracking.core.util.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.io.Opener;

class GradCamJobTest {

	@TempDir
	static Path tmp;
	static Path model;

	@BeforeAll
	static void model() throws IOException {
		final ModelMetadata m = TestModels.metadata(0.35, 96, "angry", "calm", "happy");
		model = tmp.resolve("model.zip");
		TestModels.randomArchive(model, m, 4);
	}

	static GradCamSettings settings(final Path input, final Path output) {
		final GradCamSettings s = new GradCamSettings();
		s.model = model;
		s.input = input;
		s.output = output;
		s.faces = FaceMode.WHOLE;
		return s;
	}

	static final class Log implements ProgressListener {
		final List<String> lines = new ArrayList<>();

		@Override
		public void status(final String message) {}

		@Override
		public void log(final String message) { lines.add(message); }
	}

	@Test
	void folderOfFacesGivesOverlaysAndHeatmapsOfTheImageSizeAndSkipsBadFiles() throws IOException {
		final Path in = Files.createDirectories(tmp.resolve("faces"));
		TestImages.write(TestImages.pattern(120, 90), in.resolve("a.png"));
		Files.createDirectories(in.resolve("sub"));
		TestImages.write(TestModels.noiseImage(64, 80, 3), in.resolve("sub/b.jpg"));
		Files.write(in.resolve("broken.jpg"), "not an image".getBytes(StandardCharsets.UTF_8));
		final Path out = tmp.resolve("out");
		final GradCamSettings s = settings(in, out);
		s.recursive = true;
		s.method = "gradcam++";
		s.layer = "out_relu";
		final Log log = new Log();
		final GradCamJob.Summary summary = GradCamJob.run(s, log);
		assertEquals(2, summary.results.size(), log.lines.toString());
		assertEquals(1, summary.failures.size());
		assertTrue(summary.failures.get(0).startsWith("broken.jpg: "), summary.failures.toString());
		assertFalse(summary.ok());
		checkOutputs(out.resolve("a_gradcam.png"), out.resolve("a_heatmap.tif"), 120, 90);
		checkOutputs(out.resolve("sub/b_gradcam.png"), out.resolve("sub/b_heatmap.tif"), 64, 80);
		final GradCamJob.ImageResult a = summary.results.get(0);
		assertEquals("a.png", a.relativePath);
		assertEquals(1, a.faces.size());
		assertEquals(3, a.faces.get(0).grid().width()); // out_relu at 96 px
		assertEquals(120, a.faces.get(0).box().width());

		// again: nothing is overwritten unless asked
		final GradCamJob.Summary again = GradCamJob.run(s, new Log());
		assertEquals(3, again.failures.size());
		assertTrue(again.failures.get(0).contains("already exists"), again.failures.toString());
		s.overwrite = true;
		assertEquals(2, GradCamJob.run(s, new Log()).results.size());
	}

	static void checkOutputs(final Path png, final Path tif, final int w, final int h) throws IOException {
		final BufferedImage image = ImageIO.read(png.toFile());
		assertNotNull(image, png.toString());
		assertEquals(w, image.getWidth());
		assertEquals(h, image.getHeight());
		final ImagePlus imp = new Opener().openImage(tif.toString());
		assertNotNull(imp, tif.toString());
		assertEquals(w, imp.getWidth());
		assertEquals(h, imp.getHeight());
		assertEquals(32, imp.getBitDepth());
		final float[] v = (float[]) imp.getProcessor().getPixels();
		float max = 0;
		for (final float f : v) {
			assertTrue(f >= 0 && f <= 1, "value " + f);
			max = Math.max(max, f);
		}
		assertTrue(max > 0.99f, "the map is normalised to its maximum: " + max);
	}

	@Test
	void detectedFacesAreExplainedInsideTheirBoxes() throws IOException {
		final Path messi = TestImages.sample("messi5.jpg");
		final GradCamSettings s = settings(messi, tmp.resolve("messi"));
		s.faces = FaceMode.DETECT;
		s.target = "happy";
		try (GradCamJob job = GradCamJob.open(s)) {
			assertEquals(2, job.target());
			final RgbImage image = new org.emotiontracking.core.data.ImageDecoder().decode(messi);
			final ImageExplanation e = job.explain(image);
			assertEquals(1, e.faces().size());
			assertEquals("happy", e.faces().get(0).className());
			final float[] map = e.heatmap();
			final org.emotiontracking.core.detect.FaceBox b = e.faces().get(0).box();
			for (int y = 0; y < image.height(); y++)
				for (int x = 0; x < image.width(); x++)
					if (x < b.x() || x >= b.right() || y < b.y() || y >= b.bottom()) assertEquals(0f, map[y * image.width() + x]);
			final GradCamJob.Summary summary = job.run(new Log());
			assertTrue(summary.ok());
			checkOutputs(tmp.resolve("messi/messi5_gradcam.png"), tmp.resolve("messi/messi5_heatmap.tif"), image.width(),
				image.height());
		}
		// a photo without faces is reported, not failed
		final Path plain = TestImages.write(TestImages.pattern(200, 150), tmp.resolve("plain.png"));
		final GradCamSettings p = settings(plain, tmp.resolve("plain-out"));
		p.faces = FaceMode.DETECT;
		final Log log = new Log();
		final GradCamJob.Summary none = GradCamJob.run(p, log);
		assertTrue(none.ok());
		assertEquals(List.of("plain.png"), none.withoutFaces);
		assertTrue(log.lines.stream().anyMatch(l -> l.contains("No face found in plain.png")), log.lines.toString());
		assertFalse(Files.exists(tmp.resolve("plain-out/plain_gradcam.png")));
	}

	@Test
	void trainerOverlayForOneClass() throws IOException {
		try (GradCam gc = GradCam.load(model)) {
			final Path png = tmp.resolve("gradcam/calm_gradcam.png");
			final Explanation e = gc.writeOverlay(TestModels.noiseImage(96, 96, 9), "calm", png, false);
			assertEquals("calm", e.className());
			final BufferedImage image = ImageIO.read(png.toFile());
			assertEquals(96, image.getWidth());
			assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> gc.writeOverlay(TestModels.noiseImage(96, 96,
				9), -1, png, false));
		}
	}

	@Test
	void badSettingsFailBeforeAnyWork() {
		final GradCamSettings s = settings(tmp.resolve("missing.png"), tmp.resolve("x"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> GradCamJob.run(s, new Log())).getMessage()
			.contains("Input not found"));
		final GradCamSettings t = settings(model, tmp.resolve("x"));
		t.target = "bored";
		assertEquals("Unknown target 'bored'. Valid targets: predicted, angry, calm, happy", assertThrows(
			IllegalArgumentException.class, () -> GradCamJob.open(t)).getMessage());
		final GradCamSettings f = settings(model, tmp.resolve("x"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Settings.apply(f, Collections.singletonMap("faces",
			"some"))).getMessage().contains("detect, whole"));
		f.faces = null;
		assertTrue(assertThrows(IllegalArgumentException.class, () -> GradCamJob.open(f)).getMessage().contains(
			"detect or whole"));
	}

	/**
	 * shard=i/n takes the slice of the canonical work list that classify's shard takes; shards write
	 * disjoint files (here into one folder, in reverse order) and together the files of one run.
	 */
	@Test
	void shardsWriteDisjointFilesThatTogetherAreOneRunsFiles() throws IOException {
		final Path in = Files.createDirectories(tmp.resolve("shard-in"));
		for (int i = 0; i < 7; i++) {
			final Path f = in.resolve((i % 3 == 0 ? "sub/" : "") + "img-" + i + ".png");
			Files.createDirectories(f.getParent());
			TestImages.write(TestModels.noiseImage(50 + i * 4, 60, 70 + i), f);
		}
		Files.write(in.resolve("sub/broken.png"), "not an image".getBytes(StandardCharsets.UTF_8));
		final GradCamSettings one = settings(in, tmp.resolve("shard-one"));
		one.recursive = true;
		GradCamJob.run(one, new Log());
		final Path shared = tmp.resolve("shard-all");
		final List<String> seen = new ArrayList<>();
		for (int i = 2; i >= 0; i--) {
			final GradCamSettings s = settings(in, shared);
			s.recursive = true;
			s.shard = i + "/3";
			final List<String> expected = new ArrayList<>();
			for (final ImageFile f : WorkList.of(in, true, null).shard(
				new Shard(i, 3))) expected.add(f.relativePath());
			final GradCamJob.Summary r = GradCamJob.run(s, new Log());
			final List<String> done = new ArrayList<>();
			r.results.forEach(x -> done.add(x.relativePath));
			r.failures.forEach(x -> done.add(x.substring(0, x.indexOf(": "))));
			Collections.sort(done);
			assertEquals(expected, done, "shard " + i + "/3");
			for (final String d : done) assertFalse(seen.contains(d), d);
			seen.addAll(done);
		}
		assertEquals(8, seen.size());
		assertEquals(listing(tmp.resolve("shard-one")), listing(shared));
		for (final String f : listing(shared))
			assertTrue(Arrays.equals(Files.readAllBytes(tmp.resolve("shard-one").resolve(f)), Files.readAllBytes(shared
				.resolve(f))), f);

		final GradCamSettings inside = settings(in, in.resolve("out"));
		inside.recursive = true;
		inside.shard = "0/2";
		assertTrue(assertThrows(IllegalArgumentException.class, () -> GradCamJob.run(inside, new Log())).getMessage().contains(
			"outside the input folder"));
		final GradCamSettings bad = settings(in, shared);
		bad.shard = "3/3";
		assertTrue(assertThrows(IllegalArgumentException.class, () -> GradCamJob.open(bad)).getMessage().contains("3/3"));
	}

	private static List<String> listing(final Path folder) throws IOException {
		try (Stream<Path> s = Files.walk(folder)) {
			final List<String> out = new ArrayList<>();
			s.filter(Files::isRegularFile).forEach(p -> out.add(folder.relativize(p).toString()));
			Collections.sort(out);
			return out;
		}
	}
}
