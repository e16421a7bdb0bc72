package org.emotiontracking.core.explain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.detect.FaceBox;
import org.emotiontracking.core.model.ModelArchive;
import org.emotiontracking.core.model.ModelMetadata;
import org.emotiontracking.core.model.TestModels;
import org.emotiontracking.core.model.Weights;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grad-CAM must point at the evidence. A small MobileNetV2 (alpha 0.35, 96 px, every layer trained
 * from scratch by {@link SmallTrainer}) learns a task whose only evidence is a 32x32 yellow patch at a
 * random position on colour noise: class "patch" when it is there, "plain" when not. Every image, of
 * both classes, also holds an equally bright cyan decoy of the same size elsewhere, so "something
 * bright" is no evidence and a map that merely finds salient blobs fails.
 * <p>
 * Checked on new images of class "patch": with the default layers (Conv_1 for Grad-CAM, out_relu for
 * Grad-CAM++; a 3x3 grid at 96 px, so a cell is as large as the patch) the map is hotter on the patch
 * than on the decoy; on a finer layer (block_6_expand_relu, 12x12) the maximum of the map lies inside
 * the patch. Each for at least 80% of the images.
 * <p>
 * Two designs that looked natural fail for reasons worth knowing: with "patch on the left vs on the
 * right" the trained model's Grad-CAM lit up the empty half (the absence of a patch there is just as
 * good evidence, and Grad-CAM shows it faithfully); and on a 3x3 grid "maximum inside a 32 px patch"
 * held for only about 40% of the images, which is the resolution of that layer, not an error.
 * <p>
 * Robustness, measured over training seeds on two machines: with 10 epochs some seeds gave models that
 * had learnt the task yet localised weakly (26 of 40 on the finer layer), and Grad-CAM++ on Conv_1
 * (signed activations) ranged from 9 to 40 of 40; with 20 epochs and Grad-CAM++ on out_relu, seeds 1-5
 * and 7 all gave 39 or 40 of 40 on every check.
 */
class GradCamLocalisationTest {

	static final int SIZE = 96, PATCH = 32, IMAGES = 40;

	@TempDir
	static Path tmp;
	static Path model;
	static final List<RgbImage> images = new ArrayList<>();
	static final List<FaceBox[]> boxes = new ArrayList<>();

	/** Class 0: decoy only, 1: decoy and patch; {@code box} receives patch (null for class 0) and decoy. */
	static RgbImage patchImage(final int cls, final Random r, final FaceBox[] box) {
		final RgbImage im = RgbImage.blank(SIZE, SIZE);
		final byte[] px = im.pixels();
		for (int i = 0; i < px.length; i++) px[i] = (byte) r.nextInt(160);
		final int x = r.nextInt(SIZE - PATCH + 1), y = r.nextInt(SIZE - PATCH + 1);
		int dx, dy;
		do {
			dx = r.nextInt(SIZE - PATCH + 1);
			dy = r.nextInt(SIZE - PATCH + 1);
		}
		while (Math.abs(dx - x) < PATCH && Math.abs(dy - y) < PATCH);
		fill(im, dx, dy, 0, 255, 255);
		box[1] = new FaceBox(dx, dy, PATCH, PATCH, 1);
		box[0] = null;
		if (cls == 1) {
			fill(im, x, y, 255, 255, 0);
			box[0] = new FaceBox(x, y, PATCH, PATCH, 1);
		}
		return im;
	}

	private static void fill(final RgbImage im, final int x, final int y, final int r, final int g, final int b) {
		for (int yy = y; yy < y + PATCH; yy++)
			for (int xx = x; xx < x + PATCH; xx++) im.set(xx, yy, r, g, b);
	}

	@BeforeAll
	static void train() throws IOException {
		final Random r = new Random(1);
		final FaceBox[] box = new FaceBox[2];
		final List<RgbImage> training = new ArrayList<>();
		final int[] labels = new int[300];
		for (int i = 0; i < labels.length; i++) {
			labels[i] = i % 2;
			training.add(patchImage(labels[i], r, box));
		}
		final ModelMetadata m = TestModels.metadata(0.35, SIZE, "plain", "patch");
		m.dropout = 0;
		final long start = System.nanoTime();
		final Weights w = SmallTrainer.train(m, training, labels, 20, 16, 1e-3f, 7);
		System.out.printf(Locale.ROOT, "trained in %.0f s%n", (System.nanoTime() - start) / 1e9);
		model = tmp.resolve("patch-model.zip");
		ModelArchive.write(model, m, w);
		final Random test = new Random(99);
		for (int i = 0; i < IMAGES; i++) {
			final FaceBox[] b = new FaceBox[2];
			images.add(patchImage(1, test, b));
			boxes.add(b);
		}
	}

	static float mean(final Heatmap map, final FaceBox b) {
		double sum = 0;
		for (int y = b.y(); y < b.bottom(); y++) for (int x = b.x(); x < b.right(); x++) sum += map.get(x, y);
		return (float) (sum / b.area());
	}

	static float max(final Heatmap map, final FaceBox b) {
		float m = 0;
		for (int y = b.y(); y < b.bottom(); y++) for (int x = b.x(); x < b.right(); x++) m = Math.max(m, map.get(x, y));
		return m;
	}

	/** Explains the test images for the predicted class; checks the model learnt the task. */
	static List<Heatmap> maps(final GradCam gc) {
		final List<Explanation> e = gc.explain(images, -1);
		final List<Heatmap> out = new ArrayList<>();
		int correct = 0;
		for (final Explanation x : e) {
			if (x.className().equals("patch")) correct++;
			out.add(x.heatmap(SIZE, SIZE));
		}
		assertTrue(correct >= 0.9 * IMAGES, "the model did not learn the task: " + correct + " of " + IMAGES);
		return out;
	}

	@Test
	void defaultLayerIsHotterOnTheEvidenceThanOnTheDecoy() throws IOException {
		for (final GradCamMethod method : GradCamMethod.values()) {
			try (GradCam gc = GradCam.load(model, null, null, method)) {
				final List<Heatmap> maps = maps(gc);
				int hotter = 0;
				for (int i = 0; i < IMAGES; i++)
					if (mean(maps.get(i), boxes.get(i)[0]) > mean(maps.get(i), boxes.get(i)[1])) hotter++;
				System.out.printf(Locale.ROOT, "%s on %s: hotter on the patch than on the decoy for %d of %d images%n", method,
					gc.layer(), hotter, IMAGES);
				assertTrue(hotter >= 0.8 * IMAGES, method + " on " + gc.layer() + ": hotter on the patch for " + hotter + " of " +
					IMAGES);
			}
		}
	}

	@Test
	void maximumLiesInsideThePatchOnAFinerLayer() throws IOException {
		try (GradCam gc = GradCam.load(model, null, "block_6_expand_relu", GradCamMethod.GRADCAM)) {
			final List<Heatmap> maps = maps(gc);
			int inside = 0;
			for (int i = 0; i < IMAGES; i++)
				if (max(maps.get(i), boxes.get(i)[0]) >= maps.get(i).max()) inside++;
			System.out.printf(Locale.ROOT, "gradcam on %s (%dx%d): maximum inside the patch for %d of %d images%n", gc.layer(),
				gc.gridWidth(), gc.gridHeight(), inside, IMAGES);
			assertTrue(inside >= 0.8 * IMAGES, "maximum inside the patch for " + inside + " of " + IMAGES);
		}
	}
}
