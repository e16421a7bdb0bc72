package org.emotiontracking.core.classify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.emotiontracking.core.data.Shard;
import org.emotiontracking.core.util.AtomicFiles;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

/**
 * {@value #FILE}: what one shard of a run is and whether it finished, written into the shard's
 * output folder beside its reports. Written (atomically) when the shard starts, with
 * {@code complete=false}, and again when its reports are in place, with {@code complete=true}: the
 * done marker that {@link ShardMerge} requires. A shard that crashed, was cancelled or is still
 * running keeps {@code complete=false}.
 */
public final class ShardManifest {

	public static final String FILE = "shard.json";
	static final String FORMAT = "emotion-tracking shard";

	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

	public String format = FORMAT;
	public int version = 1;
	/** The command that wrote the shard, e.g. "classify". */
	public String command;
	/** "i/n". */
	public String shard;
	/** N: items in the whole work list (all shards). */
	public long total_items;
	/** This shard's slice of the work list: [first_item, end_item). */
	public long first_item, end_item;
	/** The prediction log of the shard, in the same folder. */
	public String log = ClassificationReports.LOG;
	/** Rows in the log (without the header), set when complete. */
	public long rows = -1;
	/** Images (files, frames) processed and of those failed, set when complete. */
	public long images = -1, failures = -1;
	/** The done marker. */
	public boolean complete;
	public String started, finished;
	/** The keys the shard ran with; shards of one run must agree on all but {@code shard}, {@code output}, {@code
	 * overwrite}. */
	public Map<String, String> settings = new LinkedHashMap<>();

	/** A manifest for a shard that starts now. */
	public static ShardManifest start(final String command, final Shard shard, final long totalItems, final Map<String,
		String> settings) {
		final ShardManifest m = new ShardManifest();
		m.command = command;
		m.shard = shard.toString();
		m.total_items = totalItems;
		m.first_item = shard.start(totalItems);
		m.end_item = shard.end(totalItems);
		m.settings = new LinkedHashMap<>(settings);
		m.started = Instant.now().toString();
		return m;
	}

	/** The same manifest with the done marker and the counts of the finished shard. */
	public ShardManifest complete(final long logRows, final long imageCount, final long failureCount) {
		final ShardManifest m = GSON.fromJson(GSON.toJson(this), ShardManifest.class);
		m.rows = logRows;
		m.images = imageCount;
		m.failures = failureCount;
		m.complete = true;
		m.finished = Instant.now().toString();
		return m;
	}

	/** Items in this shard's slice. */
	public long items() { return end_item - first_item; }

	/** The shard, parsed. */
	public Shard parsedShard() { return Shard.parse(shard); }

	public String toJson() { return GSON.toJson(this) + "\n"; }

	/** Writes {@value #FILE} into {@code folder} atomically. */
	public void write(final Path folder, final boolean overwrite) throws IOException {
		AtomicFiles.writeString(folder.resolve(FILE), toJson(), overwrite);
	}

	/**
	 * Reads {@code folder}/{@value #FILE}.
	 *
	 * @throws NoSuchFileException if there is none
	 * @throws IOException naming the file if it is not a shard manifest
	 */
	public static ShardManifest read(final Path folder) throws IOException {
		final Path file = folder.resolve(FILE);
		final ShardManifest m;
		try {
			m = GSON.fromJson(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), ShardManifest.class);
		}
		catch (final JsonParseException e) {
			throw new IOException("Not a shard manifest: " + file + " (" + e.getMessage() + ")", e);
		}
		if (m == null || !FORMAT.equals(m.format) || m.shard == null) throw new IOException("Not a shard manifest: "
			+ file);
		if (m.version != 1) throw new IOException("Shard manifest " + file + " has version " + m.version +
			"; this version of Emotion Tracking reads version 1");
		try {
			final Shard s = m.parsedShard();
			if (m.total_items < 0 || m.first_item != s.start(m.total_items) || m.end_item != s.end(m.total_items))
				throw new IOException("Shard manifest " + file + ": items [" + m.first_item + ", " + m.end_item
					+ ") are not shard " + s + " of " + m.total_items);
		}
		catch (final IllegalArgumentException e) {
			throw new IOException("Shard manifest " + file + ": " + e.getMessage(), e);
		}
		if (m.settings == null) m.settings = new LinkedHashMap<>();
		return m;
	}
}
