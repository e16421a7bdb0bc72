package org.emotiontracking.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import org.emotiontracking.core.util.ProgressListener;
import org.emotiontracking.core.util.Settings;
import org.emotiontracking.install.FijiInstaller;
import org.emotiontracking.install.InstallSettings;

/** `install fiji=<Fiji.app>` and `uninstall fiji=<Fiji.app>` ({@link FijiInstaller}). */
final class InstallCli implements CliCommand {

	private final boolean install;

	InstallCli(final boolean install) {
		this.install = install;
	}

	@Override
	public String name() { return install ? "install" : "uninstall"; }

	@Override
	public String summary() {
		return install ? "Install into Fiji.app: the plugin and only the libraries Fiji lacks" :
			"Remove what install put into Fiji.app";
	}

	@Override
	public Object defaults() { return new InstallSettings(); }

	@Override
	public int run(final Map<String, String> keys, final ProgressListener progress) throws Exception {
		final InstallSettings s = Settings.apply(new InstallSettings(), keys);
		if (s.fiji == null) throw new IllegalArgumentException("No Fiji.app given: set fiji=");
		final List<String> report;
		if (install) {
			final Path plugin = s.plugin != null ? s.plugin : Paths.get(Main.class.getProtectionDomain().getCodeSource()
				.getLocation().toURI());
			report = FijiInstaller.install(s.fiji, plugin, s.lib != null ? s.lib : plugin.toAbsolutePath().getParent().resolve(
				"lib"));
		}
		else report = FijiInstaller.uninstall(s.fiji);
		for (final String line : report) progress.log(line);
		return 0;
	}
}
