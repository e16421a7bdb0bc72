package org.emotiontracking.core.live;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Instant;

import org.emotiontracking.core.video.Frame;

/**
 * Plays a recorded source (video, image sequence) in real time, like a camera: each frame is
 * delivered at its {@link Frame#time() time} after the first, and the source counts as
 * {@link #isLive() live}, so slow processing drops frames instead of slowing down. Sources without
 * a frame rate are played at {@value #DEFAULT_FPS} fps.
 */
public final class PacedSource implements FrameSource {

	public static final double DEFAULT_FPS = 30;

	private final FrameSource source;
	private long startNanos;
	private boolean started;

	public PacedSource(final FrameSource source) {
		this.source = source;
	}

	@Override
	public Frame next() throws IOException {
		final Frame f = source.next();
		if (f == null) return null;
		final double t = source.fps() > 0 ? f.time() : (f.index() - 1) / DEFAULT_FPS;
		if (!started) {
			startNanos = System.nanoTime() - Math.round(t * 1e9);
			started = true;
		}
		final long due = startNanos + Math.round(t * 1e9);
		try {
			for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime())
				Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Interrupted while waiting for the next frame");
		}
		return new Frame(f.image(), f.index(), Instant.now(), t, System.nanoTime());
	}

	@Override
	public int width() { return source.width(); }

	@Override
	public int height() { return source.height(); }

	@Override
	public double fps() { return source.fps() > 0 ? source.fps() : DEFAULT_FPS; }

	@Override
	public boolean isLive() { return true; }

	@Override
	public long frameCount() { return source.frameCount(); }

	@Override
	public String description() { return source.description() + " in real time"; }

	@Override
	public String endMessage() { return source.endMessage(); }

	@Override
	public void close() { source.close(); }
}
