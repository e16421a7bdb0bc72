package org.emotiontracking.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class EmotionPaletteTest {

	@Test
	void defaultEmotionsHaveDistinctFixedColours() {
		final List<String> names = List.of("disgust", "fear", "happy", "neutral", "sad", "surprise", "unhappy", "angry");
		final Set<Color> colors = new HashSet<>();
		for (final String n : names) colors.add(EmotionPalette.colorOf(n));
		assertEquals(names.size(), colors.size());
		assertEquals(new Color(0xE69F00), EmotionPalette.colorOf("happy"));
		assertEquals(EmotionPalette.colorOf("happy"), EmotionPalette.colorOf(" Happy "));
		assertEquals(0x0072B2, EmotionPalette.rgbOf("sad"));
	}

	@Test
	void unknownNamesGetStableColours() {
		assertEquals(EmotionPalette.colorOf("bored"), EmotionPalette.colorOf("BORED"));
		assertEquals(EmotionPalette.colorOf("bored"), EmotionPalette.colorOf("bored"));
		assertEquals(EmotionPalette.colorOf(""), EmotionPalette.colorOf(null));
	}

	@Test
	void textColourContrasts() {
		assertEquals(Color.WHITE, EmotionPalette.textColorOn(new Color(0x08306B)));
		assertEquals(new Color(0x222222), EmotionPalette.textColorOn(new Color(0xF0E442)));
	}
}
