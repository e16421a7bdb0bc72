package org.emotiontracking.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.detect.FaceDetectionSettings;
import org.emotiontracking.core.detect.FaceDetector;
import org.emotiontracking.core.detect.FaceDetectors;
import org.emotiontracking.core.detect.TileMode;
import org.emotiontracking.core.util.ProgressListener;

/**
 * Face detection alone, per 640x480 photo, for every detector in one run (so the figures share the
 * machine's load): BlazeFace full range (untiled, tiles=auto, tiles=on), short range, the Haar
 * cascade with the notebook's settings and, when its file is there, YuNet. One thread; each detector
 * first runs once over all photos (warm-up), then {@code rounds} times; the median round is reported.
 */
public final class DetectBenchmark {

	private DetectBenchmark() {}

	public static List<String> run(final int rounds, final ProgressListener log) throws IOException {
		final List<RgbImage> photos = BenchPhotos.load();
		final List<String> lines = new ArrayList<>();
		lines.add("detect: " + photos.size() + " photos at 640x480: " + BenchPhotos.description() + "; CPU "
			+ cpuName());
		log.log(lines.get(0));
		final List<String[]> detectors = new ArrayList<>(Arrays.asList(new String[] { FaceDetectionSettings.BLAZEFACE,
			"off" }, new String[] { FaceDetectionSettings.BLAZEFACE, "auto" },
			new String[] { FaceDetectionSettings.BLAZEFACE, "on" },
			new String[] { FaceDetectionSettings.BLAZEFACE_SHORT, "off" },
			new String[] { FaceDetectionSettings.HAAR, "off" }));
		final Path shared = BenchPhotos.sharedFolder();
		if (shared != null && Files.isRegularFile(shared.resolve("yunet_s_640_640.onnx"))) detectors.add(
			new String[] { shared.resolve( "yunet_s_640_640.onnx").toString(), "off" });
		for (final String[] d : detectors) {
			final FaceDetectionSettings s = new FaceDetectionSettings();
			s.detector = d[0];
			s.tiles = TileMode.valueOf(d[1].toUpperCase(Locale.ROOT));
			try (FaceDetector detector = FaceDetectors.open(s)) {
				int faces = 0;
				for (final RgbImage p : photos) faces += detector.detect(p).size();
				final double[] ms = new double[Math.max(1, rounds)];
				final long cpu0 = ProcessStats.cpuNanos();
				for (int r = 0; r < ms.length; r++) {
					final long t0 = System.nanoTime();
					for (final RgbImage p : photos) detector.detect(p);
					ms[r] = (System.nanoTime() - t0) / 1e6 / photos.size();
				}
				final double cpu = (ProcessStats.cpuNanos() - cpu0) / 1e6 / photos.size() / ms.length;
				final String line = String.format(Locale.ROOT,
					"detect %-70s %6.1f ms/photo (median of %d rounds; CPU %6.1f ms/photo), %d faces",
					detector.description(), Median.of(ms), ms.length, cpu, faces);
				lines.add(line);
				log.log(line);
			}
		}
		return lines;
	}

	/** The CPU model from /proc/cpuinfo, or "?". */
	static String cpuName() {
		try {
			for (final String l : Files.readAllLines(Paths.get("/proc/cpuinfo")))
				if (l.startsWith("model name")) return l.substring(l.indexOf(':') + 1).trim();
		}
		catch (final IOException | RuntimeException e) {
			// unknown
		}
		return "?";
	}
}
