package org.emotiontracking.imagej;

import ij.IJ;
import ij.ImagePlus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * At the end of an interactive run, the charts a command wrote (distribution, confusion matrix,
 * training curves) open as image windows; never in batch macros or headless runs
 * ({@link EmotionCommand#interactive()}).
 */
public final class ChartWindows {

	private ChartWindows() {}

	/** Opens each PNG among {@code files} in a window when the run is interactive; returns the images opened. */
	public static List<ImagePlus> show(final List<Path> files) {
		final List<ImagePlus> out = new ArrayList<>();
		if (!EmotionCommand.interactive()) return out;
		for (final Path f : files) {
			if (!f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")
				|| !Files.isRegularFile(f)) continue;
			final ImagePlus imp = IJ.openImage(f.toString());
			if (imp == null) continue;
			imp.show();
			out.add(imp);
		}
		return out;
	}
}
