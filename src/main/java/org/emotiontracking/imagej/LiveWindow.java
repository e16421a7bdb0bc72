package org.emotiontracking.imagej;

import ij.ImagePlus;
import ij.gui.ImageWindow;
import ij.process.ColorProcessor;

import java.awt.EventQueue;
import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import java.awt.event.KeyListener;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import org.emotiontracking.core.live.LiveFrame;
import org.emotiontracking.core.live.LiveListener;
import org.emotiontracking.core.live.LiveSummary;

/**
 * The live view: one ImageJ image window showing each annotated frame (boxes, labels, fps), updated in
 * place on the event dispatch thread. Frames arriving faster than the screen draws replace the one
 * waiting (never queued). Pressing q or Esc in the window, or closing it, calls {@code stop} once.
 * In batch mode the image is a hidden batch-mode image (no keys, no closing).
 */
final class LiveWindow implements LiveListener {

	private final String title;
	private final Runnable stop;
	private final AtomicReference<LiveFrame> pending = new AtomicReference<>();
	private volatile ImagePlus imp;
	private volatile boolean closed;
	private volatile boolean stopped;

	LiveWindow(final String title, final Runnable stop) {
		this.title = title;
		this.stop = stop;
	}

	/** The image shown (null before the first frame). */
	ImagePlus image() { return imp; }

	@Override
	public void frame(final LiveFrame frame) {
		if (closed) return;
		if (pending.getAndSet(frame) == null) EventQueue.invokeLater(this::drawPending);
	}

	@Override
	public void finished(final LiveSummary summary) {
		EventQueue.invokeLater(() -> {
			drawPending();
			final ImagePlus shown = imp;
			if (shown != null && !closed) shown.setTitle(title + " (" + summary.reason().name().toLowerCase(
				Locale.ROOT).replace('_', ' ') + ")");
		});
	}

	/** On the EDT: shows the newest frame. */
	private void drawPending() {
		final LiveFrame f = pending.getAndSet(null);
		if (f == null || closed) return;
		final ColorProcessor cp = ImagePlusConversion.toProcessor(f.annotated());
		if (imp == null) {
			imp = new ImagePlus(title, cp);
			imp.show();
			attach(imp.getWindow());
		}
		else {
			imp.setProcessor(cp);
			imp.updateAndDraw();
		}
	}

	private void attach(final ImageWindow win) {
		if (win == null) return;
		final KeyListener keys = new KeyAdapter() {
			@Override
			public void keyPressed(final KeyEvent e) {
				if (e.getKeyCode() == KeyEvent.VK_ESCAPE || e.getKeyChar() == 'q'
					|| e.getKeyChar() == 'Q') requestStop();
			}
		};
		win.addKeyListener(keys);
		if (win.getCanvas() != null) win.getCanvas().addKeyListener(keys);
		win.addWindowListener(new WindowAdapter() {
			@Override
			public void windowClosing(final WindowEvent e) {
				closed = true;
				requestStop();
			}

			@Override
			public void windowClosed(final WindowEvent e) {
				closed = true;
				requestStop();
			}
		});
	}

	private void requestStop() {
		if (stopped) return;
		stopped = true;
		stop.run();
	}
}
