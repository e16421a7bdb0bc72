package org.emotiontracking.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaceDetectorsTest {

	@TempDir
	Path dir;

	@Test
	void defaultCascadeShipsInTheJar() throws Exception {
		assertTrue(DefaultCascade.class.getResource(DefaultCascade.RESOURCE) != null, "resource extracted by the pom");
		final Path cascade = DefaultCascade.locate();
		assertTrue(Files.size(cascade) > 100_000, cascade.toString());
		assertEquals(cascade, DefaultCascade.locate()); // extracted once
		try (FaceDetector d = FaceDetectors.openHaar()) {
			assertTrue(d.description().contains(".xml"), d.description());
		}
		try (FaceDetector d = FaceDetectors.openDefault()) {
			assertTrue(d instanceof BlazeFaceDetector && d.description().contains("full range"), d.description());
		}
	}

	@Test
	void missingCascadeListsThePlacesTried() {
		final Path a = dir.resolve("models");
		final Path b = dir.resolve("other");
		final DetectorLoadException e = assertThrows(DetectorLoadException.class,
			() -> DefaultCascade.locate("/no/such/resource.xml", Arrays.asList(a, b)));
		assertTrue(e.getMessage().contains("/no/such/resource.xml"), e.getMessage());
		assertTrue(e.getMessage().contains(a.resolve(DefaultCascade.FILE_NAME).toString()), e.getMessage());
		assertTrue(e.getMessage().contains(b.resolve(DefaultCascade.FILE_NAME).toString()), e.getMessage());
	}

	@Test
	void fallbackFolderIsUsed() throws Exception {
		final Path models = Files.createDirectories(dir.resolve("models"));
		final Path file = Files.copy(DefaultCascade.locate(), models.resolve(DefaultCascade.FILE_NAME));
		assertEquals(file, DefaultCascade.locate("/no/such/resource.xml", Arrays.asList(dir.resolve("x"), models)));
	}

	@Test
	void factoryPicksByExtension() throws Exception {
		final Path xml = Files.copy(DefaultCascade.locate(), dir.resolve("Faces.XML"));
		try (FaceDetector d = FaceDetectors.open(xml)) {
			assertTrue(d instanceof HaarCascadeDetector);
		}
		final DetectorLoadException e = assertThrows(DetectorLoadException.class, () -> FaceDetectors.open(dir.resolve("model.pb")));
		assertTrue(e.getMessage().contains("model.pb") && e.getMessage().contains(".onnx"), e.getMessage());
	}

	@Test
	void invalidCascadeIsAClearError() throws Exception {
		final Path bad = Files.write(dir.resolve("bad.xml"), "<?xml version=\"1.0\"?><nothing/>".getBytes(StandardCharsets.UTF_8));
		final DetectorLoadException e = assertThrows(DetectorLoadException.class, () -> FaceDetectors.open(bad));
		assertTrue(e.getMessage().contains("Not a valid OpenCV Haar cascade") && e.getMessage().contains("bad.xml"), e.getMessage());
		final DetectorLoadException missing = assertThrows(DetectorLoadException.class, () -> FaceDetectors.open(dir.resolve("none.xml")));
		assertTrue(missing.getMessage().contains("not found") && missing.getMessage().contains("none.xml"), missing.getMessage());
	}

	@Test
	void yuNetMissingOrInvalidModelIsAClearError() throws Exception {
		final DetectorLoadException missing = assertThrows(DetectorLoadException.class, () -> FaceDetectors.open(dir.resolve("yunet.onnx")));
		assertTrue(missing.getMessage().contains("not found") && missing.getMessage().contains("yunet.onnx"), missing.getMessage());
		final Path empty = Files.write(dir.resolve("empty.onnx"), new byte[0]);
		assertTrue(assertThrows(DetectorLoadException.class, () -> new YuNetDetector(empty)).getMessage().contains("empty"));
		final Path text = Files.write(dir.resolve("fake.onnx"), "this is not a network".getBytes(StandardCharsets.UTF_8));
		final DetectorLoadException invalid = assertThrows(DetectorLoadException.class, () -> FaceDetectors.open(text));
		assertTrue(invalid.getMessage().contains("Not a valid YuNet ONNX model") && invalid.getMessage().contains("fake.onnx"), invalid.getMessage());
	}
}
