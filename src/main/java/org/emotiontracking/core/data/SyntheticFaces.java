package org.emotiontracking.core.data;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CancellationException;

import javax.imageio.ImageIO;

import org.emotiontracking.core.util.ProgressListener;

/**
 * Generates synthetic, face-like RGB images of facial expressions, e.g. for demos and tests.
 * <p>
 * The seven default emotions have their own drawn expressions: happy (upturned mouth, cheek
 * creases, narrowed eyes), sad (downturned mouth, inner brows up), surprise (round open mouth,
 * high arched brows, wide eyes), fear (wide eyes, raised inner brows, wide stretched slightly open
 * mouth), disgust (nose wrinkles, one-sided raised upper lip, lowered knitted brows, narrowed
 * eyes), neutral (straight mouth) and unhappy (slight frown, lowered knitted brows). "angry" and
 * "contempt" are also known; other class names get further distinct expressions (closed eyes,
 * wink, pucker, yawn, tongue) in order, then combinations of feature levels.
 * <p>
 * Every image varies in expression intensity, pose (rotation up to &plusmn;15&deg;, shift), face
 * size and shape, skin, hair, eye and background colours, lighting gradient, blur and noise. All
 * colours are drawn independently of the class, so only the drawn features tell classes apart.
 * Image (class c, sample i) depends only on the seed, the class name, c's expression and i, and
 * is the same in every run.
 */
public final class SyntheticFaces {

	/** The default class names, in model order. */
	public static final List<String> DEFAULT_CLASSES = List.of("disgust", "fear", "happy", "neutral", "sad", "surprise",
		"unhappy");

	private static final Color[] HAIR = { new Color(0x1b1410), new Color(0x3b2718), new Color(0x6a4a2e),
		new Color(0xb08850), new Color(0xd9c08a), new Color(0x8c3b1c), new Color(0x9a9a9a), new Color(0x2a2a2a) };
	private static final Color[] IRIS = { new Color(0x4a2e18), new Color(0x2f6a9a), new Color(0x4d7a3a),
		new Color(0x222222), new Color(0x7a5a30), new Color(0x6a8a9a) };

	private final List<String> classNames;
	private final List<SyntheticExpression> expressions;
	private final int width;
	private final int height;
	private final long seed;

	/**
	 * A generator for the given classes.
	 *
	 * @param classNames class names (also used as folder names by {@link #writeDataset})
	 * @param width      image width in pixels (at least 32)
	 * @param height     image height in pixels (at least 32)
	 * @param seed       the seed all images derive from
	 */
	public SyntheticFaces(final List<String> classNames, final int width, final int height, final long seed) {
		if (classNames.isEmpty()) throw new IllegalArgumentException("No class names");
		if (width < 32 || height < 32) throw new IllegalArgumentException("Images must be at least 32x32, not " + width
			+ "x" + height);
		for (final String name : classNames) checkFolderName(name);
		this.classNames = List.copyOf(classNames);
		this.expressions = SyntheticExpression.forClasses(this.classNames);
		this.width = width;
		this.height = height;
		this.seed = seed;
	}

	/** A generator of square images of the {@link #DEFAULT_CLASSES}. */
	public SyntheticFaces(final int size, final long seed) {
		this(DEFAULT_CLASSES, size, size, seed);
	}

	public List<String> classNames() { return classNames; }

	public int width() { return width; }

	public int height() { return height; }

	/** Sample {@code index} (0-based) of class {@code classIndex}, as an {@link RgbImage}. */
	public RgbImage face(final int classIndex, final int index) {
		return toRgb(render(classIndex, index));
	}

	/** Sample {@code index} (0-based) of class {@code classIndex}, as a TYPE_INT_RGB image. */
	public BufferedImage render(final int classIndex, final int index) {
		if (classIndex < 0 || classIndex >= classNames.size()) throw new IndexOutOfBoundsException("Class index "
			+ classIndex);
		return render(expressions.get(classIndex), mix(seed, classNames.get(classIndex).hashCode(), index));
	}

	/** The expression prototype of a class (for tests). */
	SyntheticExpression expression(final int classIndex) {
		return expressions.get(classIndex);
	}

	/** A face with the given expression; everything else (pose, colours, noise) follows from {@code imageSeed}. */
	BufferedImage render(final SyntheticExpression expression, final long imageSeed) {
		final Random r = new Random(imageSeed);
		final BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		final Graphics2D g = img.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
		g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
		final int size = Math.min(width, height);

		drawBackground(g, r);
		// pose: face half-height, position and rotation
		final double radius = size * (0.29 + 0.09 * r.nextDouble());
		final double cx = width / 2.0 + size * 0.07 * (2 * r.nextDouble() - 1);
		final double cy = height / 2.0 + size * 0.06 * (2 * r.nextDouble() - 1);
		final double angle = Math.toRadians(15 * (2 * r.nextDouble() - 1));
		final double aspect = 0.74 + 0.1 * r.nextDouble();

		final SyntheticExpression.Palette p = palette(r);
		g.translate(cx, cy);
		g.rotate(angle);
		g.scale(radius, radius);
		drawHead(g, p, aspect, r);
		expression.vary(r).draw(g, p);
		g.dispose();

		finish(img, r);
		return img;
	}

	/** The PNG file name of a sample: {@code <class>_0001.png} for index 0. */
	public String fileName(final int classIndex, final int index) {
		return String.format(Locale.ROOT, "%s_%04d.png", classNames.get(classIndex), index + 1);
	}

	/**
	 * Writes {@code perClass} images of every class as {@code <root>/<class>/<class>_0001.png ...}.
	 *
	 * @param overwrite whether existing image files may be replaced
	 * @return the number of images written
	 * @throws FileAlreadyExistsException if an image file exists and overwrite is false (checked before writing
	 * anything)
	 * @throws CancellationException      if the listener asked to stop
	 */
	public int writeDataset(final Path root, final int perClass, final boolean overwrite,
		final ProgressListener listener) throws IOException
	{
		if (perClass < 1) throw new IllegalArgumentException("Images per class must be at least 1: " + perClass);
		if (!overwrite) {
			for (int c = 0; c < classNames.size(); c++)
				for (int i = 0; i < perClass; i++) {
					final Path f = root.resolve(classNames.get(c)).resolve(fileName(c, i));
					if (Files.exists(f)) throw new FileAlreadyExistsException(f.toString(), null,
						"Output file already exists: " + f.toAbsolutePath()
						+ " (choose an empty folder or allow overwriting)");
				}
		}
		final int total = perClass * classNames.size();
		int written = 0;
		for (int c = 0; c < classNames.size(); c++) {
			final Path dir = Files.createDirectories(root.resolve(classNames.get(c)));
			listener.status("Writing synthetic " + classNames.get(c) + " faces");
			for (int i = 0; i < perClass; i++) {
				if (listener.isCancelled()) throw new CancellationException("Stopped after " + written + " of " + total
					+ " images");
				if (!ImageIO.write(render(c, i), "png", dir.resolve(fileName(c, i)).toFile()))
					throw new IOException("No PNG writer available");
				written++;
				listener.progress((double) written / total);
			}
		}
		listener.log("Wrote " + written + " synthetic faces (" + perClass + " per class) to " + root);
		return written;
	}

	/** Copies a TYPE_INT_RGB image into a new {@link RgbImage}. */
	public static RgbImage toRgb(final BufferedImage img) {
		final int w = img.getWidth(), h = img.getHeight();
		final int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
		final byte[] bytes = new byte[w * h * 3];
		for (int i = 0; i < argb.length; i++) {
			bytes[3 * i] = (byte) (argb[i] >> 16);
			bytes[3 * i + 1] = (byte) (argb[i] >> 8);
			bytes[3 * i + 2] = (byte) argb[i];
		}
		return new RgbImage(w, h, bytes);
	}

	private static long mix(final long seed, final int classHash, final int index) {
		long z = seed * 0x9E3779B97F4A7C15L + classHash * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	private static void checkFolderName(final String name) {
		if (name.trim().isEmpty() || name.equals(".") || name.equals("..") || name.matches(".*[/\\\\:*?\"<>|].*"))
			throw new IllegalArgumentException("Class name cannot be used as a folder name: '" + name + "'");
	}

	private static Color randomColor(final Random r, final float minBrightness, final float maxBrightness,
		final float maxSaturation) {
		return Color.getHSBColor(r.nextFloat(), maxSaturation * r.nextFloat(),
			minBrightness + (maxBrightness - minBrightness) * r.nextFloat());
	}

	private void drawBackground(final Graphics2D g, final Random r) {
		final Color a = randomColor(r, 0.15f, 0.95f, 0.6f);
		final Color b = r.nextBoolean() ? randomColor(r, 0.15f, 0.95f, 0.6f) : a;
		g.setPaint(new GradientPaint((float) (width * r.nextDouble()), 0, a, (float) (width * r.nextDouble()), height,
			b));
		g.fill(new Rectangle2D.Double(0, 0, width, height));
		// a few soft background shapes (walls, windows, furniture)
		final int shapes = r.nextInt(4);
		for (int i = 0; i < shapes; i++) {
			final Color c = randomColor(r, 0.1f, 1f, 0.7f);
			g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 60 + r.nextInt(120)));
			final double x = width * r.nextDouble(), y = height * r.nextDouble();
			final double w = width * (0.2 + 0.6 * r.nextDouble()), h = height * (0.2 + 0.6 * r.nextDouble());
			g.fill(r.nextBoolean() ? new Rectangle2D.Double(x - w / 2, y - h / 2, w, h)
				: new Ellipse2D.Double(x - w / 2, y - h / 2, w, h));
		}
	}

	private static SyntheticExpression.Palette palette(final Random r) {
		final SyntheticExpression.Palette p = new SyntheticExpression.Palette();
		// skin tones from very light to very dark, with a random tint
		final double t = r.nextDouble();
		final double red = 250 - t * 165, green = 222 - t * 165, blue = 200 - t * 160;
		final double tint = 12 * r.nextGaussian();
		p.skin = rgb(red + tint, green + 0.3 * tint + 6 * r.nextGaussian(), blue - 0.5 * tint + 6 * r.nextGaussian());
		p.line = scale(p.skin, 0.42);
		p.lips = rgb(p.skin.getRed() * 0.82, p.skin.getGreen() * 0.52, p.skin.getBlue() * 0.55);
		p.mouthInside = rgb(70 + 20 * r.nextDouble(), 20, 25);
		final Color hair = HAIR[r.nextInt(HAIR.length)];
		// brows in the hair colour, but always clearly darker than the skin
		p.brows = rgb(Math.min(hair.getRed() * 0.8, p.skin.getRed() * 0.5),
			Math.min(hair.getGreen() * 0.8, p.skin.getGreen() * 0.5),
			Math.min(hair.getBlue() * 0.8, p.skin.getBlue() * 0.5));
		p.iris = IRIS[r.nextInt(IRIS.length)];
		p.sclera = rgb(240 - 15 * r.nextDouble(), 238 - 15 * r.nextDouble(), 232 - 15 * r.nextDouble());
		p.hair = hair;
		p.clothes = randomColor(r, 0.15f, 0.95f, 0.8f);
		return p;
	}

	private static void drawHead(final Graphics2D g, final SyntheticExpression.Palette p, final double aspect,
		final Random r) {
		// shoulders and neck
		g.setColor(p.clothes);
		g.fill(new RoundRectangle2D.Double(-1.6, 1.25, 3.2, 2, 1.2, 1.2));
		g.setColor(scale(p.skin, 0.85));
		g.fill(new Rectangle2D.Double(-0.3, 0.6, 0.6, 0.8));
		// ears
		g.setColor(scale(p.skin, 0.93));
		g.fill(new Ellipse2D.Double(-aspect - 0.1, -0.25, 0.2, 0.38));
		g.fill(new Ellipse2D.Double(aspect - 0.1, -0.25, 0.2, 0.38));
		// hair behind the head (long hair) for some faces
		final Ellipse2D.Double faceOval = new Ellipse2D.Double(-aspect, -1, 2 * aspect, 2);
		if (r.nextDouble() < 0.35) {
			g.setColor(p.hair);
			final double length = 1.7 + 0.5 * r.nextDouble();
			g.fill(new RoundRectangle2D.Double(-aspect - 0.14, -1.12, 2 * aspect + 0.28, length, 1.4, 1.6));
		}
		// face with soft shading towards the edge
		g.setColor(p.skin);
		g.fill(faceOval);
		g.setColor(scale(p.skin, 0.9));
		g.setStroke(new BasicStroke(0.05f));
		g.draw(new Ellipse2D.Double(-aspect + 0.02, -0.98, 2 * aspect - 0.04, 1.96));
		// hair on top, with a random hairline
		final double style = r.nextDouble();
		if (style < 0.85) {
			final double hairline = -0.62 - 0.2 * r.nextDouble();
			final Area hair = new Area(new Ellipse2D.Double(-aspect - 0.06, -1.12, 2 * aspect + 0.12, 2.0));
			final Area below = new Area(new Ellipse2D.Double(-aspect * 1.3, hairline, 2.6 * aspect, 2.4));
			hair.subtract(below);
			g.setColor(p.hair);
			g.fill(hair);
		}
	}

	/** Lighting gradient, global exposure, optional blur and sensor noise. */
	private void finish(final BufferedImage img, final Random r) {
		final int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
		if (r.nextDouble() < 0.35) boxBlur(px, width, height);
		final double dir = 2 * Math.PI * r.nextDouble();
		final double strength = 0.45 * r.nextDouble();
		final double dx = Math.cos(dir) * strength / Math.max(width, height),
			dy = Math.sin(dir) * strength / Math.max(width, height);
		final double exposure = 0.8 + 0.35 * r.nextDouble();
		final double sigma = 1 + 8 * r.nextDouble();
		final Random noise = new Random(r.nextLong());
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				final int i = y * width + x;
				final double light = exposure * (1 + (x - width / 2.0) * dx + (y - height / 2.0) * dy);
				final int v = px[i];
				final int red = clamp(((v >> 16) & 0xff) * light + sigma * noise.nextGaussian());
				final int green = clamp(((v >> 8) & 0xff) * light + sigma * noise.nextGaussian());
				final int blue = clamp((v & 0xff) * light + sigma * noise.nextGaussian());
				px[i] = (red << 16) | (green << 8) | blue;
			}
		}
	}

	private static void boxBlur(final int[] px, final int w, final int h) {
		final int[] src = px.clone();
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int rs = 0, gs = 0, bs = 0, n = 0;
				for (int yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++)
					for (int xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) {
						final int v = src[yy * w + xx];
						rs += (v >> 16) & 0xff;
						gs += (v >> 8) & 0xff;
						bs += v & 0xff;
						n++;
					}
				px[y * w + x] = ((rs / n) << 16) | ((gs / n) << 8) | (bs / n);
			}
		}
	}

	private static int clamp(final double v) {
		if (v <= 0) return 0;
		if (v >= 255) return 255;
		return (int) Math.round(v);
	}

	private static Color rgb(final double r, final double g, final double b) {
		return new Color(clamp(r), clamp(g), clamp(b));
	}

	private static Color scale(final Color c, final double f) {
		return rgb(c.getRed() * f, c.getGreen() * f, c.getBlue() * f);
	}
}
