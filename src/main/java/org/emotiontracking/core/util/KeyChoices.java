package org.emotiontracking.core.util;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import org.emotiontracking.core.classify.ClassifySettings;
import org.emotiontracking.core.classify.FaceMode;
import org.emotiontracking.core.detect.FaceDetectionSettings;
import org.emotiontracking.core.detect.TileMode;
import org.emotiontracking.core.explain.GradCam;
import org.emotiontracking.core.explain.GradCamSettings;
import org.emotiontracking.core.live.LiveSettings;
import org.emotiontracking.core.model.InferenceEngine;
import org.emotiontracking.core.model.MobileNetV2Architecture;
import org.emotiontracking.core.train.TrainSettings;

/**
 * The fixed choices of the keys that have them, in the order a dialog lists them, read from where the
 * core declares them (a key's {@link Setting#choices()}, its enum) plus the few lists those cannot
 * hold: Train's alpha (numbers), and the names of the keys that also take a file. What the ImageJ 1.x
 * dialogs list, so that no command keeps its own copy.
 * <p>
 * Two kinds: {@link #closed(Class, String) closed} keys take only these values (faces, method, engine,
 * tiles, monitor, alpha); {@link #open(Class, String) open} keys take one of these names or a file
 * (detector: a .xml / .onnx / .tflite detector file; weights: a Keras .h5 file). The Grad-CAM
 * {@code target} is {@link GradCam#PREDICTED} or one of the model's classes, which only the model knows.
 */
public final class KeyChoices {

	/** detector=: the built-in detectors, or a detector file. */
	public static final List<String> DETECTOR = List.of(FaceDetectionSettings.BLAZEFACE,
		FaceDetectionSettings.BLAZEFACE_SHORT, FaceDetectionSettings.HAAR);
	/** faces= (Classify, Grad-CAM). */
	public static final List<String> FACES = names(FaceMode.values());
	/** method= (Grad-CAM), as its {@link Setting#choices()} declare them. */
	public static final List<String> METHOD = declared(GradCamSettings.class, "method");
	/** engine= (Classify, Live). */
	public static final List<String> ENGINE = names(InferenceEngine.values());
	/** tiles= (BlazeFace). */
	public static final List<String> TILES = names(TileMode.values());
	/** monitor= (Train), as its {@link Setting#choices()} declare them. */
	public static final List<String> MONITOR = declared(TrainSettings.class, "monitor");
	/** alpha= (Train): the MobileNetV2 width multipliers Keras has ImageNet weights for. */
	public static final List<String> ALPHA = Collections.unmodifiableList(MobileNetV2Architecture.ALPHAS.stream().map(
		String::valueOf).collect(Collectors.toList()));
	/** weights= (Train): ImageNet, none, or a Keras .h5 file. */
	public static final List<String> WEIGHTS = List.of("imagenet", "none");
	/** target= (Grad-CAM): the first item; the model's class names follow. */
	public static final String TARGET_PREDICTED = GradCam.PREDICTED;

	/** One key of one settings class (and its subclasses) with its choices. */
	private static final class Entry {
		final Class<?> settings;
		final String key;
		final List<String> choices;

		Entry(final Class<?> settings, final String key, final List<String> choices) {
			this.settings = settings;
			this.key = key;
			this.choices = choices;
		}
	}

	/** Closed lists that neither an enum nor {@link Setting#choices()} can hold (a number's usual values). */
	private static final List<Entry> CLOSED = List.of(new Entry(TrainSettings.class, "alpha", ALPHA));
	private static final List<Entry> OPEN = List.of(new Entry(FaceDetectionSettings.class, "detector", DETECTOR),
		new Entry(TrainSettings.class, "weights", WEIGHTS));

	private KeyChoices() {}

	/**
	 * The only values {@code key} of {@code settings} (a settings class such as {@code ClassifySettings})
	 * takes, in order, or an empty list if it is not such a key: the key's {@link Setting#choices()},
	 * its enum's constants, or a list kept here (Train's alpha). Keys are per class: Train's alpha is
	 * MobileNetV2's width, Grad-CAM's the heatmap's opacity.
	 */
	public static List<String> closed(final Class<?> settings, final String key) {
		if (settings == null) return List.of();
		final Field f = Settings.fields(settings).get(key);
		if (f == null) return List.of();
		final String[] declared = f.getAnnotation(Setting.class).choices();
		if (declared.length > 0) return List.of(declared);
		if (f.getType().isEnum()) return names(f.getType().getEnumConstants());
		return find(CLOSED, settings, key);
	}

	/** The names {@code key} of {@code settings} takes besides a file, in order, or an empty list. */
	public static List<String> open(final Class<?> settings, final String key) {
		return find(OPEN, settings, key);
	}

	private static List<String> find(final List<Entry> entries, final Class<?> settings, final String key) {
		if (settings == null) return List.of();
		for (final Entry e : entries)
			if (e.key.equals(key) && e.settings.isAssignableFrom(settings)) return e.choices;
		return List.of();
	}

	/**
	 * The Grad-CAM targets of a model with these classes: {@link #TARGET_PREDICTED}, then the classes
	 * in the model's output order.
	 */
	public static List<String> targets(final List<String> classNames) {
		final List<String> out = new ArrayList<>();
		out.add(TARGET_PREDICTED);
		if (classNames != null) for (final String c : classNames)
			if (!out.contains(c)) out.add(c);
		return Collections.unmodifiableList(out);
	}

	private static List<String> declared(final Class<?> settings, final String key) {
		return List.of(Settings.fields(settings).get(key).getAnnotation(Setting.class).choices());
	}

	private static List<String> names(final Object[] values) {
		return Collections.unmodifiableList(Arrays.stream(values).map(String::valueOf).collect(Collectors.toList()));
	}
}
