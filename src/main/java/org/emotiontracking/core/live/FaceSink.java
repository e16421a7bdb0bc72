package org.emotiontracking.core.live;

import java.io.IOException;
import java.util.List;

import org.emotiontracking.core.video.Frame;

/**
 * Receives the faces of every processed frame, on the processing thread, in frame order (e.g. the
 * rows of Classify's log for a video). Frames without a face come too, with an empty list.
 */
@FunctionalInterface
public interface FaceSink {

	void accept(Frame frame, List<TrackedFace> faces) throws IOException;
}
