package org.emotiontracking.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** time_budget: no epoch starts that would end after the budget; the best epoch so far is saved. */
class TrainingTimeBudgetTest {

	@TempDir
	Path dir;

	@Test
	void stopsStartingEpochsWhenTheNextWouldPassTheBudget() throws Exception {
		final Path shapes = dir.resolve("shapes");
		ShapesDataset.write(shapes, 12, 48, 1);
		final TrainSettings s = TrainerTest.settings(shapes, dir.resolve("out"));
		s.epochs = 10;
		s.time_budget = 0.001; // any epoch takes longer: one epoch, then stop
		final List<String> log = new ArrayList<>();
		final TrainingSummary summary = Trainer.train(s, TrainerTest.listener(log, -1));
		assertTrue(summary.saved());
		assertEquals(1, summary.history.size(), String.join("\n", log));
		assertTrue(summary.stoppedEarly);
		assertTrue(log.stream().anyMatch(l -> l.startsWith("Time budget: 1 of 10 epochs")), String.join("\n", log));

		s.time_budget = -1;
		s.output = dir.resolve("out2");
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Trainer.train(s, TrainerTest
			.listener(new ArrayList<>(), -1)));
		assertTrue(e.getMessage().contains("time_budget"), e.getMessage());
	}
}
