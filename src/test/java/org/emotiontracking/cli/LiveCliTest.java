package org.emotiontracking.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.live.LiveOutputs;
import org.emotiontracking.core.live.LiveTestVideos;
import org.emotiontracking.core.model.ModelMetadata;
import org.emotiontracking.core.model.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `live` as a user runs it. */
class LiveCliTest {

	@TempDir
	Path tmp;

	private static String[] run(final String... args) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		final int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new String[] { Integer.toString(status), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8) };
	}

	@Test
	void runsHeadlessOnAVideoAndPrintsASummary() throws Exception {
		final ModelMetadata m = TestModels.metadata(0.35, 96, "happy", "sad");
		final Path model = tmp.resolve("model.zip");
		TestModels.randomArchive(model, m, 5);
		final RgbImage face = LiveTestVideos.messiFace();
		final List<RgbImage> frames = LiveTestVideos.frames(8, Collections.singletonList(face),
			Collections.singletonList(LiveTestVideos.moving(face, 20, 60, 10)));
		final Path video = LiveTestVideos.writeAvi(tmp.resolve("in.avi"), frames, 15);
		final Path out = tmp.resolve("out");

		final String[] r = run("live", "model=" + model, "source=" + video, "output=" + out, "max_frames=6", "record=true", "show=true");
		assertEquals("0", r[0], r[1] + r[2]);
		assertTrue(r[1].contains("Live emotion tracking: video in.avi"), r[1]);
		assertTrue(r[1].contains("Stopped: max frames (6 frames)"), r[1]);
		assertTrue(r[1].contains("6 frames in"), r[1]);
		assertTrue(r[1].contains("1 face ids, 6 observations"), r[1]);
		for (final Path f : LiveOutputs.files(out, true)) {
			assertTrue(Files.isRegularFile(f), f.toString());
			assertTrue(r[1].contains("Wrote " + f), r[1]);
		}
		assertEquals(6, LiveTestVideos.countFrames(out.resolve(LiveOutputs.VIDEO)));

		// a second run into the same folder refuses to overwrite
		final String[] again = run("live", "model=" + model, "source=" + video, "output=" + out);
		assertEquals("1", again[0]);
		assertTrue(again[2].contains("already exists") && again[2].contains(LiveOutputs.TIMELINE_CSV), again[2]);
	}

	@Test
	void explainsMissingCamerasAndBadKeys() throws Exception {
		final Path model = Files.createFile(tmp.resolve("unused.zip"));
		final String[] r = run("live", "model=" + model, "camera=61");
		assertEquals("1", r[0]);
		assertTrue(r[2].contains("No camera could be opened at index 61") && r[2].contains("/dev/video"), r[2]);

		final String[] bad = run("live", "model=" + model, "smoothing=-2");
		assertEquals("2", bad[0]);
		assertTrue(bad[2].contains("smoothing"), bad[2]);

		final String[] help = run("live", "--help");
		assertEquals("0", help[0]);
		for (final String key : new String[] { "camera", "source", "output", "max_frames", "duration", "smoothing", "record", "detect_width",
			"scale_factor", "min_neighbors", "min_face", "classes", "overwrite", "show" })
			assertTrue(help[1].contains("  " + key + " "), key + " in " + help[1]);
	}
}
