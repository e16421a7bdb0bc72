package org.emotiontracking.imagej;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ColorProcessor;

import java.awt.Rectangle;
import java.io.File;
import java.util.List;
import java.util.Locale;

import org.emotiontracking.core.classify.FaceMode;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.detect.FaceBox;
import org.emotiontracking.core.explain.FaceExplanation;
import org.emotiontracking.core.explain.GradCamJob;
import org.emotiontracking.core.explain.GradCamSettings;
import org.emotiontracking.core.explain.ImageExplanation;
import org.emotiontracking.core.report.EmotionPalette;
import org.emotiontracking.core.util.FileNames;
import org.emotiontracking.core.util.KeyChoices;
import org.emotiontracking.core.util.ProgressListener;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Plugins &gt; Emotion Tracking &gt; Grad-CAM Overlay: where the model looked, through
 * {@link GradCamJob} with the keys of {@link GradCamSettings} (the same as
 * {@code java -jar emotion-tracking.jar gradcam key=value}).
 * <ul>
 * <li>With {@code input=} (an image file or a folder) every image is written to {@code output=} as
 * {@code <name>_gradcam.png} and {@code <name>_heatmap.tif}, as on the command line.</li>
 * <li>Without {@code input=}, on the open image (every plane of a stack): each face's heatmap is
 * blended into its box as a translucent image ROI ({@code alpha} is its opacity), with the box and
 * "class probability" beside it in the class's colour, on the image's overlay (Image &gt; Overlay
 * &gt; Remove Overlay removes it; a new run replaces the faces of the previous Emotion Tracking run).
 * With {@code new_image=true} a new RGB image of the blend (labels drawn in) is made instead and the
 * open image is left alone.</li>
 * </ul>
 */
@Plugin(type = Command.class, name = "gradcam", headless = true,
	menuPath = "Plugins>Emotion Tracking>Grad-CAM Overlay")
public class GradCamOverlayCommand extends DetectingCommand<GradCamSettings> {

	/** The defaults of every key: one place (the core). */
	private static final GradCamSettings DEFAULTS = new GradCamSettings();

	/** Not remembered between runs: left empty, the open image is used. */
	@Parameter(style = FileWidget.FILE_AND_DIRECTORY_STYLE, required = false, persist = false)
	private File input;
	@Parameter
	private boolean recursive = DEFAULTS.recursive;
	@Parameter
	private FaceMode faces = DEFAULTS.faces;
	/** A choice list in SciJava's dialog: predicted and the classes of the model chosen ({@link #choices}). */
	@Parameter
	private String target = DEFAULTS.target;
	@Parameter(required = false)
	private String layer = DEFAULTS.layer;
	@Parameter(choices = { "gradcam", "gradcam++" })
	private String method = DEFAULTS.method;
	@Parameter(min = "0", max = "1", stepSize = "0.05")
	private double alpha = DEFAULTS.alpha;
	/** i/n: only that shard of the input folder (for cluster jobs running Fiji headless); never remembered. */
	@Parameter(required = false, persist = false)
	private String shard = DEFAULTS.shard;
	/** Make a new RGB image of the blend instead of drawing on the open image's overlay (ImageJ only). */
	@Parameter
	private boolean new_image = false;

	/** The blended image with new_image=true, else null. */
	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus gradcam_image;
	@Parameter(type = ItemIO.OUTPUT)
	private int face_count;

	/** target: predicted, then the classes of the model now chosen (and of classes= for a Keras .h5). */
	@Override
	protected List<String> choices(final String key) {
		if (!key.equals("target")) return super.choices(key);
		return KeyChoices.targets(CommandDialog.modelClasses(model(), classes()));
	}

	@Override
	protected GradCamSettings newSettings() {
		return new GradCamSettings();
	}

	@Override
	protected void execute(final GradCamSettings settings, final ProgressListener progress) throws Exception {
		final ImagePlus imp;
		if (settings.input != null) imp = null;
		else imp = currentImage();
		if (settings.input == null && imp == null) throw new IllegalArgumentException(
			"No input: open an image or give input= (an image file or a folder) and output=");
		final ImageStack blends = new_image && imp != null ? new ImageStack(imp.getWidth(), imp.getHeight()) : null;
		final int planes = imp == null ? 0 : ImagePlusConversion.planeCount(imp);
		final GradCamJob.Summary s = imp == null ? GradCamJob.run(settings, progress)
			: GradCamJob.run(settings, imp.getTitle(), planes, i -> ImagePlusConversion.toRgb(imp, i + 1),
			new GradCamJob.Explained() {
				@Override
				public void start() {
					if (!new_image) EmotionOverlay.clear(imp);
				}

				@Override
				public void accept(final int i, final RgbImage rgb, final ImageExplanation e) {
					if (new_image) blends.addSlice(new ColorProcessor(e.overlay(rgb, settings.alpha)));
					else draw(imp, planes == 1 ? 0 : i + 1, e, settings.alpha);
				}
			}, progress);
		face_count = s.faces();
		final String title = imp == null ? "" : imp.getTitle() + ": ";
		final int images = s.results.size();
		setSummary(String.format(Locale.ROOT, "%s%d image%s, %d face%s, %d skipped%s", title, images, images == 1 ? ""
			: "s", face_count, face_count == 1 ? "" : "s", s.failures.size(), s.cancelled ? " (cancelled)" : ""));
		if (imp == null) return;
		if (new_image) {
			if (blends.getSize() == 0) return;
			gradcam_image = new ImagePlus(FileNames.stem(imp.getTitle()) + "_gradcam", blends);
			gradcam_image.setCalibration(imp.getCalibration());
			// In Fiji the output is displayed by the framework; in ImageJ 1.x we show it.
			if (imageJ1Hosted() && !EmotionTrackingPlugin.insideFiji()) gradcam_image.show();
		}
		else imp.updateAndDraw();
	}

	/** The heatmap, box and label of each face on plane {@code plane} (0 = every plane). */
	static void draw(final ImagePlus imp, final int plane, final ImageExplanation e, final double alpha) {
		for (final FaceExplanation f : e.faces()) {
			final FaceBox b = f.box();
			final Rectangle box = new Rectangle(b.x(), b.y(), b.width(), b.height());
			EmotionOverlay.addImage(imp, plane, box, f.overlayImage(1.0), alpha, f.label());
			EmotionOverlay.addFace(imp, plane, box, f.label(), EmotionPalette.colorOf(f.className()));
		}
	}
}
