package org.emotiontracking.core.live;

import java.util.Collections;
import java.util.List;

import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.video.Frame;

/** What a {@link LiveListener} receives for each processed frame. Immutable. */
public final class LiveFrame {

	private final Frame frame;
	private final RgbImage annotated;
	private final List<TrackedFace> faces;
	private final double fps;
	private final double latencyMillis;
	private final long processed;
	private final long dropped;

	LiveFrame(final Frame frame, final RgbImage annotated, final List<TrackedFace> faces, final double fps,
		final double latencyMillis, final long processed, final long dropped)
	{
		this.frame = frame;
		this.annotated = annotated;
		this.faces = Collections.unmodifiableList(faces);
		this.fps = fps;
		this.latencyMillis = latencyMillis;
		this.processed = processed;
		this.dropped = dropped;
	}

	/** The captured frame, without overlay (do not modify its image). */
	public Frame frame() { return frame; }

	/** A new image of the frame with boxes, labels and fps drawn; the listener may keep it. */
	public RgbImage annotated() { return annotated; }

	/** The faces of this frame with ids and smoothed emotions, sorted by id. */
	public List<TrackedFace> faces() { return faces; }

	/** Processing rate (frames per second, recent average); NaN on the first frame. */
	public double fps() { return fps; }

	/** Time from capture to the finished overlay, in milliseconds. */
	public double latencyMillis() { return latencyMillis; }

	/** Frames processed so far, including this one. */
	public long processed() { return processed; }

	/** Frames dropped so far because processing was slower than the camera. */
	public long dropped() { return dropped; }
}
