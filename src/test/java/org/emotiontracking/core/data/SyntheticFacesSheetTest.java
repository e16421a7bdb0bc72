package org.emotiontracking.core.data;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** Writes a contact sheet of synthetic faces (rows = classes) to target/report-samples. */
class SyntheticFacesSheetTest {

	@Test
	void writeContactSheets() throws Exception {
		final Path dir = Files.createDirectories(Paths.get("target", "report-samples"));
		sheet(new SyntheticFaces(128, 7), 8, dir.resolve("synthetic-faces.png"));
		sheet(new SyntheticFaces(List.of("angry", "contempt", "a", "b", "c", "d", "e", "f"), 96, 96, 3), 8,
			dir.resolve("synthetic-faces-other.png"));
		assertTrue(Files.size(dir.resolve("synthetic-faces.png")) > 10000);
	}

	static void sheet(final SyntheticFaces faces, final int perClass, final Path file) throws Exception {
		final int w = faces.width(), h = faces.height(), label = 110, pad = 4;
		final List<String> names = faces.classNames();
		final BufferedImage sheet = new BufferedImage(label + perClass * (w + pad), names.size() * (h + pad), BufferedImage.TYPE_INT_RGB);
		final Graphics2D g = sheet.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
		for (int c = 0; c < names.size(); c++) {
			g.setColor(Color.DARK_GRAY);
			g.drawString(names.get(c), 8, c * (h + pad) + h / 2 + 6);
			for (int i = 0; i < perClass; i++) g.drawImage(faces.render(c, i), label + i * (w + pad), c * (h + pad), null);
		}
		g.dispose();
		ImageIO.write(sheet, "png", file.toFile());
	}
}
