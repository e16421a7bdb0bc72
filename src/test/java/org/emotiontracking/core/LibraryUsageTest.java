package org.emotiontracking.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedShortType;

import org.emotiontracking.core.data.ImageDecoder;
import org.emotiontracking.core.data.ImgLib2Images;
import org.emotiontracking.core.data.Resize;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.data.TestImages;
import org.emotiontracking.core.detect.FaceBox;
import org.emotiontracking.core.detect.FaceDetector;
import org.emotiontracking.core.detect.FaceDetectors;
import org.emotiontracking.core.explain.Explanation;
import org.emotiontracking.core.explain.GradCam;
import org.emotiontracking.core.model.EmotionClassifier;
import org.emotiontracking.core.model.ModelMetadata;
import org.emotiontracking.core.model.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Use from Java" example, as written there, on a real photo and a small model. */
class LibraryUsageTest {

	@TempDir
	Path tmp;

	@Test
	void theReadmeExampleRuns() throws Exception {
		final ModelMetadata m = TestModels.metadata(0.35, 96, "happy", "sad", "neutral");
		final Path modelFile = tmp.resolve("emotion_mobilenet_model.zip");
		TestModels.randomArchive(modelFile, m, 2);
		final Path photoFile = TestImages.sample("messi5.jpg");
		int faces = 0;

		// --- README: Use from Java ---
		try (EmotionClassifier model = EmotionClassifier.load(modelFile);
			FaceDetector detector = FaceDetectors.openDefault();
			GradCam gradCam = GradCam.load(modelFile))
		{
			final RgbImage photo = new ImageDecoder().decode(photoFile);
			for (final FaceBox box : detector.detect(photo)) {
				final RgbImage face = Resize.crop(photo, box.x(), box.y(), box.width(), box.height());
				final float[] p = model.predict(List.of(face))[0];
				final String emotion = model.classNames().get(EmotionClassifier.argMax(p));
				final Explanation why = gradCam.explain(face, -1); // -1: the predicted class
				// why.heatmap(): values 0..1 on the face; why.label(): e.g. "happy 87.3%"
				// --- end of the README example ---
				faces++;
				float sum = 0;
				for (final float v : p) sum += v;
				assertEquals(1f, sum, 1e-5);
				assertEquals(emotion, why.className());
				assertEquals(p[EmotionClassifier.argMax(p)], why.probability(), 1e-4);
				assertTrue(why.heatmap().max() <= 1f + 1e-6);
			}
		}
		assertEquals(1, faces, "messi5.jpg has one face");

		// ImgLib2 data: a 16-bit (x, y) image becomes an RgbImage the model takes.
		final Img<UnsignedShortType> gray = ArrayImgs.unsignedShorts(120, 100);
		int i = 0;
		for (final UnsignedShortType t : gray) t.set(i++ * 7 % 4096);
		try (EmotionClassifier model = EmotionClassifier.load(modelFile)) {
			final float[][] p = model.predict(Collections.singletonList(ImgLib2Images.fromReal(gray)));
			assertFalse(Float.isNaN(p[0][0]));
		}
	}
}
