package org.emotiontracking.cli;

import org.emotiontracking.core.explain.GradCamJob;
import org.emotiontracking.core.explain.GradCamSettings;
import org.emotiontracking.core.util.ProgressListener;

/** `gradcam`: Grad-CAM / Grad-CAM++ overlays and heatmaps for the faces in an image or a folder. */
final class GradCamCli extends SettingsCli<GradCamSettings> {

	GradCamCli() {
		super("gradcam",
			"Grad-CAM overlays (<name>_gradcam.png) and heatmaps (<name>_heatmap.tif) for faces in an image"
			+ " or a folder", GradCamSettings::new);
	}

	@Override
	int run(final GradCamSettings s, final ProgressListener progress) throws Exception {
		final GradCamJob.Summary summary = GradCamJob.run(s, progress);
		return summary.ok() ? 0 : 1;
	}
}
