package org.emotiontracking.cli;

import org.emotiontracking.core.live.LiveSession;
import org.emotiontracking.core.live.LiveSettings;
import org.emotiontracking.core.live.LiveSummary;
import org.emotiontracking.core.live.StopReason;
import org.emotiontracking.core.util.ProgressListener;

/**
 * `live`: emotions of the faces in a camera or a video file, headless. Prints the rate now and then
 * and a summary; Ctrl-C stops cleanly (the CSV is closed and the charts are written).
 */
final class LiveCli extends SettingsCli<LiveSettings> {

	private static final long LOG_INTERVAL_NANOS = 10_000_000_000L;

	LiveCli() {
		super("live",
			"Track faces and emotions from a camera or a video file (mp4, mov, mkv, webm, avi); writes a timeline "
			+ "CSV, charts and an annotated video", LiveSettings::new);
	}

	@Override
	int run(final LiveSettings s, final ProgressListener progress) throws Exception {
		s.show = false; // no window on the command line
		if (s.output == null) progress.log("No output= folder given: nothing will be saved.");
		try (LiveSession session = LiveSession.open(s)) {
			final Thread hook = new Thread(() -> {
				session.stop();
				session.awaitEnd(30_000);
			}, "emotion-live-shutdown");
			Runtime.getRuntime().addShutdownHook(hook);
			final LiveSummary summary;
			try {
				summary = session.run(new Periodic(progress));
			}
			finally {
				try {
					Runtime.getRuntime().removeShutdownHook(hook);
				}
				catch (final IllegalStateException shuttingDown) {
					// the hook is running: it waits for us
				}
			}
			for (final String line : summary.lines()) progress.log(line);
			return summary.reason() == StopReason.SOURCE_FAILED ? 1 : 0;
		}
	}

	/** Passes status on, and logs it every 10 s so that non-interactive runs show progress too. */
	private static final class Periodic implements ProgressListener {

		private final ProgressListener out;
		private long last = System.nanoTime();

		Periodic(final ProgressListener out) {
			this.out = out;
		}

		@Override
		public void status(final String message) {
			out.status(message);
			final long now = System.nanoTime();
			if (now - last >= LOG_INTERVAL_NANOS) {
				last = now;
				out.log(message);
			}
		}

		@Override
		public void progress(final double fraction) { out.progress(fraction); }

		@Override
		public void log(final String message) { out.log(message); }

		@Override
		public boolean isCancelled() { return out.isCancelled(); }
	}
}
