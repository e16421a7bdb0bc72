package org.emotiontracking.imagej;

import static org.emotiontracking.imagej.ClassifyEmotionsCommandTest.failure;
import static org.emotiontracking.imagej.ClassifyEmotionsCommandTest.log;
import static org.emotiontracking.imagej.ClassifyEmotionsCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.emotiontracking.core.classify.ClassifyFixtures;
import org.emotiontracking.core.classify.FaceMode;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.data.TestImages;
import org.emotiontracking.core.explain.GradCamJob;
import org.emotiontracking.core.explain.GradCamSettings;
import org.emotiontracking.core.explain.ImageExplanation;
import org.emotiontracking.core.live.FrameSource;
import org.emotiontracking.core.live.FrameSourceException;
import org.emotiontracking.core.live.LiveSession;
import org.emotiontracking.core.live.LiveSettings;
import org.emotiontracking.core.util.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands bind keys, make one core call and present its results: what they used to do
 * themselves (checks, model loading, per-plane loops, opening the camera) is the core's, and works
 * for them as it does for the command line.
 */
class ThinCommandsTest extends SciJavaCommandTest {

	@TempDir
	Path dir;

	/** ClassifyTask's output is optional beside a sink: a folder into the table only, nothing written. */
	@Test
	void classifyAFolderIntoTheTableWithoutAnOutputFolder() throws Exception {
		final Path in = Files.createDirectories(dir.resolve("in"));
		Files.copy(ClassifyFixtures.messiFile(), in.resolve("a.jpg"));
		TestImages.write(ClassifyFixtures.noFace(), in.resolve("b.png"));
		final ImagePlus open = ImagePlusConversion.toImagePlus("open", ClassifyFixtures.messi());
		final org.emotiontracking.core.classify.ClassifySettings cli = new org.emotiontracking.core.classify.ClassifySettings();
		cli.input = in;
		cli.faces = FaceMode.WHOLE;
		assertTrue(assertThrows(IllegalArgumentException.class, () -> org.emotiontracking.core.classify.ClassifyTask.run(cli,
			null)).getMessage().contains("output="), "without a sink the reports are the result: output= is needed");

		final ij.gui.Overlay mine = new ij.gui.Overlay(new ij.gui.Roi(1, 2, 3, 4));
		open.setOverlay(mine);
		final org.scijava.module.Module module = run(ClassifyEmotionsCommand.class, "model", ClassifyFixtures.model().toFile(),
			"input", in.toFile(), "faces", "whole", "roi_manager", false);
		assertNull(failure(module), String.join("\n", log));
		final ResultsTable rt = (ResultsTable) module.getOutput("results");
		assertEquals(2, rt.size());
		try (Stream<Path> files = Files.list(in)) {
			assertEquals(2, files.count(), "nothing written beside the images");
		}
		assertSame(mine, open.getOverlay(), "files do not touch an open image");
	}

	/** A run that fails its checks leaves the open image's earlier faces alone. */
	@Test
	void aClassifyRunThatFailsItsChecksKeepsTheEarlierFaces() throws Exception {
		final ImagePlus imp = ImagePlusConversion.toImagePlus("photo.jpg", ClassifyFixtures.messi());
		assertNull(failure(run(ClassifyEmotionsCommand.class, "image", imp, "model", ClassifyFixtures.model().toFile(), "faces",
			"whole", "roi_manager", false)));
		assertEquals(2, EmotionOverlay.faces(imp).size());
		final Path file = Files.write(dir.resolve("not-a-folder"), new byte[] { 1 });
		final org.scijava.module.Module bad = run(ClassifyEmotionsCommand.class, "image", imp, "model", ClassifyFixtures.model()
			.toFile(), "faces", "whole", "roi_manager", false, "output", file.toFile());
		assertTrue(failure(bad).contains("not a folder"), failure(bad));
		assertEquals(2, EmotionOverlay.faces(imp).size(), "the faces of the first run stay");
	}

	/** GradCamJob over images in memory: one loop for files and stack slices, with start, order and skipped failures. */
	@Test
	void gradCamJobOverSlicesSkipsAFailingSliceAndGoesOn() throws Exception {
		final GradCamSettings s = new GradCamSettings();
		s.model = ClassifyFixtures.model();
		s.faces = FaceMode.WHOLE;
		final RgbImage messi = ClassifyFixtures.messi();
		final List<String> events = new ArrayList<>();
		final GradCamJob.Summary summary = GradCamJob.run(s, "stack", 3, i -> {
			if (i == 1) throw new IllegalStateException("plane unreadable");
			return messi;
		}, new GradCamJob.Explained() {
			@Override
			public void start() {
				events.add("start");
			}

			@Override
			public void accept(final int index, final RgbImage image, final ImageExplanation e) {
				events.add(index + ":" + e.faces().size());
			}
		}, ProgressListener.SILENT);
		assertEquals(Arrays.asList("start", "0:1", "2:1"), events);
		assertEquals(Arrays.asList("stack:1", "stack:3"), Arrays.asList(summary.results.get(0).relativePath, summary.results
			.get(1).relativePath));
		assertEquals(Arrays.asList("stack:2: plane unreadable"), summary.failures);
		assertEquals(2, summary.faces());
		assertFalse(summary.ok());
	}

	/** LiveSession.open takes the frames instead of a camera that cannot be opened; without them the camera's error stands. */
	@Test
	void liveSessionFallsBackWhenNoCameraOpens() throws Exception {
		final LiveSettings s = new LiveSettings();
		s.model = ClassifyFixtures.model();
		s.camera = 97;
		s.show = false;
		s.detect_width = 0;
		final RgbImage messi = ClassifyFixtures.messi();
		final FrameSourceException[] seen = new FrameSourceException[1];
		try (LiveSession session = LiveSession.open(s, e -> {
			seen[0] = e;
			return new org.emotiontracking.core.live.ImageSequenceSource(2, i -> messi, 0, "two");
		})) {
			assertEquals(2, session.run(null).framesProcessed());
		}
		assertTrue(seen[0].getMessage().contains("97"), seen[0].getMessage());
		final FrameSourceException e = assertThrows(FrameSourceException.class, () -> LiveSession.open(s, x -> (FrameSource) null));
		assertTrue(e.getMessage().contains("97"), e.getMessage());
	}
}
