package org.emotiontracking.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.emotiontracking.bench.AlignBenchmark;
import org.emotiontracking.bench.BuiltinModelBenchmark;
import org.emotiontracking.bench.DetectBenchmark;
import org.emotiontracking.bench.GradCamBenchmark;
import org.emotiontracking.bench.ClassifyBenchmark;
import org.emotiontracking.bench.InferenceBenchmark;
import org.emotiontracking.bench.LiveBenchmark;
import org.emotiontracking.bench.MemoryProbe;
import org.emotiontracking.bench.PyTorchComparison;
import org.emotiontracking.bench.ScaleOutBenchmark;
import org.emotiontracking.bench.TrainingBenchmark;
import org.emotiontracking.bench.VideoBenchmark;
import org.emotiontracking.core.util.ProgressListener;
import org.emotiontracking.core.util.Setting;

/** `bench`: speed and memory figures (never part of the test suite). */
final class BenchCli extends SettingsCli<BenchCli.Keys> {

	BenchCli() {
		super("bench", "Measure inference, training and classification speed and peak memory", Keys::new);
	}

	public static final class Keys {
		@Setting(
			"What to measure: all, inference, training, classify, gradcam, live, video, detect, builtin; align (not "
			+ "in all: what align= does to crops), shards (not in all)")
		public String what = "all";
		@Setting("MobileNetV2 width multiplier")
		public double alpha = 1.0;
		@Setting("Seconds per inference measurement")
		public double seconds = 10;
		@Setting("Generated images for the training benchmark (the notebook had 6,220)")
		public int train_images = 6220;
		@Setting("Epochs run without augmentation in the training benchmark")
		public int train_epochs = 16;
		@Setting("Epochs run with augmentation (the 16-epoch time is projected from them)")
		public int augmented_epochs = 1;
		@Setting("Frames of the generated video for what=live")
		public int frames = 300;
		@Setting("Input size for what=gradcam")
		public int size = 224;
		@Setting("classify: synthetic 224 px faces classified whole (0 = skip)")
		public int images = 1000;
		@Setting("classify: 640x480 photos with a face, detected (0 = skip)")
		public int photos = 300;
		@Setting("detect: timed rounds over the photos per detector")
		public int rounds = 5;
		@Setting("classify: tiny files for the memory run at 96 px (0 = skip)")
		public int files = 20000;
		@Setting(
			"inference: 640x480 photos classified end to end on ONNX Runtime, TensorFlow and a PyTorch pipeline (0 = "
			+ "skip)")
		public int end_to_end = 1000;
		@Setting("inference: rounds of the end-to-end comparison (the median is reported)")
		public int end_to_end_rounds = 3;
		@Setting("video: seconds of the 720p and 1080p H.264 clips (0 = only the memory run)")
		public double clip_seconds = 10;
		@Setting("video: alternating rounds of every=1 and every=5 end to end (the medians are reported)")
		public int video_rounds = 3;
		@Setting("video: minutes of the long video for the memory run (0 = skip)")
		public int long_minutes = 60;
		@Setting("video: frame size of the long video")
		public String long_size = "320x240";
		@Setting("video: every= for the long video")
		public int long_every = 10;
		@Setting(
			"shards (not in all): generated 224 px images classified once, as 4 shards + merge, and through SLURM "
			+ "when SLURM_CONF is set")
		public int shard_images = 400;
	}

	@Override
	int run(final Keys k, final ProgressListener progress) throws Exception {
		final List<String> report = new ArrayList<>();
		progress.log("Benchmark on " + Runtime.getRuntime().availableProcessors() + " cores, Java " +
			System.getProperty("java.version"));
		if (k.what.equals("all") || k.what.equals("inference")) report.addAll(
			InferenceBenchmark.run(k.alpha, k.seconds, progress));
		if ((k.what.equals("all") || k.what.equals("inference")) && k.end_to_end > 0) report.addAll(
			PyTorchComparison.run(k.end_to_end, Math.max(1, k.end_to_end_rounds), progress));
		if (k.what.equals("all") || k.what.equals("training")) report.addAll(TrainingBenchmark.run(
			k.train_images, k.train_epochs, k.augmented_epochs, k.alpha, progress));
		if (k.what.equals("all") || k.what.equals("live")) report.addAll(
			LiveBenchmark.run(k.alpha, k.frames, progress));
		if (k.what.equals("all") || k.what.equals("gradcam")) report.addAll(
			GradCamBenchmark.run(k.alpha, k.size, k.seconds, progress));
		if (k.what.equals("shards")) report.addAll(ScaleOutBenchmark.run(k.alpha, k.shard_images, progress));
		if (k.what.equals("all") || k.what.equals("builtin")) report.addAll(BuiltinModelBenchmark.run(
			k.alpha, k.seconds, k.frames, progress));
		if (k.what.equals("align")) report.addAll(AlignBenchmark.run(progress));
		if (k.what.equals("all") || k.what.equals("detect")) report.addAll(DetectBenchmark.run(k.rounds,
			progress));
		if (k.what.equals("all") || k.what.equals("video")) report.addAll(VideoBenchmark.run(k.alpha,
			k.clip_seconds, k.long_minutes, k.long_size, k.long_every, k.video_rounds, progress));
		if (k.what.equals("all") || k.what.equals("classify")) report.addAll(
			ClassifyBenchmark.run(k.alpha, k.images, k.photos, k.files, progress));
		progress.log(String.format(Locale.ROOT, "peak resident memory: %d MiB", MemoryProbe.peakResidentMiB()));
		return report.isEmpty() ? 2 : 0;
	}
}
