package org.emotiontracking.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The recorded line (the full recorder session in plain ImageJ is ImageJ1RecorderIT). */
class MacroRecordingTest {

	@Test
	void oneRunLineWithBracketsAndEscapes() {
		final Map<String, String> v = new LinkedHashMap<>();
		v.put("input", "C:\\Users\\me\\my faces");
		v.put("classes", "");
		v.put("epochs", "2");
		v.put("augment", "true");
		v.put("layer", "say \"hi\"");
		assertEquals("run(\"Classify Emotions\", \"input=[C:\\\\Users\\\\me\\\\my faces] classes=[] epochs=2 augment=true" +
			" layer=[say \\\"hi\\\"]\");\n", MacroRecording.line("Classify Emotions", v, false));
		assertEquals("IJ.run(\"Live Webcam\", \"epochs=2\");\n", MacroRecording.line("Live Webcam", Map.of("epochs", "2"),
			true));
	}
}
