package org.emotiontracking.cli;

import java.util.Map;

import org.emotiontracking.core.explain.GradCamJob;
import org.emotiontracking.core.explain.GradCamSettings;
import org.emotiontracking.core.util.ProgressListener;
import org.emotiontracking.core.util.Settings;

/** `gradcam`: Grad-CAM / Grad-CAM++ overlays and heatmaps for the faces in an image or a folder. */
final class GradCamCli implements CliCommand {

	@Override
	public String name() { return "gradcam"; }

	@Override
	public String summary() {
		return "Grad-CAM overlays (<name>_gradcam.png) and heatmaps (<name>_heatmap.tif) for faces in an image or a folder";
	}

	@Override
	public Object defaults() { return new GradCamSettings(); }

	@Override
	public int run(final Map<String, String> keys, final ProgressListener progress) throws Exception {
		final GradCamJob.Summary summary = GradCamJob.run(Settings.apply(new GradCamSettings(), keys), progress);
		return summary.ok() ? 0 : 1;
	}
}
