package org.emotiontracking.core.train;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * A dataset a small network trained from scratch learns within a few dozen steps: the class is the
 * colour family of a shape (disc, square or bar, drawn at a random place and size) on a random dark
 * background. Wrong labels, broken gradients or augmentation that separates images from their labels
 * all leave validation accuracy at chance.
 */
final class ShapesDataset {

	static final String[] CLASSES = { "blue", "green", "red" };

	private ShapesDataset() {}

	static void write(final Path root, final int perClass, final int size, final long seed) throws IOException {
		final Random r = new Random(seed);
		for (int c = 0; c < CLASSES.length; c++) {
			final Path dir = Files.createDirectories(root.resolve(CLASSES[c]));
			for (int i = 0; i < perClass; i++)
				ImageIO.write(draw(c, size, r), "png", dir.resolve(String.format("%s_%03d.png", CLASSES[c], i)).toFile());
		}
	}

	static BufferedImage draw(final int c, final int size, final Random r) {
		final BufferedImage im = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
		final Graphics2D g = im.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(new Color(r.nextInt(100), r.nextInt(100), r.nextInt(100)));
		g.fillRect(0, 0, size, size);
		final int strong = 170 + r.nextInt(86), weak1 = r.nextInt(90), weak2 = r.nextInt(90);
		g.setColor(c == 0 ? new Color(weak1, weak2, strong) : c == 1 ? new Color(weak1, strong, weak2)
			: new Color(strong, weak1, weak2));
		final int s = size / 3 + r.nextInt(size / 4);
		final int x = r.nextInt(size - s), y = r.nextInt(size - s);
		final int shape = r.nextInt(3);
		if (shape == 0) g.fillOval(x, y, s, s);
		else if (shape == 1) g.fillRect(x, y, s, s);
		else g.fillRect(x, y + s / 2 - s / 8, s, Math.max(2, s / 4));
		g.dispose();
		return im;
	}
}
