package org.emotiontracking.imagej;

import ij.IJ;
import ij.ImagePlus;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;

import org.emotiontracking.core.live.FrameSource;
import org.emotiontracking.core.live.ImageSequenceSource;
import org.emotiontracking.core.live.LiveOutputs;
import org.emotiontracking.core.live.LiveSession;
import org.emotiontracking.core.live.LiveSettings;
import org.emotiontracking.core.live.LiveSummary;
import org.emotiontracking.core.util.ProgressListener;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Plugins &gt; Emotion Tracking &gt; Live Webcam: a {@link LiveSession} with the keys of
 * {@link LiveSettings} (the same as {@code java -jar emotion-tracking.jar live key=value}).
 * <p>
 * Frames come from {@code source=} (any video file FFmpeg reads), else from camera {@code camera=}; if no camera can
 * be opened and an image is open, its planes are played as the frames (a stack or movie, at its frame
 * rate from Image &gt; Properties if set). {@code show=true} shows the annotated frames with the frame
 * rate in one window, updated in place; q or Esc in it, closing it, or Esc in ImageJ stops the session
 * cleanly (outputs closed, charts written). {@code show=false} runs without a window. With
 * {@code output=} the timeline chart is opened as an image at the end.
 */
@Plugin(type = Command.class, name = "live", headless = true, menuPath = "Plugins>Emotion Tracking>Live Webcam")
public class LiveWebcamCommand extends AnalysisCommand<LiveSettings> {

	/** The window title of the live view. */
	public static final String WINDOW_TITLE = "Live Emotion Tracking";

	/** The defaults of every key: one place (the core). */
	private static final LiveSettings DEFAULTS = new LiveSettings();

	@Parameter(min = "0")
	private int camera = DEFAULTS.camera;
	/** Not remembered between runs: left empty, the camera (or the open image) is used. */
	@Parameter(style = FileWidget.OPEN_STYLE, required = false, persist = false)
	private File source;
	@Parameter
	private boolean show = DEFAULTS.show;
	@Parameter(min = "0")
	private int max_missed = DEFAULTS.max_missed;
	@Parameter
	private boolean record = DEFAULTS.record;
	@Parameter
	private boolean realtime = DEFAULTS.realtime;
	@Parameter(min = "0")
	private int detect_width = DEFAULTS.detect_width;

	@Parameter(type = ItemIO.OUTPUT)
	private long frames;
	@Parameter(type = ItemIO.OUTPUT)
	private double fps = Double.NaN;
	/** The timeline chart (with output=), else null. */
	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus timeline;

	@Override
	protected LiveSettings newSettings() {
		return new LiveSettings();
	}

	@Override
	protected void execute(final LiveSettings settings, final ProgressListener progress) throws Exception {
		final boolean window = settings.show && !GraphicsEnvironment.isHeadless();
		if (settings.show && !window) progress.log("No display: running without the live window");
		final LiveSummary s;
		try (LiveSession session = LiveSession.open(settings, e -> openImage(settings, progress))) {
			if (window) session.addListener(new LiveWindow(WINDOW_TITLE, session::stop));
			try {
				s = session.start(progress).get();
			}
			catch (final InterruptedException e) {
				session.stop();
				Thread.currentThread().interrupt();
				throw e;
			}
			catch (final ExecutionException e) {
				final Throwable cause = e.getCause();
				if (cause instanceof Exception) throw (Exception) cause;
				throw e;
			}
		}
		frames = s.framesProcessed();
		fps = s.fps();
		setSummary(s.toString());
		for (final String line : s.lines()) progress.log(line);
		final Path chart = settings.output == null ? null : settings.output.resolve(LiveOutputs.TIMELINE_PNG);
		if (chart != null && Files.isRegularFile(chart)) {
			timeline = IJ.openImage(chart.toString());
			// In Fiji the output is displayed by the framework; in ImageJ 1.x we show it.
			if (timeline != null && imageJ1Hosted() && !EmotionTrackingPlugin.insideFiji()) timeline.show();
		}
	}

	/** Without a camera, the open image's planes (null when no image is open). */
	private FrameSource openImage(final LiveSettings settings, final ProgressListener progress) {
		final ImagePlus imp = currentImage();
		if (imp == null) return null;
		progress.log("No camera " + settings.camera + " could be opened: playing the planes of " + imp.getTitle());
		return stack(imp);
	}

	/** The planes of an image as frames, at its frame rate if it has one. */
	static ImageSequenceSource stack(final ImagePlus imp) {
		final double rate = imp.getCalibration().fps > 0 ? imp.getCalibration().fps : 0;
		return new ImageSequenceSource(ImagePlusConversion.planeCount(imp), i -> ImagePlusConversion.toRgb(imp, i + 1),
			rate, imp.getTitle());
	}
}
