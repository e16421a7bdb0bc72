package org.emotiontracking.core.explain;

import java.util.Locale;

/** How the channel weights of a class activation map are computed. */
public enum GradCamMethod {
	/**
	 * Grad-CAM (Selvaraju et al. 2017) as the notebook did it: the gradient of the target-class
	 * probability with respect to the layer output, averaged over rows and columns per channel.
	 */
	GRADCAM("gradcam"),
	/**
	 * Grad-CAM++ (Chattopadhay et al. 2018): per-position second-order weights from the gradient of
	 * the target-class score (logit); see {@link GradCamMaps#gradCamPlusPlus}.
	 */
	GRADCAM_PLUS_PLUS("gradcam++");

	public final String id;

	GradCamMethod(final String id) {
		this.id = id;
	}

	/** "gradcam" or "gradcam++" (also "gradcampp", "gradcam_plus_plus"), ignoring case. */
	public static GradCamMethod fromId(final String id) {
		final String s = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
		if (s.isEmpty() || s.equals("gradcam") || s.equals("grad-cam")) return GRADCAM;
		if (s.equals("gradcam++") || s.equals("grad-cam++") || s.equals("gradcampp") || s.equals("gradcam_plus_plus"))
			return GRADCAM_PLUS_PLUS;
		throw new IllegalArgumentException("Unknown method '" + id + "'. Valid methods: gradcam, gradcam++");
	}

	@Override
	public String toString() { return id; }
}
