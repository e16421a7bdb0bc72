package org.emotiontracking.core.live;

/** Why a live session ended. */
public enum StopReason {
	/** The video or image sequence ended, or the camera stopped delivering frames. */
	END_OF_SOURCE,
	/** max_frames frames were processed. */
	MAX_FRAMES,
	/** duration seconds have passed. */
	DURATION,
	/** {@link LiveSession#stop()} was called or the progress listener cancelled. */
	STOPPED,
	/** Reading from the source failed. */
	SOURCE_FAILED,
	/** Processing or writing outputs failed; {@link LiveSession#run} threw. */
	ERROR
}
