package org.emotiontracking.core.live;

import org.emotiontracking.core.data.OpenCv;
import org.emotiontracking.core.data.RgbImage;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;
import org.opencv.videoio.VideoCapture;

/** Reads BGR frames from an OpenCV {@link VideoCapture} into new {@link RgbImage}s, reusing its Mats. */
final class CaptureReader {

	private final VideoCapture capture;
	private final Mat bgr = new Mat();
	private final Mat rgb = new Mat();

	CaptureReader(final VideoCapture capture) {
		OpenCv.ensureLoaded();
		this.capture = capture;
	}

	/** The next image, or null if the capture delivered none. */
	/** The OpenCV conversion from a frame of this many channels (gray, BGRA or BGR) to RGB. */
	private static int toRgb(final int channels) {
		if (channels == 1) return Imgproc.COLOR_GRAY2RGB;
		if (channels == 4) return Imgproc.COLOR_BGRA2RGB;
		return Imgproc.COLOR_BGR2RGB;
	}

	RgbImage read() {
		if (!capture.read(bgr) || bgr.empty()) return null;
		Imgproc.cvtColor(bgr, rgb, toRgb(bgr.channels()));
		return OpenCv.toRgbImage(rgb);
	}

	VideoCapture capture() { return capture; }

	/** Releases the capture and the Mats. */
	void release() {
		capture.release();
		bgr.release();
		rgb.release();
	}
}
