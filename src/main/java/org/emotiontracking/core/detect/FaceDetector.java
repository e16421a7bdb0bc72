package org.emotiontracking.core.detect;

import java.util.List;

import org.emotiontracking.core.data.RgbImage;

/**
 * Finds faces in an image. Implementations are safe to call from several threads at once.
 * Close to free native resources.
 */
public interface FaceDetector extends AutoCloseable {

	/**
	 * The faces in the image, in {@link Faces#READING_ORDER}, in the image's pixel coordinates
	 * and inside its bounds. Empty if there are none.
	 */
	List<FaceBox> detect(RgbImage image);

	/** A short description for logs, e.g. "Haar cascade haarcascade_frontalface_default.xml". */
	String description();

	@Override
	void close();
}
