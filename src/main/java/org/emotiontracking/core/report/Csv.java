package org.emotiontracking.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CSV formatting as in RFC 4180: fields separated by commas; a field containing a comma, a double
 * quote, a line break or leading/trailing spaces is enclosed in double quotes, with inner quotes
 * doubled. Lines end with {@code \n}; files are UTF-8 without a byte-order mark.
 */
public final class Csv {

	/** The line separator used in all CSV files of this package. */
	public static final String EOL = "\n";

	private Csv() {}

	/** One field, quoted if needed; {@code null} becomes an empty field. */
	public static String field(final String value) {
		if (value == null || value.isEmpty()) return "";
		boolean quote = value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ';
		for (int i = 0; i < value.length() && !quote; i++) {
			final char c = value.charAt(i);
			quote = c == ',' || c == '"' || c == '\n' || c == '\r';
		}
		return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
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
		List<String> record = new ArrayList<>();
		final StringBuilder fieldText = new StringBuilder();
		boolean inQuotes = false;
		boolean any = false;
		for (int i = 0; i < text.length(); i++) {
			final char c = text.charAt(i);
			if (inQuotes) {
				if (c == '"') {
					if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
						fieldText.append('"');
						i++;
					}
					else inQuotes = false;
				}
				else fieldText.append(c);
				continue;
			}
			if (c == '"') {
				inQuotes = true;
				any = true;
			}
			else if (c == ',') {
				record.add(fieldText.toString());
				fieldText.setLength(0);
				any = true;
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
				record.add(fieldText.toString());
				fieldText.setLength(0);
				records.add(record);
				record = new ArrayList<>();
				any = false;
			}
			else {
				fieldText.append(c);
				any = true;
			}
		}
		if (any || fieldText.length() > 0) {
			record.add(fieldText.toString());
			records.add(record);
		}
		return records;
	}
}
