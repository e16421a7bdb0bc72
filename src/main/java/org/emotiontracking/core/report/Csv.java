package org.emotiontracking.core.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * CSV as in RFC 4180, through Apache Commons CSV (which Fiji ships): fields separated by commas; a
 * field containing a comma, a double quote, a line break or leading/trailing spaces is enclosed in
 * double quotes, with inner quotes doubled. Lines end with {@code \n}; files are UTF-8 without a
 * byte-order mark.
 */
public final class Csv {

	/** The line separator used in all CSV files of this package. */
	public static final String EOL = "\n";

	/** The format of every CSV file written and read here. */
	public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator(EOL).setQuoteMode(
		QuoteMode.MINIMAL).setIgnoreEmptyLines(false).get();

	private Csv() {}

	/** One field, quoted if needed; {@code null} becomes an empty field. */
	public static String field(final String value) {
		if (value == null || value.isEmpty()) return "";
		final StringBuilder sb = new StringBuilder();
		try {
			// printed as a field after the first: Commons CSV's extra rules for a record's first field stay off
			FORMAT.print(value, sb, false);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		return sb.substring(1); // the delimiter written before it
	}

	/** One line of fields, with the line separator. */
	public static String line(final List<String> fields) {
		final StringBuilder sb = new StringBuilder();
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) sb.append(',');
			sb.append(field(fields.get(i)));
		}
		return sb.append(EOL).toString();
	}

	/** A number with the given decimals, '.' as decimal point; NaN becomes an empty field. */
	public static String number(final double value, final int decimals) {
		if (Double.isNaN(value)) return "";
		return String.format(Locale.ROOT, "%." + decimals + "f", value);
	}

	/**
	 * Splits CSV text into records of fields (the inverse of {@link #line}); quoted fields may
	 * contain commas, quotes and line breaks. Used to read back files written here.
	 */
	public static List<List<String>> parse(final String text) {
		final List<List<String>> records = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
			for (final CSVRecord r : parser) records.add(new ArrayList<>(r.toList()));
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		return records;
	}
}
