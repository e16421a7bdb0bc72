package org.emotiontracking.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

	@Test
	void quotesOnlyWhatNeedsQuoting() {
		assertEquals("plain", Csv.field("plain"));
		assertEquals("", Csv.field(null));
		assertEquals("\"a,b\"", Csv.field("a,b"));
		assertEquals("\"say \"\"hi\"\"\"", Csv.field("say \"hi\""));
		assertEquals("\"two\nlines\"", Csv.field("two\nlines"));
		assertEquals("\"cr\rhere\"", Csv.field("cr\rhere"));
		assertEquals("\" padded \"", Csv.field(" padded "));
		assertEquals("Überraschung_😮", Csv.field("Überraschung_😮"));
	}

	@Test
	void lineAndParseRoundTrip() {
		final List<String> fields = Arrays.asList("a,b", "q\"uote", "multi\nline", "", "ünïcödé", "x");
		final String text = Csv.line(fields) + Csv.line(List.of("1", "2"));
		assertEquals(List.of(fields, List.of("1", "2")), Csv.parse(text));
	}

	@Test
	void numbersUseDotAndEmptyForNaN() {
		assertEquals("0.123457", Csv.number(0.1234567, 6));
		assertEquals("", Csv.number(Double.NaN, 4));
	}
}
