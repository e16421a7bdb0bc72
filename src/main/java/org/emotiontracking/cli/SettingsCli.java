package org.emotiontracking.cli;

import java.nio.file.FileAlreadyExistsException;
import java.util.Map;
import java.util.function.Supplier;

import org.emotiontracking.core.util.ProgressListener;
import org.emotiontracking.core.util.Settings;

/**
 * A command whose keys are the {@code @Setting} fields of one settings class: the keys are parsed
 * into a fresh settings object here, once, and the command gets them typed.
 *
 * @param <S> the settings class
 */
abstract class SettingsCli<S> implements CliCommand {

	private final String name;
	private final String summary;
	private final Supplier<S> settings;

	SettingsCli(final String name, final String summary, final Supplier<S> settings) {
		this.name = name;
		this.summary = summary;
		this.settings = settings;
	}

	@Override
	public final String name() { return name; }

	@Override
	public final String summary() { return summary; }

	@Override
	public final Object defaults() { return settings.get(); }

	@Override
	public final int run(final Map<String, String> keys, final ProgressListener progress) throws Exception {
		return run(Settings.apply(settings.get(), keys), progress);
	}

	/** An output that exists (overwrite=false) as the usage error it is, with its message. */
	static IllegalArgumentException usage(final FileAlreadyExistsException e) {
		return new IllegalArgumentException(e.getReason() != null ? e.getReason() : "Output file already exists: "
			+ e.getFile(), e);
	}

	/** Runs with the parsed keys; returns the process exit status (0 = everything succeeded). */
	abstract int run(S settings, ProgressListener progress) throws Exception;
}
