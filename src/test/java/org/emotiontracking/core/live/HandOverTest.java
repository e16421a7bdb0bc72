package org.emotiontracking.core.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.video.Frame;
import org.junit.jupiter.api.Test;

class HandOverTest {

	private static Frame frame(final long i) {
		return new Frame(RgbImage.blank(2, 2), i, Instant.now(), i, System.nanoTime());
	}

	@Test
	void liveFramesReplaceEachOtherSoTheSlotNeverHoldsMoreThanOne() throws Exception {
		final HandOver<Frame> slot = new HandOver<>();
		for (int i = 1; i <= 1000; i++) {
			assertTrue(slot.offer(frame(i)));
			assertEquals(1, slot.size());
		}
		assertEquals(999, slot.dropped());
		assertEquals(1000, slot.take(0).index(), "the latest frame wins");
		assertEquals(0, slot.size());
		assertEquals(HandOver.CAPACITY, slot.maxOccupancy());
		assertNull(slot.take(10));
	}

	@Test
	void recordedFramesWaitForTheSlotToBeFree() throws Exception {
		final HandOver<Frame> slot = new HandOver<>();
		assertTrue(slot.put(frame(1)));
		final AtomicBoolean second = new AtomicBoolean();
		final CountDownLatch done = new CountDownLatch(1);
		final Thread t = new Thread(() -> {
			try {
				second.set(slot.put(frame(2)));
			}
			catch (final InterruptedException e) {
				// fails below
			}
			done.countDown();
		});
		t.start();
		assertFalse(done.await(100, TimeUnit.MILLISECONDS), "put waits while the slot is full");
		assertEquals(1, slot.take(1000).index());
		assertTrue(done.await(5, TimeUnit.SECONDS));
		assertTrue(second.get());
		assertEquals(2, slot.take(1000).index());
		assertEquals(0, slot.dropped());
		assertEquals(1, slot.maxOccupancy());
	}

	@Test
	void closingWakesWaitersAndKeepsTheLastFrame() throws Exception {
		final HandOver<Frame> slot = new HandOver<>();
		final Frame f = frame(1);
		slot.put(f);
		final CountDownLatch done = new CountDownLatch(1);
		final Thread t = new Thread(() -> {
			try {
				assertFalse(slot.put(frame(2)));
			}
			catch (final InterruptedException e) {
				// fails below
			}
			done.countDown();
		});
		t.start();
		slot.close();
		assertTrue(done.await(5, TimeUnit.SECONDS));
		assertFalse(slot.isDrained());
		assertSame(f, slot.take(0));
		assertTrue(slot.isDrained());
		assertNull(slot.take(1000)); // returns at once when drained
		assertFalse(slot.offer(frame(3)));
	}

	@Test
	void latencyStatsUseConstantMemory() {
		final LatencyStats s = new LatencyStats();
		for (int i = 1; i <= 100; i++) s.add(i);
		assertEquals(50.5, s.mean(), 1e-9);
		assertEquals(95, s.quantile(0.95), 1.5);
		assertEquals(100, s.quantile(1), 1e-9);
		assertTrue(LatencyStats.buckets() < 3000);
		assertTrue(Double.isNaN(new LatencyStats().mean()));
	}
}
