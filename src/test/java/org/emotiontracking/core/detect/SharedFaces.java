package org.emotiontracking.core.detect;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.emotiontracking.core.data.ImageDecoder;
import org.emotiontracking.core.data.RgbImage;

/**
 * The real photos of ../shared/faces (beside the repository; CI has a read-only copy there). Tests
 * using them skip themselves when the folder is missing. {@code EMOTION_TRACKING_SHARED} (environment
 * or system property) names another shared folder, e.g. for a git worktree elsewhere.
 */
public final class SharedFaces {

	private SharedFaces() {}

	/**
	 * Skips the calling test (or, from a {@code @BeforeAll}, its class) when ../shared/faces is
	 * missing, so a clone without it still passes.
	 */
	public static void assumeAvailable() {
		folder();
	}

	/** The shared faces folder, or the test is skipped. */
	public static Path folder() {
		String dir = System.getProperty("EMOTION_TRACKING_SHARED");
		if (dir == null) dir = System.getenv("EMOTION_TRACKING_SHARED");
		final Path faces = (dir != null ? Paths.get(dir) : Paths.get("..", "shared")).resolve("faces");
		assumeTrue(Files.isDirectory(faces), "../shared/faces missing: " + faces.toAbsolutePath());
		return faces;
	}

	/** A file of the shared faces folder, or the test is skipped. */
	public static Path file(final String name) {
		final Path p = folder().resolve(name);
		assumeTrue(Files.isRegularFile(p), "missing: " + p.toAbsolutePath());
		return p;
	}

	public static RgbImage image(final String name) throws IOException {
		return new ImageDecoder().decode(file(name));
	}

	/**
	 * The face counts of the README's table ({@code | name.jpg (WxH) | from | count | ...}), by file
	 * name; rows with several names ("a.jpg, b.jpg") give each the count.
	 */
	public static Map<String, Integer> faceCounts() throws IOException {
		final Map<String, Integer> out = new LinkedHashMap<>();
		final Pattern row = Pattern.compile("^\\|([^|]+)\\|[^|]*\\|\\s*(\\d+)( each)?\\s*\\|", Pattern.MULTILINE);
		final Matcher m = row.matcher(readme());
		while (m.find())
			for (final String part : m.group(1).split(","))
				out.put(part.trim().replaceAll("\\s*\\(.*\\)$", ""), Integer.parseInt(m.group(2)));
		return out;
	}

	/** The README's text. */
	public static String readme() throws IOException {
		return new String(Files.readAllBytes(file("README.md")), StandardCharsets.UTF_8);
	}
}
