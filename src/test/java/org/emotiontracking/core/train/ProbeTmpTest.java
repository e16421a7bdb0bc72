package org.emotiontracking.core.train;

import java.util.*;
import org.emotiontracking.core.data.*;
import org.emotiontracking.core.model.*;
import org.emotiontracking.core.engine.TensorFlowRuntime;
import org.junit.jupiter.api.Test;

class ProbeTmpTest {
	@Test
	void probe() {
		TensorFlowRuntime.engine();
		int size = Integer.getInteger("probe.size", 64);
		SyntheticFaces faces = new SyntheticFaces(size, 1);
		ModelMetadata m = new ModelMetadata(); m.alpha = 0.35; m.input_size = size; m.class_names = faces.classNames(); m.hidden_units = 64; m.dropout = 0.2;
		List<RgbImage> vims = new ArrayList<>(); int[] vl = new int[140];
		for (int i = 0; i < 140; i++) { vims.add(faces.face(i % 7, 1000 + i / 7)); vl[i] = i % 7; }
		LabelledImages val = new LabelledImages(vims, vl);
		int n = 7 * 80; List<RgbImage> ims = new ArrayList<>(); int[] labels = new int[n];
		for (int i = 0; i < n; i++) { ims.add(faces.face(i % 7, i / 7)); labels[i] = i % 7; }
		LabelledImages set = new LabelledImages(ims, labels);
		String mode = System.getProperty("probe.mode", "he");
		if (mode.equals("he")) {
			Weights he = TestModels.randomWeights(m, 3);
			try (FrozenBaseStepper st = new FrozenBaseStepper(m, he, set, val, new TrainOptions(32, 0.001, 1), null, null)) {
				for (int e = 1; e <= 60; e++) {
					EpochStats s = st.trainEpoch(e, (b, bs, r) -> true);
					if (e % 10 == 0) System.out.println("frozen-he epoch " + e + " loss " + s.loss + " acc " + s.accuracy + " VAL " + st.validate().accuracy);
				}
			}
		} else {
			double lr = Double.parseDouble(System.getProperty("probe.lr", "0.001"));
			try (FullNetworkStepper st = new FullNetworkStepper(m, null, k -> !FullNetworkStepper.isStatistic(k), l -> true, set, val,
				new TrainOptions(16, lr, 1), null, null)) {
				long t0 = System.nanoTime();
				for (int e = 1; e <= 40; e++) {
					EpochStats s = st.trainEpoch(e, (b, bs, r) -> true);
					EpochStats v = e % 5 == 0 ? st.validate() : null;
					System.out.println("full lr " + lr + " epoch " + e + " loss " + s.loss + " acc " + s.accuracy + (v == null ? "" : " VAL " + v.loss + " " + v.accuracy) + " t=" + (System.nanoTime() - t0) / 1e9);
				}
			}
		}
	}
}
