package org.emotiontracking.core.classify;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.emotiontracking.core.data.WorkOrder;
import org.emotiontracking.core.detect.FaceBox;
import org.emotiontracking.core.report.PredictionColumns;
import org.emotiontracking.core.report.PredictionRow;
import org.emotiontracking.core.util.ProgressListener;

/**
 * {@code merge}: the outputs of the {@code n} shards of a Classify run (sub-folders of one folder,
 * each with a complete {@link ShardManifest}) into the output of one run over the whole input.
 * <p>
 * The rows of the shards' logs are read back in shard order (each shard is a contiguous slice of
 * the {@link org.emotiontracking.core.data.WorkOrder work list}, so this is the single run's
 * order) and fed to the same {@link ClassificationReports} a single run feeds: the merged log has
 * the same rows in the same order with the same cells (timestamps keep their instants) and every
 * summary (distribution, confusion matrix, metrics, ...) is recomputed from the merged rows. Every
 * row is checked to read back to exactly its cells, so nothing is silently changed. Nothing is
 * written unless every shard {@code 0..n-1} is there exactly once, complete, of the same run (the
 * same keys and the same number of items) and its log has the rows its manifest counts; the error
 * names the shard and its folder. The log is streamed: memory does not grow with the number of rows.
 */
public final class ShardMerge {

	/** Keys that differ between the shards of one run. */
	static final Set<String> PER_SHARD_KEYS = Set.of("shard", "output", "overwrite");

	private ShardMerge() {}

	/** What a merge did. */
	public static final class Result {
		public final int shards;
		public final long items, rows, images, failures;
		public final double seconds;
		public final List<Path> files;

		Result(final int shards, final long items, final long rows, final long images, final long failures,
			final double seconds, final List<Path> files)
		{
			this.shards = shards;
			this.items = items;
			this.rows = rows;
			this.images = images;
			this.failures = failures;
			this.seconds = seconds;
			this.files = Collections.unmodifiableList(new ArrayList<>(files));
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT,
				"Merged %d shard%s: %d item%s, %d image%s (%d failed), %d row%s in %.2f s", shards, shards == 1 ? ""
				: "s", items, items == 1 ? "" : "s", images, images == 1 ? "" : "s", failures, rows, rows == 1 ? ""
				: "s", seconds);
		}
	}

	/** One shard found under the input folder. */
	static final class Found {
		final Path folder;
		final ShardManifest manifest;

		Found(final Path folder, final ShardManifest manifest) {
			this.folder = folder;
			this.manifest = manifest;
		}

		String name() { return "shard " + manifest.shard + " (" + folder + ")"; }
	}

	/**
	 * Merges the shards under {@code settings.input} into {@code settings.output}.
	 *
	 * @throws IllegalArgumentException for missing keys or an input that is not a folder
	 * @throws java.nio.file.FileAlreadyExistsException if an output exists and overwrite is false
	 * @throws IOException naming the shard that is missing, incomplete, of another run or unreadable
	 */
	public static Result run(final MergeSettings settings, final ProgressListener progress) throws IOException {
		final ProgressListener p = progress == null ? ProgressListener.SILENT : progress;
		if (settings.input == null) throw new IllegalArgumentException(
			"No input given: set input= to the folder whose sub-folders are the shards' outputs");
		if (!Files.isDirectory(settings.input)) throw new IllegalArgumentException("Input is not a folder: "
			+ settings.input);
		if (settings.output == null) throw new IllegalArgumentException("No output folder given: set output=");
		if (Files.exists(settings.output) && !Files.isDirectory(settings.output)) throw new IllegalArgumentException(
			"Output is a file, not a folder: " + settings.output);
		final long start = System.nanoTime();
		final List<Found> shards = shards(settings.input);
		final ShardManifest first = shards.get(0).manifest;
		p.log(String.format(Locale.ROOT, "Merging %d shards of %d items from %s", shards.size(), first.total_items,
			settings.input));
		long rows = 0, images = 0, failures = 0, index = -1;
		String lastItem = null;
		try (ClassificationReports reports = ClassifyTask.reportsIn(settings.output, settings.overwrite)) {
			PredictionColumns columns = null;
			for (final Found f : shards) {
				p.status("Merging " + f.name());
				final Path log = f.folder.resolve(f.manifest.log);
				long shardRows = 0;
				try (Reader in = Files.newBufferedReader(log, StandardCharsets.UTF_8);
					CSVParser csv = CSVParser.parse(in, CSVFormat.RFC4180))
				{
					final Iterator<CSVRecord> records = csv.iterator();
					if (!records.hasNext()) throw new IOException("The log of " + f.name() + " is empty: " + log);
					final List<String> header = records.next().toList();
					if (columns == null) {
						columns = header(header, log, f);
						reports.start(columns);
					}
					else if (!header.equals(columns.headers())) throw new IOException("The log of " + f.name()
						+ " has other columns " +
						"than the log of shard " + first.shard + ": " + header + " vs " + columns.headers());
					while (records.hasNext()) {
						final CSVRecord record = records.next();
						final PredictionRow row = read(columns, record.toList(), log, record.getRecordNumber());
						final String item = row.image() + '\u0000' + row.slice();
						if (!item.equals(lastItem)) {
							index++;
							lastItem = item;
						}
						reports.accept(row, row.hasPrediction() && row.hasBox()
							? new FaceBox(row.x(), row.y(), row.width(), row.height(), 1) : null, index);
						shardRows++;
					}
				}
				catch (final NoSuchFileException e) {
					throw new IOException("The log of " + f.name() + " is missing: " + log + " (rerun the shard)", e);
				}
				catch (final IllegalStateException | UncheckedIOException e) { // Commons CSV: malformed text
					throw new IOException("The log of " + f.name() + " cannot be read: " + log + ": " + e.getMessage(),
					e);
				}
				if (shardRows != f.manifest.rows) throw new IOException("The log of " + f.name() + " has " + shardRows +
					" rows but its shard.json counts " + f.manifest.rows + ": " + log + " (rerun the shard)");
				rows += shardRows;
				images += f.manifest.images;
				failures += f.manifest.failures;
			}
			final List<Path> files = reports.finish();
			final Result r = new Result(shards.size(), first.total_items, rows, images, failures,
				(System.nanoTime() - start) / 1e9, files);
			p.log(r.toString());
			return r;
		}
	}

	/**
	 * The complete shards 0..n-1 under {@code input}, in shard order, checked to be of one run.
	 *
	 * @throws IOException naming what is missing, incomplete or inconsistent
	 */
	static List<Found> shards(final Path input) throws IOException {
		final List<Path> folders;
		try (Stream<Path> s = Files.list(input)) {
			folders = s.filter(Files::isDirectory).sorted((a, b) -> WorkOrder.compare(String.valueOf(a.getFileName()),
				String.valueOf(b.getFileName()))).collect(Collectors.toList());
		}
		final List<Found> found = new ArrayList<>();
		for (final Path folder : folders)
			if (Files.exists(folder.resolve(ShardManifest.FILE))) found.add(
				new Found(folder, ShardManifest.read(folder)));
		if (found.isEmpty()) throw new IOException("No shard outputs in " + input + ": none of its sub-folders holds a "
			+ ShardManifest.FILE + " (written by classify shard=i/n)");
		final Found reference = found.get(0);
		final int n = reference.manifest.parsedShard().count();
		final TreeMap<Integer, Found> byIndex = new TreeMap<>();
		for (final Found f : found) {
			final ShardManifest m = f.manifest;
			if (!Objects.equals(m.command, reference.manifest.command)) throw new IOException(f.name()
				+ " was written by " + m.command + ", " + reference.name() + " by " + reference.manifest.command);
			if (m.parsedShard().count() != n) throw new IOException(f.name() + " is one of " + m.parsedShard().count() +
				" shards, " + reference.name() + " one of " + n + ": the folder holds shards of different runs");
			if (m.total_items != reference.manifest.total_items) throw new IOException(f.name() + " saw "
				+ m.total_items +
				" items in the input, " + reference.name() + " saw " + reference.manifest.total_items +
				": the input changed between shards; rerun them all");
			final Map<String, String> a = comparable(m.settings), b = comparable(reference.manifest.settings);
			if (!a.equals(b)) {
				final String key = a.keySet().stream().filter(k -> !Objects.equals(a.get(k), b.get(k))).findFirst()
					.orElseGet(() -> b.keySet().stream().filter(k -> !a.containsKey(k)).findFirst().orElse("?"));
				throw new IOException(f.name() + " ran with " + key + "=" + a.get(key) + ", " + reference.name()
					+ " with " + key + "=" + b.get(key) + ": all shards of a run need the same keys");
			}
			final Found twin = byIndex.put(m.parsedShard().index(), f);
			if (twin != null) throw new IOException("Shard " + m.shard + " is there twice: " + twin.folder + " and "
				+ f.folder);
		}
		final List<Found> ordered = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			final Found f = byIndex.get(i);
			if (f == null) throw new IOException("Shard " + i + "/" + n + " is missing: no sub-folder of " + input
				+ " holds its " +
				ShardManifest.FILE + " (found " + byIndex.values().stream().map(x -> x.manifest.shard)
				.collect(Collectors.joining(
					", ")) + ")");
			if (!f.manifest.complete) throw new IOException(f.name() + " is incomplete: its " + ShardManifest.FILE +
				" has no done marker (the shard is still running, failed or was cancelled; rerun it with "
				+ "overwrite=true)");
			ordered.add(f);
		}
		return ordered;
	}

	private static Map<String, String> comparable(final Map<String, String> settings) {
		final Map<String, String> m = new LinkedHashMap<>(settings);
		m.keySet().removeAll(PER_SHARD_KEYS);
		return m;
	}

	private static PredictionColumns header(final List<String> header, final Path log,
		final Found f) throws IOException {
		try {
			return PredictionColumns.fromHeaders(header);
		}
		catch (final IllegalArgumentException e) {
			throw new IOException("The log of " + f.name() + " is not a prediction log: " + log + ": " + e.getMessage(),
				e);
		}
	}

	/** A log line as a row; it must read back to exactly its cells (timestamp text aside). */
	private static PredictionRow read(final PredictionColumns columns, final List<String> cells, final Path log,
		final long line) throws IOException
	{
		final PredictionRow row;
		try {
			row = columns.row(cells);
		}
		catch (final IllegalArgumentException e) {
			throw new IOException(log + ", record " + line + ": " + e.getMessage(), e);
		}
		final List<String> again = columns.cells(row);
		for (int i = 1; i < cells.size(); i++)
			if (!again.get(i).equals(cells.get(i))) throw new IOException(log + ", record " + line + ": column "
				+ columns.headers()
				.get(i) + " '" + cells.get(i) + "' does not read back exactly (got '" + again.get(i) + "')");
		return row;
	}
}
