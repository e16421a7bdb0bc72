package org.emotiontracking.core.model.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.engine.OnnxRuntime;
import org.emotiontracking.core.model.ImageBatch;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * An ONNX model held in memory and run through ONNX Runtime's own Java API, for the model-building
 * steps that need every output by name (int8 calibration reads each convolution's input) or run a
 * candidate model before it is written (int8 validation). Serving goes through DJL instead
 * ({@code EmotionClassifier}). Not thread-safe.
 */
final class OnnxSession implements AutoCloseable {

	private final OrtEnvironment env;
	private final OrtSession session;
	private final int size;

	OnnxSession(final byte[] model, final int inputSize, final int threads) {
		OnnxRuntime.engine(); // same environment and natives as serving
		env = OrtEnvironment.getEnvironment();
		try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
			o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
			o.setIntraOpNumThreads(Math.max(1, threads));
			o.setInterOpNumThreads(1);
			session = env.createSession(model, o);
		}
		catch (final OrtException e) {
			throw new IllegalStateException("ONNX Runtime cannot load the model: " + e.getMessage(), e);
		}
		size = inputSize;
	}

	/** The named outputs for a batch of images at the input size, each flattened. */
	Map<String, float[]> run(final List<RgbImage> images) {
		final float[] packed = ImageBatch.pack(images, size);
		final ByteBuffer b = ByteBuffer.allocateDirect(packed.length * 4).order(ByteOrder.nativeOrder());
		final FloatBuffer f = b.asFloatBuffer();
		f.put(packed).rewind();
		try (OnnxTensor x = OnnxTensor.createTensor(env, f, new long[] { images.size(), size, size, 3 });
			OrtSession.Result r = session.run(Collections.singletonMap(MobileNetV2Onnx.IMAGE, x)))
		{
			final Map<String, float[]> out = new LinkedHashMap<>();
			for (final Map.Entry<String, OnnxValue> e : r) {
				final FloatBuffer v = ((OnnxTensor) e.getValue()).getFloatBuffer();
				final float[] a = new float[v.remaining()];
				v.get(a);
				out.put(e.getKey(), a);
			}
			return out;
		}
		catch (final OrtException e) {
			throw new IllegalStateException("ONNX Runtime failed to run the model: " + e.getMessage(), e);
		}
	}

	@Override
	public void close() {
		try {
			session.close();
		}
		catch (final OrtException e) {
			// nothing left to free
		}
	}
}
