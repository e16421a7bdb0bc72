package org.emotiontracking.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.emotiontracking.core.data.ImageDecoder;
import org.emotiontracking.core.data.Resize;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.detect.FaceBox;
import org.emotiontracking.core.detect.FaceDetector;
import org.emotiontracking.core.detect.FaceDetectors;
import org.emotiontracking.core.detect.SharedFaces;
import org.emotiontracking.core.util.FileTrees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.framework.AttrValue;
import org.tensorflow.proto.framework.DataType;
import org.tensorflow.proto.framework.MetaGraphDef;
import org.tensorflow.proto.framework.NodeDef;
import org.tensorflow.proto.framework.SavedModel;
import org.tensorflow.proto.framework.TensorProto;
import org.tensorflow.proto.framework.TensorShapeProto;

import com.google.protobuf.ByteString;

/** The model that ships in the jar: selected by default, right on real faces, and the op check on open. */
class BuiltinModelTest {

	@TempDir
	Path tmp;

	static void assumeBuilt() {
		assumeTrue(BuiltinModel.available(), "this build has no built-in model (no npm at build time)");
	}

	@Test
	void noModelAndBuiltinBothLoadIt() throws Exception {
		assumeBuilt();
		for (final Path p : Arrays.asList(null, Paths.get("builtin"), Paths.get("BUILTIN"))) {
			try (EmotionClassifier c = EmotionClassifier.load(p)) {
				assertEquals(BuiltinModel.CLASSES, c.classNames());
				assertEquals("mini-Xception", c.metadata().architecture);
				assertEquals("MIT", c.metadata().licence);
				assertEquals(64, c.inputSize());
				assertEquals(Preprocessing.GRAYSCALE_RESCALE_1_255, c.metadata().preprocessing());
				assertTrue(c.description().contains("built-in") && c.description().contains(BuiltinModel.NPM_PACKAGE),
					c.description());
				final float[] p0 = c.predict(List.of(TestModels.noiseImage(80, 90, 3)))[0];
				double sum = 0;
				for (final float v : p0) sum += v;
				assertEquals(1, sum, 1e-4);
			}
		}
	}

	/** The file name's expression -> FER2013's class name. */
	static final Map<String, String> EXPRESSIONS = new LinkedHashMap<>();
	static {
		EXPRESSIONS.put("angry.jpg", "angry");
		EXPRESSIONS.put("disgusted.jpg", "disgust");
		EXPRESSIONS.put("fearful.jpg", "fear");
		EXPRESSIONS.put("happy.jpg", "happy");
		EXPRESSIONS.put("neutral.jpg", "neutral");
		EXPRESSIONS.put("sad.jpg", "sad");
		EXPRESSIONS.put("surprised.jpg", "surprise");
	}

	/** The largest face of each of the seven expression photos (the default detector), in file order. */
	static List<RgbImage> expressionFaces() throws Exception {
		final Path faces = SharedFaces.folder();
		final List<RgbImage> out = new ArrayList<>();
		try (FaceDetector d = FaceDetectors.openDefault()) {
			for (final String file : EXPRESSIONS.keySet()) {
				final RgbImage photo = new ImageDecoder().decode(faces.resolve(file));
				FaceBox best = null;
				for (final FaceBox b : d.detect(photo)) if (best == null || b.width() * b.height() > best.width() * best.height())
					best = b;
				assertTrue(best != null, "no face found in " + file);
				out.add(Resize.crop(photo, best.x(), best.y(), best.width(), best.height()));
			}
		}
		return out;
	}

	@Test
	void namesMostOfTheSevenExpressionPhotosRight() throws Exception {
		assumeBuilt();
		final List<RgbImage> faces = expressionFaces();
		final List<String> expected = new ArrayList<>(EXPRESSIONS.values());
		try (EmotionClassifier c = EmotionClassifier.load(null)) {
			final float[][] p = c.predict(faces);
			int right = 0;
			final StringBuilder sb = new StringBuilder();
			for (int i = 0; i < p.length; i++) {
				final String got = c.classNames().get(EmotionClassifier.argMax(p[i]));
				if (got.equals(expected.get(i))) right++;
				sb.append(String.format(java.util.Locale.ROOT, "%s -> %s %.2f; ", expected.get(i), got, p[i][EmotionClassifier
					.argMax(p[i])]));
			}
			System.out.println("Built-in model on the seven expression photos: " + right + " of 7 right: " + sb);
			assertTrue(right >= 5, right + " of 7 right: " + sb);
		}
	}

	/** The built-in archive unpacked into a folder, with extra nodes added to its graph. */
	private Path archiveWith(final NodeDef... extra) throws IOException {
		assumeBuilt();
		final Path dir = Files.createDirectories(tmp.resolve("model"));
		try (InputStream in = BuiltinModel.class.getResourceAsStream(BuiltinModel.RESOURCE)) {
			FileTrees.unzip(in, dir);
		}
		final Path pb = dir.resolve(ModelArchive.SAVED_MODEL).resolve("saved_model.pb");
		final SavedModel.Builder saved = SavedModel.parseFrom(Files.readAllBytes(pb)).toBuilder();
		final MetaGraphDef.Builder meta = saved.getMetaGraphsBuilder(0);
		for (final NodeDef n : extra) meta.getGraphDefBuilder().addNode(n);
		Files.write(pb, saved.build().toByteArray());
		return dir;
	}

	private static NodeDef stringConst(final String name, final String value) {
		return NodeDef.newBuilder().setName(name).setOp("Const").putAttr("dtype", AttrValue.newBuilder().setType(
			DataType.DT_STRING).build()).putAttr("value", AttrValue.newBuilder().setTensor(TensorProto.newBuilder().setDtype(
				DataType.DT_STRING).setTensorShape(TensorShapeProto.getDefaultInstance()).addStringVal(ByteString.copyFromUtf8(
					value))).build()).build();
	}

	@Test
	void anArchiveThatWritesFilesIsRefusedUnlessTrusted() throws Exception {
		final Path target = tmp.resolve("written-by-the-model.txt");
		final Path dir = archiveWith(stringConst("file_name", target.toString()), stringConst("contents", "pwned"), NodeDef
			.newBuilder().setName("exfiltrate").setOp("WriteFile").addInput("file_name").addInput("contents").build());
		final IOException e = assertThrows(IOException.class, () -> EmotionClassifier.load(dir));
		assertTrue(e.getMessage().contains("'WriteFile'") && e.getMessage().contains("exfiltrate") && e.getMessage()
			.contains(dir.toString()), e.getMessage());
		final Path zip = tmp.resolve("evil.zip");
		try (java.io.OutputStream out = Files.newOutputStream(zip)) {
			FileTrees.zip(dir, out);
		}
		final IOException z = assertThrows(IOException.class, () -> EmotionClassifier.load(zip));
		assertTrue(z.getMessage().contains("'WriteFile'") && z.getMessage().contains(zip.toString()), z.getMessage());
		try (EmotionClassifier c = EmotionClassifier.load(dir, null, true)) {
			assertTrue(c.description().contains("trust=true"), c.description());
			assertEquals(7, c.predict(List.of(TestModels.noiseImage(64, 64, 1)))[0].length);
		}
		assertFalse(Files.exists(target), "serving never runs the extra op");
	}

	@Test
	void anArchiveThatReadsFilesIsRefused() throws Exception {
		final Path dir = archiveWith(stringConst("file_name", "/etc/passwd"), NodeDef.newBuilder().setName("peek").setOp(
			"ReadFile").addInput("file_name").build());
		final IOException e = assertThrows(IOException.class, () -> ModelArchive.open(dir));
		assertTrue(e.getMessage().contains("'ReadFile'") && e.getMessage().contains("peek"), e.getMessage());
	}

	@Test
	void aBuildWithoutTheModelSaysWhatIsMissingAndHowToGetIt() {
		final IOException e = assertThrows(IOException.class, () -> BuiltinModel.open("builtin/not-built.zip"));
		assertTrue(e.getMessage().contains("not in this build") && e.getMessage().contains(BuiltinModel.NPM_PACKAGE) && e
			.getMessage().contains("npm") && e.getMessage().contains("model="), e.getMessage());
	}

	@Test
	void trainedArchivesPassTheCheck() throws Exception {
		final Path zip = TestModels.randomArchive(tmp.resolve("trained.zip"), TestModels.metadata(0.35, 96, "a", "b"), 3);
		try (ModelArchive a = ModelArchive.open(zip)) {
			assertTrue(a.metadata().isMobileNetV2());
			assertEquals(zip.toString(), a.description());
		}
	}
}
