package org.emotiontracking.core.model.keras;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.emotiontracking.core.model.MobileNetV2Architecture;
import org.emotiontracking.core.model.Weights;
import org.emotiontracking.core.model.keras.KerasH5.FileLayer;
import org.emotiontracking.core.util.ProgressListener;

import io.jhdf.HdfFile;

/**
 * Keras's ImageNet weights for MobileNetV2 without top ({@code weights='imagenet'}): finds the file in
 * Keras's cache (~/.keras/models/), then in a models folder, else downloads it into Keras's cache, and
 * reads it into {@link Weights} under MobileNetV2's current layer names. The files use older layer names,
 * so layers are matched by order and shape.
 */
public final class ImageNetWeights {

	public static final String BASE_URL = "https://storage.googleapis.com/tensorflow/keras-applications/mobilenet_v2/";
	/** Input sizes Keras publishes weights for; the weights themselves do not depend on the size. */
	public static final List<Integer> ROWS = Collections.unmodifiableList(Arrays.asList(96, 128, 160, 192, 224));
	public static final int DEFAULT_CONNECT_TIMEOUT_MS = 5000;
	public static final int DEFAULT_READ_TIMEOUT_MS = 30000;

	private final Path kerasCache;
	private final Path modelsDir;
	private final String baseUrl;
	private final int connectTimeoutMs;

	/** Keras's cache ({@link #defaultKerasCache()}), then modelsDir (may be null), then the Keras URL. */
	public ImageNetWeights(final Path modelsDir) {
		this(defaultKerasCache(), modelsDir, BASE_URL, DEFAULT_CONNECT_TIMEOUT_MS);
	}

	/**
	 * @param kerasCache where Keras caches downloads, and where a download goes
	 * @param modelsDir a second place to look (e.g. Fiji's models/ folder), or null
	 * @param baseUrl the folder URL, ending in '/'
	 */
	public ImageNetWeights(final Path kerasCache, final Path modelsDir, final String baseUrl,
		final int connectTimeoutMs) {
		this.kerasCache = kerasCache;
		this.modelsDir = modelsDir;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
		this.connectTimeoutMs = connectTimeoutMs;
	}

	/** $KERAS_HOME/models if KERAS_HOME is set, else ~/.keras/models (as Keras). */
	public static Path defaultKerasCache() {
		final String home = System.getenv("KERAS_HOME");
		if (home != null && !home.isEmpty()) return Paths.get(home, "models");
		return Paths.get(System.getProperty("user.home"), ".keras", "models");
	}

	/** Keras's spelling of alpha in file names: 0.35, 0.5, 0.75, 1.0, 1.3, 1.4. */
	public static String alphaName(final double alpha) {
		for (final double a : MobileNetV2Architecture.ALPHAS)
			if (a == alpha) return Double.toString(a);
		throw new IllegalArgumentException("Keras has ImageNet weights for MobileNetV2 alpha "
			+ MobileNetV2Architecture.ALPHAS + " only, not " + alpha + ".");
	}

	/** The published size nearest to size (ties go to the larger one). */
	public static int nearestRows(final int size) {
		int best = ROWS.get(0);
		for (final int r : ROWS)
			if (Math.abs(r - size) <= Math.abs(best - size)) best = r;
		return best;
	}

	/** e.g. mobilenet_v2_weights_tf_dim_ordering_tf_kernels_1.0_224_no_top.h5 for (1.0, 224). */
	public static String fileName(final double alpha, final int size) {
		return "mobilenet_v2_weights_tf_dim_ordering_tf_kernels_" + alphaName(alpha) + "_" + nearestRows(size)
			+ "_no_top.h5";
	}

	public String url(final double alpha, final int size) {
		return baseUrl + fileName(alpha, size);
	}

	/** The places looked at, in order. */
	public List<Path> places(final double alpha, final int size) {
		final List<Path> p = new ArrayList<>();
		if (kerasCache != null) p.add(kerasCache.resolve(fileName(alpha, size)));
		if (modelsDir != null) p.add(modelsDir.resolve(fileName(alpha, size)));
		return p;
	}

	/** The first existing file among {@link #places}, or null. */
	public Path locate(final double alpha, final int size) {
		for (final Path p : places(alpha, size))
			if (Files.isRegularFile(p)) return p;
		return null;
	}

	/** The file: found locally, else downloaded into Keras's cache. */
	public Path obtain(final double alpha, final int size, final ProgressListener progress) throws IOException {
		final Path found = locate(alpha, size);
		if (found != null) return found;
		return download(alpha, size, progress == null ? ProgressListener.SILENT : progress);
	}

	/** Finds or downloads the weights for this alpha and input size and reads them. */
	public Weights load(final double alpha, final int size, final ProgressListener progress) throws IOException {
		return read(obtain(alpha, size, progress), alpha);
	}

	/**
	 * Reads a no-top ImageNet weights file (or any save_weights file of a bare MobileNetV2 base) under
	 * MobileNetV2's current layer names, checking every shape against the given alpha.
	 */
	public static Weights read(final Path file, final double alpha) throws KerasFormatException {
		return read(file, Double.valueOf(alpha));
	}

	/** The alpha the file's shapes fit. */
	public static double inferAlpha(final Path file) throws KerasFormatException {
		try (HdfFile f = KerasH5.open(file)) {
			return KerasH5.matchBase(KerasH5.readLayers(KerasH5.weightsRoot(f, file), file), file, null);
		}
		catch (final RuntimeException e) {
			throw KerasH5.broken(file, e);
		}
	}

	private static Weights read(final Path file, final Double alpha) throws KerasFormatException {
		try (HdfFile f = KerasH5.open(file)) {
			final List<FileLayer> layers = KerasH5.readLayers(KerasH5.weightsRoot(f, file), file);
			final double a;
			try {
				a = KerasH5.matchBase(layers, file, alpha);
			}
			catch (final KerasFormatException e) {
				Double other = null;
				try {
					other = KerasH5.matchBase(layers, file, null);
				}
				catch (final KerasFormatException ignored) {
					throw e;
				}
				throw new KerasFormatException(file + " holds MobileNetV2 weights for alpha " + other + ", not " + alpha
					+ ".", e);
			}
			final Weights w = new Weights();
			KerasH5.putBase(w, layers, a, file);
			return w;
		}
		catch (final RuntimeException e) {
			throw KerasH5.broken(file, e);
		}
	}

	private Path download(final double alpha, final int size, final ProgressListener progress) throws IOException {
		final String name = fileName(alpha, size);
		final String url = url(alpha, size);
		if (kerasCache == null) throw new IOException(missing(alpha, size, url, "no download folder"));
		progress.status("Downloading " + url);
		Path tmp = null;
		try {
			Files.createDirectories(kerasCache);
			tmp = Files.createTempFile(kerasCache, name + ".", ".part");
			final URLConnection c = new URL(url).openConnection();
			c.setConnectTimeout(connectTimeoutMs);
			c.setReadTimeout(DEFAULT_READ_TIMEOUT_MS);
			if (c instanceof HttpURLConnection) {
				final int code = ((HttpURLConnection) c).getResponseCode();
				if (code != 200) throw new IOException("HTTP " + code);
			}
			final long total = c.getContentLengthLong();
			long done = 0;
			try (InputStream in = c.getInputStream(); OutputStream out = Files.newOutputStream(tmp)) {
				final byte[] buf = new byte[1 << 16];
				for (int r; (r = in.read(buf)) >= 0;) {
					if (progress.isCancelled()) throw new InterruptedIOException("cancelled");
					out.write(buf, 0, r);
					done += r;
					if (total > 0) progress.progress((double) done / total);
				}
			}
			if (total > 0 && done != total) throw new IOException("got " + done + " of " + total + " bytes");
			final Path target = kerasCache.resolve(name);
			try {
				Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (final AtomicMoveNotSupportedException e) {
				Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
			}
			tmp = null;
			progress.progress(1);
			progress.log("Downloaded " + url + " to " + target);
			return target;
		}
		catch (final InterruptedIOException e) {
			if ("cancelled".equals(e.getMessage())) throw e;
			throw new IOException(missing(alpha, size, url, e.toString()), e);
		}
		catch (final IOException | RuntimeException e) {
			throw new IOException(missing(alpha, size, url, e.toString()), e);
		}
		finally {
			if (tmp != null) Files.deleteIfExists(tmp);
		}
	}

	private String missing(final double alpha, final int size, final String url, final String why) {
		final StringBuilder b = new StringBuilder("Could not download the ImageNet weights of MobileNetV2 (alpha ")
			.append(alphaName(alpha)).append(", ").append(nearestRows(size)).append(" px) from ").append(url)
			.append(" (").append(why)
			.append("). Without network access, download that file on another computer and put it, keeping its name ")
			.append(fileName(alpha, size)).append(", in ");
		final List<Path> places = places(alpha, size);
		for (int i = 0; i < places.size(); i++)
			b.append(i == 0 ? "" : " or in ").append(places.get(i).getParent())
				.append(i == 0 && kerasCache != null ? " (Keras's cache)" : "");
		return b.append('.').toString();
	}
}
