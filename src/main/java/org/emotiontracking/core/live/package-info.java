/**
 * Live emotion tracking: faces and their emotions, frame by frame, from a camera, a video file (FFmpeg)
 * or images in memory (an ImageJ stack).
 * <p>
 * {@link org.emotiontracking.core.live.LiveSession} wires the parts (FrameStages: threads;
 * FramePipeline: the per-frame work shared with Classify's videos; StopPolicy; LiveOutputs) and
 * runs the loop; a window uses it like this:
 *
 * <pre>
 * LiveSession session = LiveSession.open(settings);            // or open(settings, new ImageSequenceSource(...))
 * session.addListener(frame -&gt; show(frame.annotated()));       // processing thread: hand over to the EDT
 * CompletableFuture&lt;LiveSummary&gt; done = session.start(progress);
 * ...  session.stop();                                          // q, Esc or window closed
 * done.whenComplete((summary, error) -&gt; session.close());
 * </pre>
 *
 * Frames come from a {@link org.emotiontracking.core.live.FrameSource}; faces keep their ids
 * through {@link org.emotiontracking.core.live.FaceTracker}; the overlay is drawn by
 * {@link org.emotiontracking.core.live.FrameAnnotator}; files are written by
 * {@link org.emotiontracking.core.live.LiveOutputs}. No ImageJ classes are used here.
 */
package org.emotiontracking.core.live;
