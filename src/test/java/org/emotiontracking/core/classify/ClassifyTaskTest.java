package org.emotiontracking.core.classify;

import static org.emotiontracking.core.classify.ClassifyFixtures.CLASSES;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.emotiontracking.core.classify.ClassifyFixtures.Recorder;
import org.emotiontracking.core.data.TestImages;
import org.emotiontracking.core.detect.FaceDetectionSettings;
import org.emotiontracking.core.model.EmotionClassifier;
import org.emotiontracking.core.model.TestModels;
import org.emotiontracking.core.report.PredictionRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

/** Classify Emotions on real files: reports, labels, bad files, unusual formats, overwrite rules. */
class ClassifyTaskTest {

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

	private ClassifySettings settings(final Path input, final Path output) {
		final ClassifySettings s = new ClassifySettings();
		s.model = ClassifyFixtures.model();
		s.input = input;
		s.output = output;
		return s;
	}

	private static ClassificationSummary run(final ClassifySettings s, final Recorder sink) throws Exception {
		return ClassifyTask.run(classifier, s, null, sink, null);
	}

	private static List<String> column(final List<List<String>> csv, final String name) {
		final int c = csv.get(0).indexOf(name);
		final List<String> out = new ArrayList<>();
		for (final List<String> r : csv.subList(1, csv.size())) out.add(r.get(c));
		return out;
	}

	@Test
	void haarFacesInARealPhotoFolderWithCsvRowsMatchingTheSink() throws Exception {
		final Path in = Files.createDirectories(tmp.resolve("in"));
		Files.copy(ClassifyFixtures.messiFile(), in.resolve("a_messi.jpg"));
		TestImages.write(ClassifyFixtures.twoFaces(), in.resolve("b_two.png"));
		TestImages.write(ClassifyFixtures.noFace(), in.resolve("c_none.png"));
		final Path out = tmp.resolve("out");
		final Recorder sink = new Recorder();
		final ClassifySettings haar = settings(in, out);
		haar.detector = FaceDetectionSettings.HAAR;
		final ClassificationSummary s = ClassifyTask.run(haar, null, sink, null); // loads the model from its file

		assertEquals(3, s.images());
		assertEquals(3, s.faces());
		assertEquals(1, s.noFaceImages());
		assertTrue(s.allSucceeded());
		assertEquals(Arrays.asList(out.resolve(ClassificationReports.LOG), out.resolve(ClassificationReports.SUMMARY), out.resolve(
			ClassificationReports.DISTRIBUTION)), s.files());
		assertFalse(Files.exists(out.resolve(ClassificationReports.CONFUSION_CSV)));
		assertTrue(Files.size(out.resolve(ClassificationReports.DISTRIBUTION)) > 1000);

		final List<List<String>> csv = ClassifyFixtures.readCsv(out.resolve(ClassificationReports.LOG));
		assertEquals(Arrays.asList("timestamp", "image", "slice", "face", "x", "y", "width", "height", "predicted_emotion",
			"confidence", "true_label", "p_happy", "p_neutral", "p_sad", "right_eye_x", "right_eye_y", "left_eye_x", "left_eye_y",
			"nose_tip_x", "nose_tip_y", "mouth_center_x", "mouth_center_y", "right_ear_x", "right_ear_y", "left_ear_x", "left_ear_y",
			"mouth_right_x", "mouth_right_y", "mouth_left_x", "mouth_left_y", "error"), csv.get(0));
		assertEquals(Arrays.asList("", "", "", ""), column(csv, "right_eye_x"), "Haar gives no keypoints");
		assertEquals(sink.rows.size() + 1, csv.size());
		for (int i = 0; i < sink.rows.size(); i++) assertEquals(sink.columns.cells(sink.rows.get(i)), csv.get(i + 1), "row " + i);
		assertEquals(Arrays.asList("a_messi.jpg", "b_two.png", "b_two.png", "c_none.png"), column(csv, "image"));
		assertEquals(Arrays.asList("1", "1", "2", ""), column(csv, "face"));
		assertEquals(Arrays.asList("", "", "", PredictionRow.NO_FACE), column(csv, "error"));
		assertEquals(226, Integer.parseInt(column(csv, "x").get(0)), 6);
		assertTrue(CLASSES.contains(column(csv, "predicted_emotion").get(0)));
	}

	@Test
	void defaultDetectorWritesItsKeypoints() throws Exception {
		final Path in = Files.createDirectories(tmp.resolve("in"));
		Files.copy(ClassifyFixtures.messiFile(), in.resolve("messi.jpg"));
		TestImages.write(ClassifyFixtures.noFace(), in.resolve("none.png"));
		final Path out = tmp.resolve("out");
		final ClassificationSummary s = run(settings(in, out), new Recorder());
		assertEquals(1, s.faces());
		assertEquals(1, s.noFaceImages());
		final List<List<String>> csv = ClassifyFixtures.readCsv(out.resolve(ClassificationReports.LOG));
		assertEquals(Arrays.asList("messi.jpg", "none.png"), column(csv, "image"));
		assertEquals(Arrays.asList("", PredictionRow.NO_FACE), column(csv, "error"), "the image without a face keeps its row");
		final double x = Double.parseDouble(column(csv, "x").get(0)), w = Double.parseDouble(column(csv, "width").get(0));
		for (final String k : new String[] { "right_eye", "left_eye", "nose_tip", "mouth_center", "right_ear", "left_ear" }) {
			final double kx = Double.parseDouble(column(csv, k + "_x").get(0));
			assertTrue(kx > x - 0.2 * w && kx < x + 1.2 * w, k + " at " + kx + " for a box at " + x + ", " + w);
			assertEquals("", column(csv, k + "_x").get(1));
		}
		assertTrue(Double.parseDouble(column(csv, "right_eye_x").get(0)) < Double.parseDouble(column(csv, "left_eye_x").get(0)));
		assertEquals(Arrays.asList("", ""), column(csv, "mouth_right_x"), "BlazeFace gives no mouth corners");
	}

	@Test
	void classSubFoldersGiveTrueLabelsConfusionMatrixAndMetrics() throws Exception {
		final Path in = tmp.resolve("dataset");
		int seed = 0;
		for (final String c : Arrays.asList("happy", "Sad", "unsorted"))
			for (int i = 0; i < 3; i++) {
				Files.createDirectories(in.resolve(c));
				TestImages.write(TestModels.noiseImage(40, 50, seed++), in.resolve(c).resolve(c + i + ".png"));
			}
		final Path out = tmp.resolve("out");
		final ClassifySettings s = settings(in, out);
		s.recursive = true;
		s.faces = FaceMode.WHOLE;
		final ClassificationSummary summary = run(s, new Recorder());

		assertEquals(9, summary.images());
		assertEquals(6, summary.labelled());
		assertTrue(summary.hasAccuracy());
		final List<List<String>> csv = ClassifyFixtures.readCsv(out.resolve(ClassificationReports.LOG));
		// code-point order: "Sad" before "happy"; the label takes the class's own spelling
		assertEquals(Arrays.asList("sad", "sad", "sad", "happy", "happy", "happy", "", "", ""), column(csv, "true_label"));
		assertEquals("Sad/Sad0.png", column(csv, "image").get(0));
		long correct = 0;
		for (int i = 1; i <= 6; i++) if (csv.get(i).get(csv.get(0).indexOf("true_label")).equals(csv.get(i).get(csv.get(0).indexOf(
			"predicted_emotion")))) correct++;
		assertEquals(correct / 6.0, summary.accuracy(), 1e-12);
		for (final String f : ClassificationReports.allFiles(out).stream().map(p -> p.getFileName().toString()).toArray(String[]::new))
			assertTrue(Files.size(out.resolve(f)) > 0, f);
		assertEquals(6, summary.files().size());
		final List<List<String>> metrics = ClassifyFixtures.readCsv(out.resolve(ClassificationReports.METRICS));
		assertTrue(metrics.toString().contains("accuracy"), metrics.toString());
		final List<List<String>> confusion = ClassifyFixtures.readCsv(out.resolve(ClassificationReports.CONFUSION_CSV));
		long total = 0;
		for (final List<String> r : confusion.subList(1, confusion.size()))
			for (final String v : r.subList(1, r.size())) total += v.matches("\\d+") ? Long.parseLong(v) : 0;
		assertEquals(6, total, confusion.toString());
	}

	@Test
	void badFilesAreNamedInTheErrorColumnWhileTheBatchGoesOn() throws Exception {
		final Path in = Files.createDirectories(tmp.resolve("in"));
		final byte[] jpeg = Files.readAllBytes(ClassifyFixtures.messiFile());
		Files.write(in.resolve("1_good.jpg"), jpeg);
		final byte[] png = TestImages.encode(new Mat(20, 20, CvType.CV_8UC3, new Scalar(1, 2, 3)), ".png");
		for (int i = 40; i < png.length; i++) png[i] ^= 0x5a; // header intact, data scrambled
		Files.write(in.resolve("2_corrupt.png"), png);
		Files.write(in.resolve("3_truncated.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
		Files.write(in.resolve("4_empty.jpg"), new byte[0]);
		Files.write(in.resolve("5_text.jpg"), "this is not an image\n".getBytes(StandardCharsets.UTF_8));
		Files.copy(ClassifyFixtures.messiFile(), in.resolve("6_good.jpg"));
		final Recorder sink = new Recorder();
		final ClassificationSummary s = run(settings(in, tmp.resolve("out")), sink);

		assertEquals(6, s.images());
		assertEquals(4, s.failures());
		assertEquals(2, s.faces());
		assertEquals(4, s.failureMessages().size());
		final List<List<String>> csv = ClassifyFixtures.readCsv(tmp.resolve("out").resolve(ClassificationReports.LOG));
		final List<String> errors = column(csv, "error");
		assertEquals(6, errors.size());
		assertEquals("", errors.get(0));
		assertEquals("", errors.get(5));
		final String[] names = { "2_corrupt.png", "3_truncated.jpg", "4_empty.jpg", "5_text.jpg" };
		for (int i = 0; i < 4; i++) {
			assertTrue(errors.get(i + 1).contains(names[i]), errors.get(i + 1));
			assertEquals("", column(csv, "predicted_emotion").get(i + 1));
		}
		assertTrue(errors.get(2).toLowerCase().contains("truncated"), errors.get(2));
		assertTrue(errors.get(3).contains("empty"), errors.get(3));
	}

	@Test
	void grayscaleSixteenBitAlphaTinyAndNonAsciiImagesAreClassified() throws Exception {
		final Path in = Files.createDirectories(tmp.resolve("in"));
		final Mat gray = new Mat(30, 40, CvType.CV_8UC1, new Scalar(90));
		Files.write(in.resolve("gray.png"), TestImages.encode(gray, ".png"));
		final Mat deep = new Mat(30, 40, CvType.CV_16UC3, new Scalar(1000, 30000, 60000));
		deep.put(0, 0, new short[] { 0, 0, 0 });
		Files.write(in.resolve("deep16.tif"), TestImages.encode(deep, ".tif"));
		final Mat alpha = new Mat(30, 40, CvType.CV_8UC4, new Scalar(10, 200, 30, 128));
		Files.write(in.resolve("alpha.png"), TestImages.encode(alpha, ".png"));
		Files.write(in.resolve("tiny.png"), TestImages.encode(new Mat(1, 1, CvType.CV_8UC3, new Scalar(5, 6, 7)), ".png"));
		Files.copy(ClassifyFixtures.messiFile(), in.resolve("Gesicht äöü 日本 😀.jpg"));
		final ClassifySettings s = settings(in, tmp.resolve("out"));
		s.faces = FaceMode.WHOLE;
		final ClassificationSummary whole = run(s, new Recorder());
		assertEquals(5, whole.images());
		assertEquals(5, whole.faces());
		assertTrue(whole.allSucceeded(), whole.failureMessages().toString());
		final List<List<String>> csv = ClassifyFixtures.readCsv(s.output.resolve(ClassificationReports.LOG));
		assertTrue(column(csv, "image").contains("Gesicht äöü 日本 😀.jpg"), column(csv, "image").toString());
		assertEquals("1", column(csv, "width").get(column(csv, "image").indexOf("tiny.png")));
		for (final String p : column(csv, "predicted_emotion")) assertTrue(CLASSES.contains(p), p);

		// detecting: the non-ASCII photo has its face, the others have none; no failures
		final Recorder sink = new Recorder();
		s.faces = FaceMode.DETECT;
		s.overwrite = true;
		final ClassificationSummary detect = run(s, sink);
		assertEquals(1, detect.faces());
		assertEquals(4, detect.noFaceImages());
		assertEquals(0, detect.failures());
		for (final PredictionRow r : sink.rows)
			assertEquals(r.image().startsWith("Gesicht"), r.hasPrediction(), r.toString());
	}

	@Test
	void existingOutputsAreRefusedBeforeAnyWorkUnlessOverwrite() throws Exception {
		final Path image = ClassifyFixtures.messiFile();
		final Path out = tmp.resolve("out");
		final ClassifySettings s = settings(image, out);
		final Recorder first = new Recorder();
		run(s, first);
		assertEquals("messi5.jpg", first.rows.get(0).image());
		final byte[] before = Files.readAllBytes(out.resolve(ClassificationReports.LOG));

		final Recorder second = new Recorder();
		final FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class, () -> run(s, second));
		assertTrue(e.getReason().contains(ClassificationReports.LOG), e.getReason());
		assertTrue(second.rows.isEmpty());
		assertArrayEquals(before, Files.readAllBytes(out.resolve(ClassificationReports.LOG)));

		// any one of the outputs is enough to refuse, and nothing new is created
		final Path other = Files.createDirectories(tmp.resolve("other"));
		Files.write(other.resolve(ClassificationReports.METRICS), new byte[] { 1 });
		final ClassifySettings t = settings(image, other);
		assertThrows(FileAlreadyExistsException.class, () -> run(t, new Recorder()));
		try (java.util.stream.Stream<Path> files = Files.list(other)) {
			assertEquals(1, files.count());
		}

		s.overwrite = true;
		final Recorder third = new Recorder();
		run(s, third);
		assertEquals(1, third.rows.size());
		assertEquals(2, ClassifyFixtures.readCsv(out.resolve(ClassificationReports.LOG)).size());
	}

	@Test
	void missingOrBadSettingsAreUsageErrors() {
		final ClassifySettings s = settings(tmp.resolve("nowhere"), tmp.resolve("out"));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClassifyTask.run(s, null));
		assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
		final ClassifySettings t = settings(ClassifyFixtures.messiFile(), tmp.resolve("out"));
		t.margin = 5;
		assertThrows(IllegalArgumentException.class, () -> ClassifyTask.run(t, null));
		t.margin = 0;
		t.output = null;
		assertThrows(IllegalArgumentException.class, () -> ClassifyTask.run(t, null));
		assertFalse(Files.exists(tmp.resolve("out")));
	}
}
