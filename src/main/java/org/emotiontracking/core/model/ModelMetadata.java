package org.emotiontracking.core.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

/**
 * Everything needed to run a model the way it was trained: architecture, input size, preprocessing,
 * class names in output order, the Grad-CAM layer and where the model came from. Stored as
 * metadata.json inside the model archive.
 */
public final class ModelMetadata {

	public static final String FORMAT = "emotion-tracking-model";
	/**
	 * 2: the SavedModel serves the folded, constant-weight graph ({@link EmotionNetwork#forServing}).
	 * 1: it served the graph on weight variables; such archives are re-exported when opened.
	 */
	public static final int FORMAT_VERSION = 2;
	public static final List<String> NOTEBOOK_CLASSES = Collections.unmodifiableList(
		Arrays.asList("disgust", "fear", "happy", "neutral", "sad", "surprise", "unhappy"));

	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

	public String format = FORMAT;
	public int format_version = FORMAT_VERSION;
	public String architecture = MobileNetV2Architecture.NAME;
	public double alpha = 1.0;
	public int input_size = 224;
	public String preprocessing = Preprocessing.MOBILENET_V2.id;
	public String resize = ResizeMethod.AREA.id;
	public List<String> class_names = new ArrayList<>();
	public int hidden_units = 128;
	public double dropout = 0.2;
	public String gradcam_layer = MobileNetV2Architecture.DEFAULT_GRADCAM_LAYER;
	/**
	 * The layers Grad-CAM can use, in network order, for architectures other than MobileNetV2 (whose
	 * layers come from {@link MobileNetV2Architecture}); each is the graph op "{@code <layer>/output}".
	 */
	public List<String> gradcam_layers = new ArrayList<>();
	/** The model's licence (for models from elsewhere, e.g. "MIT"); null for models trained here. */
	public String licence;
	public String created = Instant.now().toString();
	/** "trained", "imported" for Keras files, "converted" for TF.js graph models. */
	public String source = "trained";
	/** Free-form provenance: dataset, epochs, accuracy, keras_version, tool version... */
	public Map<String, Object> provenance = new LinkedHashMap<>();

	public int classCount() { return class_names.size(); }

	/** Whether the graph is this project's MobileNetV2 (layers, weights and re-export known). */
	public boolean isMobileNetV2() { return MobileNetV2Architecture.NAME.equals(architecture); }

	public Preprocessing preprocessing() { return Preprocessing.fromId(preprocessing); }

	public ResizeMethod resizeMethod() { return ResizeMethod.fromId(resize); }

	public String toJson() { return GSON.toJson(this); }

	public static ModelMetadata fromJson(final String json) {
		final ModelMetadata m;
		try {
			m = GSON.fromJson(json, ModelMetadata.class);
		}
		catch (final JsonParseException e) {
			throw new IllegalArgumentException("metadata.json is not valid JSON: " + e.getMessage(), e);
		}
		if (m == null || !FORMAT.equals(m.format)) throw new IllegalArgumentException(
			"metadata.json is not an Emotion Tracking model description (format: " + (m == null ? null : m.format)
			+ ")");
		m.validate();
		return m;
	}

	/** Checks the fields a model cannot run without. */
	public void validate() {
		if (class_names == null || class_names.size() < 2) throw new IllegalArgumentException(
			"A model needs at least two class names, got " + class_names);
		if (input_size < MobileNetV2Architecture.MIN_SIZE || input_size > 1024) throw new IllegalArgumentException(
			"Input size " + input_size + " is out of range");
		if (!(alpha > 0)) throw new IllegalArgumentException("alpha must be positive, got " + alpha);
		preprocessing();
		resizeMethod();
	}
}
