package org.emotiontracking.core.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.emotiontracking.core.data.ImageDecoder;
import org.emotiontracking.core.data.Resize;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.data.TestImages;
import org.emotiontracking.core.detect.FaceBox;
import org.emotiontracking.core.model.ModelMetadata;
import org.emotiontracking.core.model.TestModels;
import org.emotiontracking.core.report.Csv;
import org.emotiontracking.core.report.PredictionRow;
import org.emotiontracking.core.util.FileTrees;

/** Shared test material: one small random-weight model per JVM and real photos with known faces. */
public final class ClassifyFixtures {

	public static final List<String> CLASSES = List.of("happy", "neutral", "sad");
	/** messi5.jpg: one face. */
	public static final FaceBox MESSI_FACE = new FaceBox(226, 94, 38, 38, 0);
	/** basketball1.png (640x480, gray): one face. */
	public static final FaceBox BASKETBALL_FACE = new FaceBox(72, 91, 39, 39, 0);
	/** Where {@link #twoFaces()} pastes the basketball face (top-left of the pasted crop). */
	public static final int PASTE_X = 400, PASTE_Y = 150, PASTE_CONTEXT = 30;

	private static Path model;

	private ClassifyFixtures() {}

	/** A MobileNetV2 alpha 0.35, 96 px model with random weights and classes {@link #CLASSES} (made once). */
	public static synchronized Path model() {
		if (model == null) {
			try {
				final Path dir = Files.createTempDirectory("classify-test-model");
				Runtime.getRuntime().addShutdownHook(new Thread(() -> FileTrees.deleteQuietly(dir)));
				final ModelMetadata m = TestModels.metadata(0.35, 96, CLASSES.toArray(new String[0]));
				final Path zip = dir.resolve("model.zip");
				TestModels.randomArchive(zip, m, 11);
				model = zip;
			}
			catch (final IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return model;
	}

	public static Path messiFile() { return TestImages.sample("messi5.jpg"); }

	public static RgbImage messi() { return decode(messiFile()); }

	public static RgbImage basketball() { return decode(TestImages.sample("basketball1.png")); }

	/** messi5.jpg with basketball1.png's face (plus context) pasted at ({@link #PASTE_X}, {@link #PASTE_Y}): two real faces. */
	public static RgbImage twoFaces() {
		final RgbImage canvas = Resize.copy(messi());
		final RgbImage face = Resize.crop(basketball(), BASKETBALL_FACE.x() - PASTE_CONTEXT, BASKETBALL_FACE.y() - PASTE_CONTEXT,
			BASKETBALL_FACE.width() + 2 * PASTE_CONTEXT, BASKETBALL_FACE.height() + 2 * PASTE_CONTEXT);
		for (int y = 0; y < face.height(); y++)
			System.arraycopy(face.pixels(), y * face.width() * 3, canvas.pixels(), ((PASTE_Y + y) * canvas.width() + PASTE_X) * 3,
				face.width() * 3);
		return canvas;
	}

	/** A smooth pattern in which no detector finds a face. */
	public static RgbImage noFace() { return TestImages.pattern(320, 240); }

	public static RgbImage decode(final Path p) {
		try {
			return new ImageDecoder().decode(p);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Text of the CSV file as records (header first). */
	public static List<List<String>> readCsv(final Path file) throws IOException {
		return Csv.parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
	}

	/** A sink remembering everything. */
	public static final class Recorder implements ClassificationSink {
		public final List<PredictionRow> rows = new ArrayList<>();
		public final List<FaceBox> boxes = new ArrayList<>();
		public final List<Long> indices = new ArrayList<>();
		public final List<String> threads = new ArrayList<>();
		public org.emotiontracking.core.report.PredictionColumns columns;

		@Override
		public void start(final org.emotiontracking.core.report.PredictionColumns c) { columns = c; }

		@Override
		public void accept(final PredictionRow row, final FaceBox box, final long index) {
			rows.add(row);
			boxes.add(box);
			indices.add(index);
			threads.add(Thread.currentThread().getName());
		}
	}
}
