package org.emotiontracking.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingHistoryTest {

	@TempDir
	Path dir;

	@Test
	void fileIsCompleteAfterEveryEpochAndReadsBack() throws IOException {
		final Path f = dir.resolve("training_history.csv");
		final TrainingHistory h = new TrainingHistory(f, false);
		h.append(new EpochResult(1, 1.5, 0.4, 1.6, 0.35, 80.25));
		assertEquals("epoch,loss,accuracy,val_loss,val_accuracy,seconds\n1,1.500000,0.400000,1.600000,0.350000,80.250\n",
			Files.readString(f));
		h.append(new EpochResult(2, 1.0, 0.6, Double.NaN, Double.NaN, 79.5));
		assertEquals(3, Files.readAllLines(f).size());
		assertTrue(Files.readAllLines(f).get(2).startsWith("2,1.000000,0.600000,,,"));

		final List<EpochResult> back = TrainingHistory.read(f);
		assertEquals(2, back.size());
		assertEquals(0.35, back.get(0).validationAccuracy(), 1e-12);
		assertTrue(Double.isNaN(back.get(1).validationLoss()));
		assertEquals(2, h.epochs().size());
		try (var s = Files.list(dir)) {
			assertEquals(1, s.count());
		}
	}

	@Test
	void refusesExistingFileUnlessOverwrite() throws IOException {
		final Path f = dir.resolve("training_history.csv");
		Files.writeString(f, "old run");
		assertThrows(FileAlreadyExistsException.class, () -> new TrainingHistory(f, false));
		final TrainingHistory h = new TrainingHistory(f, true);
		assertEquals("old run", Files.readString(f));
		h.append(new EpochResult(1, 1, 0.5, 1, 0.5, 1));
		assertTrue(Files.readString(f).startsWith("epoch,"));
	}

	@Test
	void inMemoryHistoryWritesNothing() throws IOException {
		final TrainingHistory h = TrainingHistory.inMemory();
		h.append(new EpochResult(1, 1, 0.5, Double.NaN, Double.NaN, 1));
		assertEquals(1, h.epochs().size());
		assertTrue(h.epochs().get(0).toString().startsWith("Epoch 1: loss 1.0000"));
	}
}
