package org.emotiontracking.imagej;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The Help of a command's dialog: its section of the README that ships inside the plugin jar (the
 * README of the very version installed, readable offline), rendered from Markdown to HTML with
 * commonmark for ImageJ's HTML help window. A section is a {@code ### <name> ...} heading of the
 * README (e.g. {@code ### classify (Classify Emotions)}) and the text up to the next heading of that
 * level or above.
 */
public final class ReadmeHelp {

	/** The class-path resource: README.md at the root of the plugin jar. */
	public static final String RESOURCE = "/README.md";
	/** The heading of the face-detection keys, shown after the sections of the commands that find faces. */
	public static final String DETECTION_SECTION = "Face detection";

	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

	private ReadmeHelp() {}

	/** The README in the jar, or null if this build has none. */
	public static String readme() {
		try (InputStream in = ReadmeHelp.class.getResourceAsStream(RESOURCE)) {
			return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (final IOException e) {
			return null;
		}
	}

	/**
	 * The Markdown of the section whose {@code ###} heading starts with {@code heading} (a command's
	 * CLI name such as {@code classify}, or {@link #DETECTION_SECTION}), heading included, or null.
	 */
	public static String section(final String readme, final String heading) {
		if (readme == null) return null;
		final String[] lines = readme.split("\\R", -1);
		final List<String> out = new ArrayList<>();
		boolean inFence = false;
		for (final String line : lines) {
			final boolean fence = line.trim().startsWith("```");
			if (!out.isEmpty()) {
				if (!inFence && !fence && isHeading(line, 3)) break;
				out.add(line);
			}
			else if (!inFence && (line.equals("### " + heading) || line.startsWith("### " + heading + " "))) out.add(
				line);
			if (fence) inFence = !inFence;
		}
		return out.isEmpty() ? null : String.join("\n", out).trim() + "\n";
	}

	/** Markdown to HTML (tables included). */
	public static String toHtml(final String markdown) {
		final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
		final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).build();
		return renderer.render(parser.parse(markdown));
	}

	/**
	 * The help page of a command: its README section and, for {@code detects} commands, the
	 * face-detection section, as HTML for {@code GenericDialog.addHelp} (which shows text starting with
	 * {@code <html>} in ImageJ's help window), then {@code keysTable}; without a README in the jar,
	 * only the table.
	 */
	public static String page(final String command, final String title, final boolean detects, final String keysTable) {
		final String md = markdown(command, detects);
		final StringBuilder html = new StringBuilder("<html><body>");
		if (md == null) html.append("<h3>").append(title).append("</h3>");
		else html.append(toHtml(md));
		return html.append(keysTable).append("</body></html>").toString();
	}

	/**
	 * The Markdown of a command's README section and, for {@code detects} commands, the face-detection
	 * section; null without a README in the jar (or without either section).
	 */
	public static String markdown(final String command, final boolean detects) {
		final String readme = readme();
		final StringBuilder md = new StringBuilder();
		final String own = section(readme, command);
		if (own != null) md.append(own).append('\n');
		final String detection = detects ? section(readme, DETECTION_SECTION) : null;
		if (detection != null) md.append(detection).append('\n');
		return md.length() == 0 ? null : md.toString();
	}

	private static boolean isHeading(final String line, final int level) {
		int n = 0;
		while (n < line.length() && line.charAt(n) == '#') n++;
		return n >= 1 && n <= level && n < line.length() && line.charAt(n) == ' ';
	}
}
