package org.emotiontracking.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;

/** The dialogs' Help: each command's section of the README in the jar, rendered as HTML. */
class ReadmeHelpTest {

	@Test
	void theJarCarriesTheReadme() throws Exception {
		final String readme = ReadmeHelp.readme();
		assertNotNull(readme, "README.md is a resource of the jar");
		assertEquals(new String(Files.readAllBytes(Paths.get("README.md")), StandardCharsets.UTF_8), readme);
	}

	@Test
	void findsEachCommandsSectionUpToTheNextHeading() {
		final String readme = "# T\n\n### train (Train Emotion Model)\n`train a=b`\n\n```\n### not a heading\n```\n| k | v |\n|---|---|\n" +
			"| x | y |\n\n#### Sub\nmore\n### classify (Classify Emotions)\nc\n## Next\n### Face detection (all)\nd\n";
		final String train = ReadmeHelp.section(readme, "train");
		assertTrue(train.startsWith("### train (Train Emotion Model)"), train);
		assertTrue(train.contains("### not a heading"), "fenced code is not a heading: " + train);
		assertTrue(train.contains("#### Sub\nmore"), "deeper headings belong to the section: " + train);
		assertFalse(train.contains("classify"), train);
		assertEquals("### classify (Classify Emotions)\nc\n", ReadmeHelp.section(readme, "classify"));
		assertEquals("### Face detection (all)\nd\n", ReadmeHelp.section(readme, ReadmeHelp.DETECTION_SECTION));
		assertNull(ReadmeHelp.section(readme, "tra"), "a whole word");
		final String html = ReadmeHelp.toHtml(train);
		assertTrue(html.contains("<h3>train (Train Emotion Model)</h3>"), html);
		assertTrue(html.contains("<td>x</td>"), "tables: " + html);
		assertTrue(html.contains("<code>train a=b</code>"), html);
	}

	@Test
	void pagesOfTheFourCommands() {
		for (final String command : new String[] { "train", "classify", "gradcam", "live" }) {
			final boolean detects = !command.equals("train");
			final String page = ReadmeHelp.page(command, command, detects, "<h3>Keys</h3>");
			assertTrue(page.startsWith("<html><body><h3>" + command + " ("), page.substring(0, 100));
			assertEquals(detects, page.contains("<h3>Face detection (Classify, Grad-CAM, Live)</h3>"), command);
			assertTrue(page.endsWith("<h3>Keys</h3></body></html>"), command);
		}
	}
}
