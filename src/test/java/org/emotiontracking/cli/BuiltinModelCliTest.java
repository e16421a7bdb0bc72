package org.emotiontracking.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.emotiontracking.core.classify.ClassificationReports;
import org.emotiontracking.core.classify.ClassifyFixtures;
import org.emotiontracking.core.explain.GradCamJob;
import org.emotiontracking.core.model.BuiltinModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without model= the commands use the built-in model and say so; `convert` makes archives from TF.js files. */
class BuiltinModelCliTest {

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
	void classifyAndGradCamWithoutModelUseTheBuiltInModel() throws Exception {
		assumeTrue(BuiltinModel.available(), "no built-in model in this build");
		final Path photo = ClassifyFixtures.messiFile();
		assertEquals(0, main("classify", "input=" + photo, "output=" + tmp.resolve("c")), out + err);
		assertTrue(out.contains("built-in model") && out.contains("mini-Xception"), out);
		final List<List<String>> csv = ClassifyFixtures.readCsv(tmp.resolve("c").resolve(ClassificationReports.LOG));
		assertTrue(csv.get(0).contains("p_angry") && csv.get(0).contains("p_neutral"), csv.get(0).toString());
		assertEquals(2, csv.size(), "one face");

		assertEquals(0, main("gradcam", "input=" + photo, "output=" + tmp.resolve("g")), out + err);
		assertTrue(out.contains("built-in model") && out.contains("conv2d_5"), out);
		assertTrue(Files.isRegularFile(tmp.resolve("g").resolve("messi5" + GradCamJob.PNG_SUFFIX)));

		assertEquals(0, main("classify", "model=builtin", "input=" + photo, "output=" + tmp.resolve("c2"), "faces=whole"),
			out + err);
		assertTrue(out.contains("built-in model"), out);
	}

	@Test
	void convertWritesAnArchiveThatClassifies() throws Exception {
		final Path json = Paths.get("target", "npm", "human-models", "emotion.json");
		assumeTrue(Files.isRegularFile(json), "the build did not fetch the npm model");
		final Path zip = tmp.resolve("fer.zip");
		assertEquals(2, main("convert", "input=" + json, "output=" + zip), out + err);
		assertTrue(err.contains("classes="), err);
		assertEquals(0, main("convert", "input=" + json, "output=" + zip, "classes=" + String.join(",", BuiltinModel.CLASSES),
			"licence=MIT"), out + err);
		assertTrue(out.contains("Grad-CAM layer conv2d_5"), out);
		assertEquals(2, main("convert", "input=" + json, "output=" + zip, "classes=" + String.join(",", BuiltinModel.CLASSES)));
		assertTrue(err.contains("exists"), err);
		assertEquals(0, main("classify", "model=" + zip, "input=" + ClassifyFixtures.messiFile(), "output=" + tmp.resolve("c"),
			"faces=whole"), out + err);
		assertTrue(out.contains(zip.toString()), out);
	}
}
