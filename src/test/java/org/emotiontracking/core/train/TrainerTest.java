package org.emotiontracking.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import org.emotiontracking.core.classify.ClassificationReports;
import org.emotiontracking.core.data.DatasetException;
import org.emotiontracking.core.model.EmotionClassifier;
import org.emotiontracking.core.util.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

	@TempDir
	static Path shared;
	static Path shapes;

	@TempDir
	Path dir;

	@BeforeAll
	static void data() throws Exception {
		shapes = shared.resolve("shapes");
		ShapesDataset.write(shapes, 60, 48, 1);
	}

	static TrainSettings settings(final Path dataset, final Path output) {
		final TrainSettings s = new TrainSettings();
		s.dataset = dataset;
		s.output = output;
		s.weights = "none";
		s.alpha = 0.35;
		s.image_size = 48;
		s.batch_size = 16;
		s.epochs = 10;
		s.hidden_units = 32;
		s.gradcam = false;
		return s;
	}

	/**
	 * Trained from scratch with augmentation on generated images (no ImageNet file offline): fails if
	 * gradients, labels, the split or augmentation were wrong.
	 */
	@Test
	void learnsAndWritesEveryOutput() throws Exception {
		final TrainSettings s = settings(shapes, dir.resolve("out"));
		s.gradcam = true;
		s.epochs = 20;
		final List<String> log = new ArrayList<>();
		final TrainingSummary summary = Trainer.train(s, listener(log, -1));
		assertTrue(summary.saved());
		System.out.println("learning test: validation accuracy " + summary.validationAccuracy);
		assertTrue(summary.validationAccuracy >= 0.6, // chance: 0.33 "validation accuracy " + summary.validationAccuracy + "\n" +
			String.join("\n", log));
		final TrainingOutputs out = summary.outputs;
		for (final Path p : out.all()) assertTrue(Files.size(p) > 0, p + " missing or empty");
		final List<String> history = Files.readAllLines(out.file(TrainingOutputs.HISTORY));
		assertEquals("epoch,loss,accuracy,val_loss,val_accuracy,seconds", history.get(0));
		assertEquals(s.epochs + 1, history.size());
		final List<String> rows = Files.readAllLines(out.file(ClassificationReports.LOG), StandardCharsets.UTF_8);
		assertTrue(rows.get(0).contains("subset") && rows.get(0).contains("p_blue"), rows.get(0));
		assertEquals(180 + 1, rows.size());
		assertEquals(36, rows.stream().filter(r -> r.contains(",validation,")).count(), "20% of each class held out");
		for (final String png : new String[] { ClassificationReports.DISTRIBUTION, ClassificationReports.CONFUSION_PNG,
			TrainingOutputs.CURVES }) assertNotNull(ImageIO.read(out.file(png).toFile()), png);
		assertTrue(log.stream().anyMatch(l -> l.startsWith("Epoch 20/20")), String.join("\n", log));
		assertEquals(3, summary.gradCamFiles.size(), summary.gradCamFiles.toString());
		for (final String g : summary.gradCamFiles) {
			final java.awt.image.BufferedImage png = ImageIO.read(out.folder.resolve(g).toFile());
			assertEquals(48, png.getWidth(), g);
		}
		assertTrue(summary.gradCamFiles.get(0).contains("blue_blue_000"), summary.gradCamFiles.toString());
		// The saved archive predicts as training said.
		try (EmotionClassifier c = EmotionClassifier.load(out.model())) {
			assertEquals(Arrays.asList(ShapesDataset.CLASSES), c.classNames().stream().sorted((a, b) -> Arrays.asList(
				ShapesDataset.CLASSES).indexOf(a) - Arrays.asList(ShapesDataset.CLASSES).indexOf(b)).collect(
					java.util.stream.Collectors.toList()));
		}
	}

	/** weights=none trains every layer (batch norms on batch statistics) and saves a working model. */
	@Test
	void trainsFromScratch() throws Exception {
		final TrainSettings s = settings(shapes, dir.resolve("out"));
		s.epochs = 2;
		final TrainingSummary summary = Trainer.train(s, ProgressListener.SILENT);
		assertTrue(summary.saved());
		assertEquals(2, summary.history.size());
		assertTrue(summary.history.get(1).loss() < 3, "finite loss");
		// the head trained on centred features is saved with the mean folded into its bias: the saved
		// model (reloaded, plain head) scores exactly what validation during training measured
		assertEquals(summary.history.get(summary.bestEpoch - 1).validationAccuracy(), summary.validationAccuracy, 1e-9);
	}

	@Test
	void cancelKeepsThePreviousModelIntact() throws Exception {
		final Path out = dir.resolve("out");
		final TrainSettings s = settings(shapes, out);
		s.epochs = 1;
		Trainer.train(s, ProgressListener.SILENT);
		final byte[] before = Files.readAllBytes(out.resolve("emotion_mobilenet_model.zip"));
		s.overwrite = true;
		s.epochs = 3;
		final TrainingSummary cancelled = Trainer.train(s, listener(new ArrayList<>(), 3));
		assertTrue(cancelled.cancelled);
		assertFalse(cancelled.saved());
		assertArrayEquals(before, Files.readAllBytes(out.resolve("emotion_mobilenet_model.zip")));
		try (java.util.stream.Stream<Path> files = Files.list(out)) {
			assertTrue(files.noneMatch(p -> p.getFileName().toString().contains("partial")), "no temporary files left");
		}
	}

	@Test
	void cancelAfterAnEpochKeepsTheBestSoFar() throws Exception {
		final TrainSettings s = settings(shapes, dir.resolve("out"));
		s.epochs = 4;
		final int batchesPerEpoch = (144 + 15) / 16;
		final TrainingSummary summary = Trainer.train(s, listener(new ArrayList<>(), batchesPerEpoch + 2));
		assertTrue(summary.cancelled);
		assertTrue(summary.saved());
		assertEquals(1, summary.history.size());
		assertTrue(Files.exists(summary.outputs.model()));
	}

	@Test
	void badDatasetsFailClearlyBeforeAnyWork() throws Exception {
		final Path empty = Files.createDirectories(dir.resolve("empty"));
		final DatasetException none = assertThrows(DatasetException.class, () -> Trainer.train(settings(empty, dir
			.resolve("o1")), ProgressListener.SILENT));
		assertTrue(none.getMessage().contains(empty.toString()) || none.getMessage().toLowerCase().contains("class"),
			none.getMessage());

		final Path one = dir.resolve("one");
		Files.createDirectories(one.resolve("happy"));
		Files.createDirectories(one.resolve("sad"));
		ImageIO.write(ShapesDataset.draw(0, 32, new java.util.Random(1)), "png", one.resolve("happy/a.png").toFile());
		ImageIO.write(ShapesDataset.draw(0, 32, new java.util.Random(2)), "png", one.resolve("happy/b.png").toFile());
		ImageIO.write(ShapesDataset.draw(0, 32, new java.util.Random(3)), "png", one.resolve("sad/c.png").toFile());
		final DatasetException few = assertThrows(DatasetException.class, () -> Trainer.train(settings(one, dir.resolve(
			"o2")), ProgressListener.SILENT));
		assertTrue(few.getMessage().contains("sad"), few.getMessage());
		assertFalse(Files.exists(dir.resolve("o2")), "nothing written before the checks pass");

		final TrainSettings s = settings(shapes, dir.resolve("o3"));
		s.classes = Arrays.asList("red", "triangle");
		final DatasetException missing = assertThrows(DatasetException.class, () -> Trainer.train(s, ProgressListener.SILENT));
		assertTrue(missing.getMessage().contains("triangle"), missing.getMessage());
	}

	@Test
	void existingOutputsAreNotOverwritten() throws Exception {
		final Path out = Files.createDirectories(dir.resolve("out"));
		Files.write(out.resolve("metrics.csv"), "mine".getBytes(StandardCharsets.UTF_8));
		final Exception e = assertThrows(Exception.class, () -> Trainer.train(settings(shapes, out), ProgressListener.SILENT));
		assertTrue(e.getMessage().contains("metrics.csv"), e.getMessage());
		assertEquals("mine", new String(Files.readAllBytes(out.resolve("metrics.csv")), StandardCharsets.UTF_8));
	}

	/** Collects log lines; cancels after {@code cancelAfter} batch status updates (negative: never). */
	static ProgressListener listener(final List<String> log, final int cancelAfter) {
		final AtomicInteger batches = new AtomicInteger();
		return new ProgressListener() {
			@Override
			public void status(final String message) {
				if (message.startsWith("Epoch")) batches.incrementAndGet();
			}

			@Override
			public void log(final String message) {
				log.add(message);
			}

			@Override
			public boolean isCancelled() {
				return cancelAfter >= 0 && batches.get() >= cancelAfter;
			}
		};
	}
}
