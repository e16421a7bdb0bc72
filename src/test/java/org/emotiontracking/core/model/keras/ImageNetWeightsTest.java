package org.emotiontracking.core.model.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.emotiontracking.core.model.Weights;
import org.emotiontracking.core.model.keras.KerasH5Writer.Layout;
import org.emotiontracking.core.model.keras.KerasH5Writer.Options;
import org.emotiontracking.core.util.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

class ImageNetWeightsTest {

	@TempDir
	Path dir;

	@Test
	void oldLayerNamesMapByOrder() throws Exception {
		for (final double alpha : new double[] { 0.35, 1.0 }) {
			final Path f = dir.resolve(ImageNetWeights.fileName(alpha, 96));
			final Weights expected = KerasH5Writer.write(f, Layout.IMAGENET_NO_TOP, new Options().alpha(alpha).seed(3));
			assertEquals(alpha, ImageNetWeights.inferAlpha(f));
			final Weights w = ImageNetWeights.read(f, alpha);
			KerasModelImporterTest.assertSame(expected, w);
			assertTrue(w.contains("block_1_expand", "kernel"));
			assertTrue(w.contains("expanded_conv_project_BN", "moving_variance"));
		}
	}

	@Test
	void wrongAlphaIsExplained() throws Exception {
		final Path f = dir.resolve("w.h5");
		KerasH5Writer.write(f, Layout.IMAGENET_NO_TOP, new Options().alpha(0.35));
		final KerasFormatException e = assertThrows(KerasFormatException.class, () -> ImageNetWeights.read(f, 0.5));
		assertEquals(f + " holds MobileNetV2 weights for alpha 0.35, not 0.5.", e.getMessage());
	}

	@Test
	void fileNamesFollowKeras() {
		assertEquals("mobilenet_v2_weights_tf_dim_ordering_tf_kernels_1.0_224_no_top.h5", ImageNetWeights.fileName(1.0, 224));
		assertEquals("mobilenet_v2_weights_tf_dim_ordering_tf_kernels_0.35_96_no_top.h5", ImageNetWeights.fileName(0.35, 100));
		assertEquals("mobilenet_v2_weights_tf_dim_ordering_tf_kernels_0.5_160_no_top.h5", ImageNetWeights.fileName(0.5, 150));
		assertEquals(128, ImageNetWeights.nearestRows(112));
		assertEquals(96, ImageNetWeights.nearestRows(32));
		assertEquals(224, ImageNetWeights.nearestRows(512));
		assertEquals("1.3", ImageNetWeights.alphaName(1.3));
		assertThrows(IllegalArgumentException.class, () -> ImageNetWeights.alphaName(0.6));
	}

	@Test
	void kerasCacheComesBeforeModelsFolder() throws Exception {
		final Path cache = Files.createDirectories(dir.resolve("keras/models")), models = Files.createDirectories(dir.resolve("models"));
		final ImageNetWeights iw = new ImageNetWeights(cache, models, "http://weights.invalid/", 1000);
		final String name = ImageNetWeights.fileName(1.0, 224);
		assertNull(iw.locate(1.0, 224));
		Files.write(models.resolve(name), new byte[1]);
		assertEquals(models.resolve(name), iw.locate(1.0, 224));
		Files.write(cache.resolve(name), new byte[1]);
		assertEquals(cache.resolve(name), iw.locate(1.0, 224));
		assertEquals(cache.resolve(name), iw.obtain(1.0, 224, null));
	}

	@Test
	void offlineDownloadFailsFastNamingUrlAndPlaces() throws Exception {
		final Path cache = dir.resolve("keras/models"), models = dir.resolve("Fiji.app/models");
		for (final String base : new String[] { "http://weights.invalid/mobilenet_v2/", "http://10.255.255.1/mobilenet_v2/" }) {
			final ImageNetWeights iw = new ImageNetWeights(cache, models, base, 1500);
			final long t0 = System.nanoTime();
			final IOException e = assertThrows(IOException.class, () -> iw.load(1.0, 224, ProgressListener.SILENT));
			final double seconds = (System.nanoTime() - t0) / 1e9;
			assertTrue(seconds < 4, "took " + seconds + " s");
			final String m = e.getMessage();
			final String name = "mobilenet_v2_weights_tf_dim_ordering_tf_kernels_1.0_224_no_top.h5";
			assertTrue(m.contains(base + name), m);
			assertTrue(m.contains(cache + " (Keras's cache) or in " + models), m);
			assertTrue(m.contains("keeping its name " + name), m);
			try (Stream<Path> left = Files.list(cache)) {
				assertEquals(0, left.count(), "no partial download left behind");
			}
		}
	}

	@Test
	void defaultDownloadUrlIsKeras() {
		assertEquals("https://storage.googleapis.com/tensorflow/keras-applications/mobilenet_v2/" +
			"mobilenet_v2_weights_tf_dim_ordering_tf_kernels_0.75_192_no_top.h5", new ImageNetWeights(null).url(0.75, 192));
	}

	@Test
	void downloadsIntoKerasCacheWithProgress() throws Exception {
		final Path served = dir.resolve("served.h5");
		final Weights expected = KerasH5Writer.write(served, Layout.IMAGENET_NO_TOP, new Options().alpha(0.35));
		final byte[] bytes = Files.readAllBytes(served);
		final HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/mobilenet_v2/", ex -> {
			final boolean ok = ex.getRequestURI().getPath().endsWith(ImageNetWeights.fileName(0.35, 96));
			ex.sendResponseHeaders(ok ? 200 : 404, ok ? bytes.length : -1);
			if (ok) try (OutputStream out = ex.getResponseBody()) {
				out.write(bytes);
			}
			ex.close();
		});
		server.start();
		try {
			final Path cache = dir.resolve("cache");
			final String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/mobilenet_v2/";
			final ImageNetWeights iw = new ImageNetWeights(cache, null, base, 2000);
			final List<Double> fractions = new ArrayList<>();
			final ProgressListener p = new ProgressListener() {
				@Override
				public void status(final String message) {}

				@Override
				public void progress(final double f) { fractions.add(f); }
			};
			KerasModelImporterTest.assertSame(expected, iw.load(0.35, 100, p));
			assertTrue(Files.isRegularFile(cache.resolve(ImageNetWeights.fileName(0.35, 96))));
			assertEquals(1.0, fractions.get(fractions.size() - 1));
			try (Stream<Path> files = Files.list(cache)) {
				assertEquals(1, files.count());
			}
			final IOException e = assertThrows(IOException.class, () -> iw.obtain(1.0, 224, null));
			assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
		}
		finally {
			server.stop(0);
		}
	}
}
