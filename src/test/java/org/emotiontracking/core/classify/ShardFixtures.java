package org.emotiontracking.core.classify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.emotiontracking.core.data.TestImages;
import org.emotiontracking.core.model.TestModels;
import org.emotiontracking.core.report.Csv;

/** A small labelled folder for sharded runs, and comparisons of their outputs. */
public final class ShardFixtures {

	private ShardFixtures() {}

	/**
	 * {@code count} noise images (PNG, 48-80 px) spread over the class folders of
	 * {@link ClassifyFixtures#CLASSES} and a nested and an unlabelled folder, plus one file that is
	 * not an image ("sad/broken.png"); returns the folder.
	 */
	public static Path images(final Path folder, final int count) throws IOException {
		final String[] places = { "happy/", "neutral/", "sad/", "sad/older/", "unsorted/", "" };
		for (int i = 0; i < count; i++) {
			final Path file = folder.resolve(places[i % places.length] + String.format("face-%02d.png", i));
			Files.createDirectories(file.getParent());
			TestImages.write(TestModels.noiseImage(48 + i % 5 * 8, 64 + i % 3 * 8, 1000 + i), file);
		}
		Files.createDirectories(folder.resolve("sad"));
		Files.write(folder.resolve("sad/broken.png"), "not a picture".getBytes(StandardCharsets.UTF_8));
		return folder;
	}

	/** The log's text without the timestamp column (the one column that differs between runs). */
	public static String withoutTimestamps(final Path log) throws IOException {
		final StringBuilder sb = new StringBuilder();
		for (final List<String> r : Csv.parse(new String(Files.readAllBytes(log), StandardCharsets.UTF_8))) {
			final List<String> rest = new ArrayList<>(r.subList(1, r.size()));
			sb.append(Csv.line(rest));
		}
		return sb.toString();
	}
}
