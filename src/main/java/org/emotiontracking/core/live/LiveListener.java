package org.emotiontracking.core.live;

/**
 * Receives a live session's frames, e.g. to display them. Called on the session's processing
 * thread: return quickly (hand the image to the GUI thread); a slow listener slows the session.
 * An exception thrown here is logged and does not stop the session; call
 * {@link LiveSession#stop()} to stop it (e.g. on q, Esc or window close).
 */
public interface LiveListener {

	/** One processed frame with its overlay and faces. */
	void frame(LiveFrame frame);

	/** The session has ended and its outputs are closed (also after an error). */
	default void finished(final LiveSummary summary) {}
}
