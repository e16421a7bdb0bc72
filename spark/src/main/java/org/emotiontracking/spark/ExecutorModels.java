package org.emotiontracking.spark;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.emotiontracking.core.classify.ClassifySettings;
import org.emotiontracking.core.classify.ClassifyTask;
import org.emotiontracking.core.classify.FaceMode;
import org.emotiontracking.core.detect.FaceDetector;
import org.emotiontracking.core.model.EmotionClassifier;

/**
 * The model and the face detector of an executor JVM, opened by the first task that needs them and
 * shared by every later task in that JVM (also by tasks running at the same time: both are
 * thread-safe), closed when the JVM exits. Keyed by the keys that choose them, so a JVM serving
 * jobs with other models keeps one of each.
 */
final class ExecutorModels {

	private static final Map<String, EmotionClassifier> CLASSIFIERS = new HashMap<>();
	private static final Map<String, FaceDetector> DETECTORS = new HashMap<>();
	private static boolean hooked;
	private static int loads;

	private ExecutorModels() {}

	/** The model of the settings. */
	static synchronized EmotionClassifier classifier(final ClassifySettings s) throws IOException {
		final String key = s.model + "|" + s.classes + "|" + s.engine + "|" + s.inference_threads;
		EmotionClassifier c = CLASSIFIERS.get(key);
		if (c == null) {
			c = EmotionClassifier.load(s.model, s.classes.isEmpty() ? null : s.classes, s.engine, s.inference_threads);
			CLASSIFIERS.put(key, c);
			loads++;
			hook();
		}
		return c;
	}

	/** How many models this JVM opened. */
	static synchronized int loads() { return loads; }

	/** The face detector of the settings, null for faces=whole. */
	static synchronized FaceDetector detector(final ClassifySettings s) throws IOException {
		if (s.faces != FaceMode.DETECT) return null;
		final Map<String, String> keys = new java.util.TreeMap<>(org.emotiontracking.core.util.Settings.values(s));
		keys.keySet().removeAll(java.util.Arrays.asList("shard", "output", "overwrite", "input"));
		final String key = keys.toString(); // every key that may choose or tune the detector
		FaceDetector d = DETECTORS.get(key);
		if (d == null) {
			d = ClassifyTask.openDetector(s);
			DETECTORS.put(key, d);
			hook();
		}
		return d;
	}

	private static void hook() {
		if (hooked) return;
		hooked = true;
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			synchronized (ExecutorModels.class) {
				for (final EmotionClassifier c : CLASSIFIERS.values()) c.close();
				for (final FaceDetector d : DETECTORS.values())
					try {
						d.close();
					}
					catch (final Exception e) {
						// the JVM is exiting
					}
			}
		}, "emotion-tracking-executor-models"));
	}
}
