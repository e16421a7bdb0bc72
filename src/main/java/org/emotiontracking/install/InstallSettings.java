package org.emotiontracking.install;

import java.nio.file.Path;

import org.emotiontracking.core.util.Setting;

/** The keys of {@code install} and {@code uninstall}. */
public final class InstallSettings {

	@Setting("The Fiji.app folder")
	public Path fiji;
	@Setting("The plugin jar to install (default: the running emotion-tracking.jar)")
	public Path plugin;
	@Setting("Folder of the plugin's libraries (default: lib/ beside the plugin jar)")
	public Path lib;
}
