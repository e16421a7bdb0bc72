package org.emotiontracking.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.emotiontracking.core.data.ImageDecoder;
import org.emotiontracking.core.data.Resize;
import org.emotiontracking.core.data.RgbImage;

/**
 * Real photos brought to 640x480 (scaled to fit, then centred on gray) for the detection benchmarks:
 * the face photos of ../shared/faces (or {@code EMOTION_TRACKING_SHARED}/faces) when present, else
 * opencv-doc's photos with faces.
 */
final class BenchPhotos {

	static final int WIDTH = 640, HEIGHT = 480;
	static final Path SAMPLES = Paths.get("/usr/share/doc/opencv-doc/examples/data");
	static final List<String> SHARED = Arrays.asList("sergey.png", "bbt1.jpg", "bbt2.jpg", "bbt3.jpg", "bbt4.jpg",
		"bbt5.jpg", "angry.jpg", "disgusted.jpg", "fearful.jpg", "happy.jpg", "neutral.jpg", "sad.jpg",
		"surprised.jpg");
	static final List<String> DEBIAN = Arrays.asList("messi5.jpg", "basketball1.png", "basketball2.png", "lena.jpg");

	private BenchPhotos() {}

	/** Where the photos come from, for the report. */
	static String description() {
		final Path shared = sharedFolder();
		return shared != null ? SHARED.size() + " photos of " + shared + " (" + String.join(", ", SHARED) + ")"
			: "opencv-doc's " + String.join(", ", DEBIAN);
	}

	static Path sharedFolder() {
		String dir = System.getProperty("EMOTION_TRACKING_SHARED");
		if (dir == null) dir = System.getenv("EMOTION_TRACKING_SHARED");
		final Path faces = (dir != null ? Paths.get(dir) : Paths.get("..", "shared")).resolve("faces");
		return Files.isRegularFile(faces.resolve(SHARED.get(0))) ? faces : null;
	}

	/** The photos with one face each (sergey and the seven expressions) at 640x480, or all photos without ../shared. */
	static List<RgbImage> loadSingleFaces() throws IOException {
		final List<RgbImage> all = load();
		if (sharedFolder() == null) return all;
		final List<RgbImage> out = new ArrayList<>();
		for (int i = 0; i < SHARED.size(); i++) if (!SHARED.get(i).startsWith("bbt")) out.add(all.get(i));
		return out;
	}

	/** The photos at 640x480. */
	static List<RgbImage> load() throws IOException {
		final Path shared = sharedFolder();
		final List<Path> files = new ArrayList<>();
		if (shared != null) for (final String n : SHARED) files.add(shared.resolve(n));
		else for (final String n : DEBIAN) if (Files.isRegularFile(SAMPLES.resolve(n))) files.add(SAMPLES.resolve(n));
		if (files.isEmpty()) throw new IOException(
			"The detection benchmark needs ../shared/faces or opencv-doc's photos in " + SAMPLES);
		final ImageDecoder d = new ImageDecoder();
		final List<RgbImage> out = new ArrayList<>();
		for (final Path f : files) out.add(fit(d.decode(f)));
		return out;
	}

	/** Scaled to fit 640x480 and centred on gray. */
	static RgbImage fit(final RgbImage in) {
		final double s = Math.min((double) WIDTH / in.width(), (double) HEIGHT / in.height());
		final int w = Math.max(1, (int) Math.round(in.width() * s)), h = Math.max(1, (int) Math.round(in.height() * s));
		final Resize.Interpolation how = s < 1 ? Resize.Interpolation.AREA : Resize.Interpolation.LINEAR;
		final RgbImage im = w == in.width() && h == in.height() ? in : Resize.resize(in, w, h, how);
		final RgbImage out = RgbImage.blank(WIDTH, HEIGHT);
		Arrays.fill(out.pixels(), (byte) 128);
		final int x0 = (WIDTH - w) / 2, y0 = (HEIGHT - h) / 2;
		for (int y = 0; y < h; y++) System.arraycopy(im.pixels(), y * w * 3, out.pixels(), ((y0 + y) * WIDTH + x0) * 3,
			w * 3);
		return out;
	}
}
