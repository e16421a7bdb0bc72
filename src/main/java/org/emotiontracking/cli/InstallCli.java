package org.emotiontracking.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.emotiontracking.core.util.ProgressListener;
import org.emotiontracking.install.FijiInstaller;
import org.emotiontracking.install.InstallSettings;

/** `install fiji=<Fiji.app>` and `uninstall fiji=<Fiji.app>` ({@link FijiInstaller}). */
final class InstallCli extends SettingsCli<InstallSettings> {

	private final boolean install;

	InstallCli(final boolean install) {
		super(install ? "install" : "uninstall", install
			? "Install into Fiji.app: the plugin and only the libraries Fiji lacks"
			: "Remove what install put into Fiji.app", InstallSettings::new);
		this.install = install;
	}

	@Override
	int run(final InstallSettings s, final ProgressListener progress) throws Exception {
		if (s.fiji == null) throw new IllegalArgumentException("No Fiji.app given: set fiji=");
		final List<String> report;
		if (install) {
			final Path plugin = s.plugin != null ? s.plugin : Paths.get(Main.class.getProtectionDomain().getCodeSource()
				.getLocation().toURI());
			report = FijiInstaller.install(s.fiji, plugin, s.lib != null ? s.lib : plugin.toAbsolutePath().getParent()
				.resolve( "lib"));
		}
		else report = FijiInstaller.uninstall(s.fiji);
		for (final String line : report) progress.log(line);
		return 0;
	}
}
