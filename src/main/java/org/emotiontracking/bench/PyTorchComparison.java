package org.emotiontracking.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.emotiontracking.core.classify.ClassificationSummary;
import org.emotiontracking.core.classify.ClassifySettings;
import org.emotiontracking.core.classify.ClassifyTask;
import org.emotiontracking.core.classify.FaceMode;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.engine.TensorFlowRuntime;
import org.emotiontracking.core.model.EmotionClassifier;
import org.emotiontracking.core.model.InferenceEngine;
import org.emotiontracking.core.model.ModelArchive;
import org.emotiontracking.core.model.ModelMetadata;
import org.emotiontracking.core.util.FileTrees;
import org.emotiontracking.core.util.ProgressListener;

/**
 * Classify N photos end to end (640x480 JPEGs, faces=whole: decode, resize to 224, MobileNetV2 alpha
 * 1.0 + head, CSV) with this project on ONNX Runtime and on TensorFlow, against a PyTorch pipeline
 * (Debian's python3-torch: the same architecture, torch.jit.freeze + optimize_for_inference, PIL
 * decoding in a DataLoader with as many workers as cores, as many threads; pytorch_pipeline.py).
 * Each side's time starts after its model is loaded and warmed up; the runs alternate (project ORT,
 * project TF, PyTorch) {@code rounds} times and the medians are reported.
 */
public final class PyTorchComparison {

	private static final String SCRIPT = "pytorch_pipeline.py";

	private PyTorchComparison() {}

	public static List<String> run(final int photos, final int rounds, final ProgressListener log) throws IOException {
		final List<String> lines = new ArrayList<>();
		final String python = python();
		final Path dir = Files.createTempDirectory("emotion-pytorch-bench");
		try {
			final Path data = Files.createDirectories(dir.resolve("photos"));
			log.status("Writing " + photos + " 640x480 photos");
			ClassifyBenchmark.writePhotos(data, photos);
			final ModelMetadata m = new ModelMetadata();
			m.class_names = ModelMetadata.NOTEBOOK_CLASSES;
			final Path zip = dir.resolve("model.zip");
			ModelArchive.write(zip, m, InferenceBenchmark.randomWeights(m));
			final Path script = dir.resolve(SCRIPT);
			try (InputStream in = PyTorchComparison.class.getResourceAsStream(SCRIPT)) {
				Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
			}
			final int cores = TensorFlowRuntime.threads();
			final double[] ort = new double[rounds], tf = new double[rounds], torch = new double[rounds];
			for (int r = 0; r < rounds; r++) {
				ort[r] = project(zip, data, dir.resolve("out-ort-" + r), InferenceEngine.ONNXRUNTIME);
				tf[r] = project(zip, data, dir.resolve("out-tf-" + r), InferenceEngine.TENSORFLOW);
				torch[r] = python == null ? Double.NaN : pytorch(python, script, data,
					dir.resolve("torch-" + r + ".csv"), cores, dir.resolve("torch-" + r + ".log"));
				log.log(String.format(Locale.ROOT, "  round %d: ONNX Runtime %.1f s, TensorFlow %.1f s, PyTorch %.1f s",
					r + 1, ort[r], tf[r], torch[r]));
			}
			final double o = Median.of(ort), t = Median.of(tf), p = Median.of(torch);
			final String line = String.format(Locale.ROOT,
				"inference  classify %d 640x480 JPEG photos end to end, faces=whole, 224 px, median of %d: ONNX "
				+ "Runtime %.1f s "
				+ "(%.1f photos/s), TensorFlow %.1f s (%.1f photos/s), PyTorch %s frozen + optimize_for_inference, "
				+ "%d threads, "
				+ "%d DataLoader workers: %s; ONNX Runtime = %s the PyTorch pipeline's speed, %.2fx TensorFlow's",
				photos, rounds, o, photos / o, t, photos / t, python == null ? "(not installed)" : torchVersion(python),
				cores, cores, Double.isNaN(p) ? "skipped (needs python3-torch and python3-pil)"
				: String.format(Locale.ROOT, "%.1f s (%.1f photos/s)", p, photos / p), Double.isNaN(p) ? "?"
				: String.format(Locale.ROOT, "%.2fx", p / o), t / o);
			lines.add(line);
			log.log(line);
		}
		finally {
			FileTrees.deleteQuietly(dir);
		}
		return lines;
	}

	/** Seconds Classify takes for the folder (the model loaded and warmed up before). */
	private static double project(final Path model, final Path data, final Path out, final InferenceEngine engine)
		throws IOException
	{
		final ClassifySettings s = new ClassifySettings();
		s.model = model;
		s.input = data;
		s.output = out;
		s.faces = FaceMode.WHOLE;
		s.engine = engine;
		try (EmotionClassifier c = EmotionClassifier.load(model, null, engine, 0)) {
			final List<RgbImage> warm = new ArrayList<>();
			for (int i = 0; i < s.batch_size; i++) warm.add(RgbImage.blank(224, 224));
			c.predict(warm);
			final ClassificationSummary r = ClassifyTask.run(c, s, null, null, ProgressListener.SILENT);
			if (r.images() == 0) throw new IOException("Classify found no photos in " + data);
			return r.seconds();
		}
	}

	private static double pytorch(final String python, final Path script, final Path data, final Path csv,
		final int threads, final Path logFile) throws IOException
	{
		final List<String> cmd = Arrays.asList(python, script.toString(), data.toString(), csv.toString(), "--threads",
			Integer.toString(threads), "--workers", Integer.toString(threads));
		final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
		try {
			if (!p.waitFor(1800, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				throw new IOException("PyTorch pipeline timed out");
			}
		}
		catch (final InterruptedException e) {
			p.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted", e);
		}
		final String out = new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8);
		final Matcher mt = Pattern.compile(" seconds=([0-9.]+)").matcher(out);
		if (p.exitValue() != 0 || !mt.find()) throw new IOException("PyTorch pipeline failed: " + out);
		return Double.parseDouble(mt.group(1));
	}

	/** Debian's python3 if it has torch and PIL, else null. */
	private static String python() {
		for (final String p : new String[] { "/usr/bin/python3", "python3" }) {
			try {
				final Process pr = new ProcessBuilder(p, "-c", "import torch, PIL").redirectErrorStream(true).start();
				if (pr.waitFor(120, TimeUnit.SECONDS) && pr.exitValue() == 0) return p;
			}
			catch (final IOException | InterruptedException e) {
				// try the next
			}
		}
		return null;
	}

	private static String torchVersion(final String python) {
		try {
			final Process pr = new ProcessBuilder(python, "-c", "import torch; print(torch.__version__)").start();
			final String v = new String(pr.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			pr.waitFor(60, TimeUnit.SECONDS);
			return v;
		}
		catch (final IOException | InterruptedException e) {
			return "?";
		}
	}
}
