package org.emotiontracking.core.classify;

import static org.emotiontracking.core.classify.ClassifyFixtures.BASKETBALL_FACE;
import static org.emotiontracking.core.classify.ClassifyFixtures.MESSI_FACE;
import static org.emotiontracking.core.classify.ClassifyFixtures.PASTE_CONTEXT;
import static org.emotiontracking.core.classify.ClassifyFixtures.PASTE_X;
import static org.emotiontracking.core.classify.ClassifyFixtures.PASTE_Y;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.emotiontracking.core.classify.ClassifyFixtures.Recorder;
import org.emotiontracking.core.data.Resize;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.detect.FaceBox;
import org.emotiontracking.core.detect.HaarCascadeDetector;
import org.emotiontracking.core.model.EmotionClassifier;
import org.emotiontracking.core.model.TestModels;
import org.emotiontracking.core.report.PredictionRow;
import org.emotiontracking.core.util.ProgressListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pipeline on in-memory inputs, with a real model, real OpenCV detection and real photos. */
class EmotionClassificationTest {

	private static EmotionClassifier classifier;
	private static HaarCascadeDetector detector;

	@BeforeAll
	static void setUp() throws Exception {
		classifier = EmotionClassifier.load(ClassifyFixtures.model());
		detector = HaarCascadeDetector.openDefault();
	}

	@AfterAll
	static void tearDown() {
		if (detector != null) detector.close();
		if (classifier != null) classifier.close();
	}

	private static void assertBox(final FaceBox expected, final PredictionRow row, final double tolerance) {
		assertTrue(row.hasBox(), row.toString());
		assertEquals(expected.x(), row.x(), tolerance, "x of " + row);
		assertEquals(expected.y(), row.y(), tolerance, "y of " + row);
		assertEquals(expected.width(), row.width(), tolerance, "width of " + row);
	}

	@Test
	void stackSlicesGiveOneResultSetEachInOrder() throws Exception {
		final RgbImage messi = ClassifyFixtures.messi();
		final RgbImage big = Resize.resize(messi, messi.width() * 4, messi.height() * 4, Resize.Interpolation.LINEAR);
		final ClassificationInput stack = ClassificationInput.images("stack.tif",
			Arrays.asList(messi, ClassifyFixtures.noFace(), ClassifyFixtures.twoFaces(), big));
		final Recorder sink = new Recorder();
		final ClassificationSummary s = new EmotionClassification(classifier, detector).batchSize(2).classify(stack, sink, null);

		assertEquals(4, s.images());
		assertEquals(4, s.faces());
		assertEquals(1, s.noFaceImages());
		assertEquals(0, s.failures());
		assertFalse(s.hasAccuracy());
		assertEquals(Arrays.asList(0L, 1L, 2L, 2L, 3L), sink.indices);
		final List<PredictionRow> r = sink.rows;
		assertEquals(5, r.size());
		for (final PredictionRow row : r) assertEquals("stack.tif", row.image());
		assertEquals(Arrays.asList(1, 2, 3, 3, 4), Arrays.asList(r.get(0).slice(), r.get(1).slice(), r.get(2).slice(),
			r.get(3).slice(), r.get(4).slice()));
		// slice 1: messi's face
		assertBox(MESSI_FACE, r.get(0), 6);
		assertEquals(Integer.valueOf(1), r.get(0).face());
		assertTrue(r.get(0).hasPrediction());
		assertEquals(3, r.get(0).probabilities().length);
		// slice 2: no face, no prediction, no box
		assertEquals(PredictionRow.NO_FACE, r.get(1).error());
		assertFalse(r.get(1).hasPrediction());
		assertNull(sink.boxes.get(1));
		// slice 3: two faces from two photos, in reading order (left to right)
		assertBox(MESSI_FACE, r.get(2), 6);
		assertBox(new FaceBox(PASTE_X + PASTE_CONTEXT, PASTE_Y + PASTE_CONTEXT, BASKETBALL_FACE.width(), BASKETBALL_FACE.height(), 0),
			r.get(3), 6);
		assertEquals(Arrays.asList(1, 2), Arrays.asList(r.get(2).face(), r.get(3).face()));
		// slice 4: a 2192 px image is detected downscaled; the box is in its own pixels
		assertBox(new FaceBox(MESSI_FACE.x() * 4, MESSI_FACE.y() * 4, MESSI_FACE.width() * 4, MESSI_FACE.width() * 4, 0), r.get(4), 24);
		// boxes given to the sink are the rows' boxes
		for (int i = 0; i < r.size(); i++) {
			final FaceBox b = sink.boxes.get(i);
			if (b != null) assertEquals(Arrays.asList(r.get(i).x(), r.get(i).y(), r.get(i).width(), r.get(i).height()),
				Arrays.asList(b.x(), b.y(), b.width(), b.height()));
		}
		// every sink call came from the calling thread
		for (final String t : sink.threads) assertEquals(Thread.currentThread().getName(), t);
	}

	@Test
	void largestOnlyMarginAndWholeImages() throws Exception {
		final RgbImage two = ClassifyFixtures.twoFaces();
		final Recorder largest = new Recorder();
		new EmotionClassification(classifier, detector).largestOnly(true).classify(ClassificationInput.images("two", List.of(two)),
			largest, null);
		assertEquals(1, largest.rows.size());
		assertNull(largest.rows.get(0).slice());
		assertEquals(PASTE_X + PASTE_CONTEXT, largest.rows.get(0).x(), 6); // 39 px beats 38 px

		// a margin changes the crop (so the probabilities), not the reported face box
		final Recorder plain = new Recorder(), wide = new Recorder();
		final ClassificationInput messi = ClassificationInput.images("m", List.of(ClassifyFixtures.messi()));
		new EmotionClassification(classifier, detector).classify(messi, plain, null);
		new EmotionClassification(classifier, detector).margin(0.5).classify(messi, wide, null);
		assertEquals(plain.rows.get(0).x(), wide.rows.get(0).x());
		assertFalse(Arrays.equals(plain.rows.get(0).probabilities(), wide.rows.get(0).probabilities()));

		// whole: one row per image with the whole image as box, even without a face
		final Recorder whole = new Recorder();
		final ClassificationSummary s = new EmotionClassification(classifier, detector).faceMode(FaceMode.WHOLE)
			.classify(ClassificationInput.images("s", List.of(two, ClassifyFixtures.noFace())), whole, null);
		assertEquals(2, s.faces());
		assertEquals(0, s.noFaceImages());
		assertEquals(2, whole.rows.size());
		assertEquals(Arrays.asList(0, 0, two.width(), two.height()), Arrays.asList(whole.rows.get(0).x(), whole.rows.get(0).y(),
			whole.rows.get(0).width(), whole.rows.get(0).height()));
		assertNull(whole.rows.get(0).face());
		assertEquals(320, whole.boxes.get(1).width());
	}

	@Test
	void batchedPipelineMatchesDirectPredictionsInInputOrder() throws Exception {
		final List<ClassificationItem> items = new ArrayList<>();
		final List<RgbImage> images = new ArrayList<>();
		for (int i = 0; i < 23; i++) {
			final RgbImage im = TestModels.noiseImage(20 + 37 * i % 200, 30 + 53 * i % 150, i);
			images.add(im);
			final String label = ClassifyFixtures.CLASSES.get(i % 3);
			// uneven work so that workers finish out of order
			items.add(new ClassificationItem(String.format("img%02d", i), null, label, () -> {
				if (im.width() % 3 == 0) Thread.sleep(5);
				return im;
			}));
		}
		items.add(5, new ClassificationItem("broken", null, null, () -> {
			throw new IllegalStateException("camera unplugged");
		}));
		final Recorder sink = new Recorder();
		final List<String> logged = new ArrayList<>();
		final ClassificationSummary s = new EmotionClassification(classifier, null).batchSize(4).workers(3)
			.classify(ClassificationInput.of("test", items), sink, new ProgressListener() {
				@Override
				public void status(final String message) {}

				@Override
				public void log(final String message) { logged.add(message); }
			});
		assertEquals(24, s.images());
		assertEquals(23, s.faces());
		assertEquals(1, s.failures());
		assertEquals(23, s.labelled());
		assertEquals(1, logged.size());
		assertTrue(logged.get(0).contains("broken") && logged.get(0).contains("camera unplugged"), logged.toString());
		assertEquals("broken", sink.rows.get(5).image());
		assertTrue(sink.rows.get(5).error().contains("camera unplugged"));
		final float[][] direct = classifier.predict(images);
		long correct = 0;
		for (int i = 0, row = 0; i < 23; i++, row++) {
			if (row == 5) row++;
			final PredictionRow r = sink.rows.get(row);
			assertEquals(String.format("img%02d", i), r.image());
			assertEquals(ClassifyFixtures.CLASSES.get(i % 3), r.trueLabel());
			for (int c = 0; c < 3; c++) assertEquals(direct[i][c], r.probabilities()[c], 1e-5, r.toString());
			if (r.trueLabel().equals(r.predictedEmotion())) correct++;
		}
		assertEquals(correct, s.correct());
		assertEquals((double) correct / 23, s.accuracy(), 1e-12);
	}

	@Test
	void cancellingStopsEarlyButKeepsTheRowsOfItemsRead() throws Exception {
		final AtomicInteger rows = new AtomicInteger();
		final ClassificationSink counting = (row, box, index) -> rows.incrementAndGet();
		final List<RgbImage> many = new ArrayList<>();
		for (int i = 0; i < 200; i++) many.add(TestModels.noiseImage(8, 8, i));
		final ClassificationSummary s = new EmotionClassification(classifier, null).batchSize(2)
			.classify(ClassificationInput.images("many", many), counting, new ProgressListener() {
				@Override
				public void status(final String message) {}

				@Override
				public boolean isCancelled() { return rows.get() >= 10; }
			});
		assertTrue(s.cancelled());
		assertTrue(s.images() >= 10 && s.images() < 200, s.toString());
		assertEquals(s.images(), rows.get());
	}
}
