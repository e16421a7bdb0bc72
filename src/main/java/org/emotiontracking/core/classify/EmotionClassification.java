package org.emotiontracking.core.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.emotiontracking.core.data.ImageReadException;
import org.emotiontracking.core.data.RgbImage;
import org.emotiontracking.core.detect.FaceBox;
import org.emotiontracking.core.detect.FaceCropper;
import org.emotiontracking.core.detect.FaceDetector;
import org.emotiontracking.core.detect.Faces;
import org.emotiontracking.core.model.EmotionClassifier;
import org.emotiontracking.core.report.PredictionColumn;
import org.emotiontracking.core.report.PredictionColumns;
import org.emotiontracking.core.report.PredictionRow;
import org.emotiontracking.core.util.DaemonThreads;
import org.emotiontracking.core.util.ProgressListener;

/**
 * The classification pipeline: for each input item, load (decode) -> find faces (or take the
 * whole image) -> crop with margin -> resize to the model input -> classify in batches -> rows
 * to a {@link ClassificationSink}.
 * <p>
 * <b>Threads and memory.</b> A dispatcher thread walks the input and hands items to a pool of
 * worker threads that decode, detect, crop and resize; their results wait in a bounded queue in
 * input order. The calling thread takes them in order, packs the faces into batches aligned to the
 * whole work list ({@link AlignedBatches}: a face gets the same bits in a single run and in any
 * shard), runs the model and emits rows. So decoding and detection overlap inference, and at most about
 * {@code 2 * batchSize + workers} items are in flight: memory does not grow with the input size
 * (no full image is kept after its faces are cropped).
 * <p>
 * <b>Errors.</b> An item that cannot be loaded or processed gives one row with the error column
 * filled (the message names the file and the problem) and a {@link ProgressListener#log log}
 * line; the run goes on. Errors of the input listing, of the model or of the sink stop the run.
 * <p>
 * The classifier and detector are not closed here. One instance may run several inputs, one at
 * a time per thread.
 */
public final class EmotionClassification {

	/** The optional columns of the rows (and the CSV log). */
	public static final Set<PredictionColumn> COLUMNS = Collections.unmodifiableSet(EnumSet.of(PredictionColumn.SLICE,
		PredictionColumn.FACE, PredictionColumn.X, PredictionColumn.Y, PredictionColumn.WIDTH, PredictionColumn.HEIGHT,
		PredictionColumn.KEYPOINTS, PredictionColumn.ERROR));

	private static final AtomicInteger POOLS = new AtomicInteger();
	private static final long STATUS_INTERVAL_NANOS = 250_000_000L;

	/** Analyses a video item frame by frame, sending its rows to the sink (from the calling thread). */
	public interface VideoAnalyser {
		Result analyse(ClassificationItem item, long index, ClassificationSink sink, List<String> classNames,
			ProgressListener progress) throws IOException;

		/** What a video gave. */
		final class Result {
			final long frames;
			final long rows;
			final String problem;
			final boolean failed;
			final boolean cancelled;

			/** @param problem damage or an early end (the rows before it count), or null */
			public Result(final long frames, final long rows, final String problem, final boolean cancelled) {
				this(frames, rows, problem, false, cancelled);
			}

			private Result(final long frames, final long rows, final String problem, final boolean failed,
				final boolean cancelled) {
				this.frames = frames;
				this.rows = rows;
				this.problem = problem;
				this.failed = failed;
				this.cancelled = cancelled;
			}

			/** The video could not be read at all. */
			public static Result failed(final String message) {
				return new Result(0, 0, message, true, false);
			}
		}
	}

	private final EmotionClassifier classifier;
	private final FaceDetector detector;
	private VideoAnalyser videos;
	private FaceMode mode;
	private FaceCropper cropper = new FaceCropper(0, false);
	private boolean largestOnly;
	private int minFace;
	private int batchSize = EmotionClassifier.DEFAULT_BATCH;
	private int workers = Math.max(1, Runtime.getRuntime().availableProcessors());

	/**
	 * @param classifier the model
	 * @param detector   the face detector, or null to classify whole images ({@link FaceMode#WHOLE})
	 */
	public EmotionClassification(final EmotionClassifier classifier, final FaceDetector detector) {
		this.classifier = Objects.requireNonNull(classifier, "classifier");
		this.detector = detector;
		this.mode = detector == null ? FaceMode.WHOLE : FaceMode.DETECT;
	}

	/** Applies faces, margin, align, largest, min_face and batch_size of the settings. */
	public EmotionClassification configure(final ClassifySettings s) {
		return faceMode(s.faces).cropper(FaceCropper.of(s)).largestOnly(s.largest).minFaceSize(s.min_face)
			.batchSize(s.batch_size);
	}

	/** Detect faces (needs a detector) or classify whole images. */
	public EmotionClassification faceMode(final FaceMode value) {
		if (value == FaceMode.DETECT && detector == null) throw new IllegalArgumentException(
			"faces=detect needs a face detector");
		mode = Objects.requireNonNull(value);
		return this;
	}

	/** Widens each face crop by this fraction of the face size on every side (default 0). */
	public EmotionClassification margin(final double value) {
		cropper = new FaceCropper(value, cropper.align());
		return this;
	}

	/** How faces are cut out: margin and eye-level alignment (default: the box as detected). */
	public EmotionClassification cropper(final FaceCropper value) {
		cropper = Objects.requireNonNull(value, "cropper");
		return this;
	}

	/** Only the largest face of each image (default false). */
	public EmotionClassification largestOnly(final boolean value) {
		largestOnly = value;
		return this;
	}

	/** Drops detected faces whose smaller side is below this many pixels (default 0; Haar applies its own). */
	public EmotionClassification minFaceSize(final int value) {
		minFace = value;
		return this;
	}

	/** Faces per inference batch (default {@value EmotionClassifier#DEFAULT_BATCH}). */
	public EmotionClassification batchSize(final int value) {
		if (value < 1) throw new IllegalArgumentException("Batch size must be at least 1: " + value);
		batchSize = value;
		return this;
	}

	/** How video items are analysed (null: they give an error row). */
	public EmotionClassification videoAnalyser(final VideoAnalyser value) {
		videos = value;
		return this;
	}

	/** Threads decoding and detecting (default: the number of cores). */
	public EmotionClassification workers(final int value) {
		if (value < 1) throw new IllegalArgumentException("Workers must be at least 1: " + value);
		workers = value;
		return this;
	}

	public FaceMode faceMode() { return mode; }

	/** The classifier's class names in model order. */
	public List<String> classNames() { return classifier.classNames(); }

	/** The layout of the rows (local-time timestamps). */
	public PredictionColumns columns() {
		return new PredictionColumns(classifier.classNames(), COLUMNS);
	}

	/** The layout of the rows, with the frame and time_s columns of videos if {@code videoFrames}. */
	public PredictionColumns columns(final boolean videoFrames) {
		if (!videoFrames) return columns();
		final Set<PredictionColumn> c = EnumSet.copyOf(COLUMNS);
		c.add(PredictionColumn.FRAME);
		c.add(PredictionColumn.TIME);
		return new PredictionColumns(classifier.classNames(), c);
	}

	/**
	 * Classifies every item of the input and sends the rows to the sink in input order (from the
	 * calling thread). Returns when all rows are out, or early if the listener asks to cancel (the
	 * rows of items already read are still sent).
	 *
	 * @throws IOException if the sink fails or the input cannot be listed
	 * @throws IllegalStateException if the model fails
	 */
	public ClassificationSummary classify(final ClassificationInput input, final ClassificationSink sink,
		final ProgressListener progress) throws IOException
	{
		return new Run(input, sink == null ? ClassificationSink.NONE : sink, progress == null ? ProgressListener.SILENT
			: progress).execute();
	}

	/** An item after the worker stage: its faces, ready for the model, or why there are none. */
	private static final class Prepared {
		final long index;
		final ClassificationItem item;
		final List<FaceBox> boxes;
		final RgbImage[] inputs;
		final float[][] probabilities;
		final String error;
		int done;

		Prepared(final long index, final ClassificationItem item, final List<FaceBox> boxes, final RgbImage[] inputs,
			final String error) {
			this.index = index;
			this.item = item;
			this.boxes = boxes;
			this.inputs = inputs;
			this.probabilities = new float[inputs.length][];
			this.error = error;
		}

		boolean complete() { return done == inputs.length; }
	}

	/**
	 * What the dispatcher hands the run, in input order: an item on its way through the workers, the
	 * failure of the input listing, or the end of the input.
	 */
	private static final class Slot {
		static final Slot END = new Slot(null, null);

		final Future<Prepared> item;
		final Throwable failure;

		private Slot(final Future<Prepared> item, final Throwable failure) {
			this.item = item;
			this.failure = failure;
		}

		static Slot of(final Future<Prepared> item) { return new Slot(item, null); }

		static Slot failed(final Throwable failure) { return new Slot(null, failure); }
	}

	/** The state of one {@link #classify} call. */
	private final class Run {
		private final ClassificationInput input;
		private final ClassificationSink sink;
		private final ProgressListener progress;
		private final List<String> classNames = classifier.classNames();
		private final int size = classifier.inputSize();
		private final BlockingQueue<Slot> queue = new ArrayBlockingQueue<>(2 * batchSize + workers);
		private final ArrayDeque<Prepared> pending = new ArrayDeque<>();
		private AlignedBatches<Prepared> batches;
		private long first;
		private volatile boolean stopping;

		private long images, faces, noFace, failures, labelled, correct;
		private final List<String> failureMessages = new ArrayList<>();
		private long total;
		private long lastStatus;

		Run(final ClassificationInput input, final ClassificationSink sink, final ProgressListener progress) {
			this.input = Objects.requireNonNull(input, "input");
			this.sink = sink;
			this.progress = progress;
		}

		ClassificationSummary execute() throws IOException {
			final long start = System.nanoTime();
			sink.start(columns(input.hasVideos()));
			total = input.size();
			first = input.firstIndex();
			batches = new AlignedBatches<>(batchSize, input.listSize(), size * size * 3, classifier::predictPrepared,
				(p, face, probabilities) -> {
				p.probabilities[face] = probabilities;
				p.done++;
			});
			progress.status("Classifying " + input.description());
			final ExecutorService pool = Executors.newFixedThreadPool(workers,
				DaemonThreads.named("emotion-classify-" + POOLS.incrementAndGet()));
			final Thread dispatcher = DaemonThreads.start("emotion-classify-input", () -> dispatch(pool));
			boolean cancelled = false;
			try {
				while (true) {
					if (progress.isCancelled()) {
						cancelled = true;
						break;
					}
					final Slot next = queue.poll(100, TimeUnit.MILLISECONDS); // wakes up to check for cancelling
					if (next == null) continue;
					if (next == Slot.END) break;
					if (next.failure != null) throw rethrow(next.failure);
					accept(awaitPrepared(next.item));
				}
				batches.flush();
				emitReady();
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new CancellationException("Interrupted");
			}
			finally {
				stopping = true;
				dispatcher.interrupt();
				pool.shutdownNow();
				queue.clear();
			}
			progress.progress(1);
			final double seconds = (System.nanoTime() - start) / 1e9;
			return new ClassificationSummary(images, faces, noFace, failures, failureMessages, labelled, correct,
				seconds, cancelled, Collections.emptyList());
		}

		/** Walks the input on its own thread, submitting one task per item, in order. */
		private void dispatch(final ExecutorService pool) {
			try {
				long index = 0;
				final Iterator<ClassificationItem> it = input.iterator();
				while (!stopping && it.hasNext()) {
					final ClassificationItem item = it.next();
					final long i = index++;
					queue.put(Slot.of(pool.submit(() -> prepare(i, item))));
				}
				queue.put(Slot.END);
			}
			catch (final InterruptedException e) {
				// the run is over
			}
			catch (final Throwable t) {
				try {
					if (!stopping) queue.put(Slot.failed(t));
				}
				catch (final InterruptedException e) {
					// the run is over
				}
			}
		}

		/** Worker stage: load, find faces, crop, resize to the model input. */
		private Prepared prepare(final long index, final ClassificationItem item) {
			if (item.isVideo()) return new Prepared(index, item, Collections.emptyList(), new RgbImage[0], null);
			final RgbImage image;
			try {
				image = item.load();
				if (image == null) throw new IllegalStateException("no image");
			}
			catch (final ImageReadException e) {
				return failed(index, item, e.getMessage());
			}
			catch (final Exception e) {
				return failed(index, item, "Cannot read image " + item + ": " + message(e));
			}
			try {
				List<FaceBox> boxes;
				if (mode == FaceMode.WHOLE) boxes = Collections.singletonList(
					new FaceBox(0, 0, image.width(), image.height(), 1));
				else {
					boxes = new ArrayList<>();
					for (final FaceBox b : detector.detect(image))
						if (Math.min(b.width(), b.height()) >= minFace) boxes.add(b);
					if (largestOnly) boxes = Faces.largestOnly(boxes);
				}
				final RgbImage[] inputs = new RgbImage[boxes.size()];
				for (int k = 0; k < inputs.length; k++)
					inputs[k] = classifier.prepare(mode == FaceMode.WHOLE ? image : cropper.crop(image, boxes.get(k))
						.image());
				return new Prepared(index, item, boxes, inputs, null);
			}
			catch (final RuntimeException e) {
				return failed(index, item, "Cannot classify " + item + ": " + message(e));
			}
		}

		private Prepared failed(final long index, final ClassificationItem item, final String error) {
			return new Prepared(index, item, Collections.emptyList(), new RgbImage[0], error);
		}

		private Prepared awaitPrepared(final Future<Prepared> future) throws InterruptedException, IOException {
			try {
				return future.get();
			}
			catch (final ExecutionException e) {
				throw rethrow(e.getCause());
			}
		}

		/** Queues an item's faces for the model; emits what is complete. A video is analysed here, in order. */
		private void accept(final Prepared p) throws IOException {
			if (p.item.isVideo()) {
				batches.flush();
				emitReady();
				analyseVideo(p);
				return;
			}
			pending.add(p);
			for (int k = 0; k < p.inputs.length; k++) {
				batches.add(first + p.index, k, p.inputs[k].pixels(), p);
				p.inputs[k] = null; // the packed copy is all the model needs
			}
			emitReady();
		}

		/** Sends the rows of all complete items at the head of the input order. */
		private void emitReady() throws IOException {
			while (!pending.isEmpty() && pending.peek().complete()) emit(pending.poll());
		}

		private void emit(final Prepared p) throws IOException {
			final ClassificationItem item = p.item;
			images++;
			if (p.error != null) {
				failures++;
				if (failureMessages.size() < ClassificationSummary.MAX_KEPT_FAILURES) failureMessages.add(p.error);
				progress.log("Skipped: " + p.error);
				sink.accept(base(item).error(p.error).build(), null, p.index);
			}
			else if (p.boxes.isEmpty()) {
				noFace++;
				sink.accept(base(item).error(PredictionRow.NO_FACE).build(), null, p.index);
			}
			else {
				for (int k = 0; k < p.boxes.size(); k++) {
					final FaceBox b = p.boxes.get(k);
					final float[] f = p.probabilities[k];
					final double[] probabilities = new double[f.length];
					for (int c = 0; c < f.length; c++) probabilities[c] = f[c];
					final PredictionRow.Builder row = base(item).box(b.x(), b.y(), b.width(), b.height())
						.prediction(classNames, probabilities).keypoints(b.keypoints());
					if (mode == FaceMode.DETECT) row.face(k + 1);
					final PredictionRow r = row.build();
					faces++;
					if (item.trueLabel() != null && classNames.contains(item.trueLabel())) {
						labelled++;
						if (item.trueLabel().equals(r.predictedEmotion())) correct++;
					}
					sink.accept(r, b, p.index);
				}
			}
			reportProgress(item);
		}

		/** A video: its rows stream to the sink from the analyser (the pipeline Live uses, in batch mode). */
		private void analyseVideo(final Prepared p) throws IOException {
			final ClassificationItem item = p.item;
			images++;
			if (videos == null || mode == FaceMode.WHOLE) {
				final String error = "Video " + item.name() + (videos == null ? " cannot be analysed here" :
					" needs faces=detect (faces=whole is for images of cropped faces)");
				failures++;
				if (failureMessages.size() < ClassificationSummary.MAX_KEPT_FAILURES) failureMessages.add(error);
				progress.log("Skipped: " + error);
				sink.accept(base(item).error(error).build(), null, p.index);
				reportProgress(item);
				return;
			}
			progress.status("Analysing video " + item.name());
			final VideoAnalyser.Result r = videos.analyse(item, p.index, new ClassificationSink() {
				@Override
				public void accept(final PredictionRow row, final FaceBox box, final long index) throws IOException {
					if (row.error() != null) { // a frame without a face
						sink.accept(row, box, index);
						return;
					}
					faces++;
					if (item.trueLabel() != null && classNames.contains(item.trueLabel())) {
						labelled++;
						if (item.trueLabel().equals(row.predictedEmotion())) correct++;
					}
					sink.accept(row, box, index);
				}
			}, classNames, progress);
			if (r.failed) {
				failures++;
				if (failureMessages.size() < ClassificationSummary.MAX_KEPT_FAILURES) failureMessages.add(r.problem);
				progress.log("Skipped: " + r.problem);
				sink.accept(base(item).error(r.problem).build(), null, p.index);
			}
			else {
				if (r.rows == 0) noFace++; // its frames' rows say "no face found"
				if (r.problem != null) {
					// damaged or cut short: the rows before the damage are kept; the problem counts as a failure
					failures++;
					if (failureMessages.size() < ClassificationSummary.MAX_KEPT_FAILURES) failureMessages.add(
						r.problem);
					sink.accept(base(item).error(r.problem).build(), null, p.index);
				}
			}
			reportProgress(item);
		}

		private PredictionRow.Builder base(final ClassificationItem item) {
			final PredictionRow.Builder b = PredictionRow.builder(item.name()).trueLabel(item.trueLabel());
			if (item.slice() != null) b.slice(item.slice());
			return b;
		}

		private void reportProgress(final ClassificationItem item) {
			final long now = System.nanoTime();
			if (now - lastStatus < STATUS_INTERVAL_NANOS && images != total) return;
			lastStatus = now;
			progress.status(String.format(Locale.ROOT, "Classified %d%s images (%d faces): %s", images,
				total > 0 ? " of " + total : "", faces, item.name()));
			if (total > 0) progress.progress((double) images / total);
		}
	}

	private static IOException rethrow(final Throwable t) {
		if (t instanceof IOException) return (IOException) t;
		if (t instanceof UncheckedIOException) return ((UncheckedIOException) t).getCause();
		if (t instanceof RuntimeException) throw (RuntimeException) t;
		if (t instanceof Error) throw (Error) t;
		return new IOException(t);
	}

	private static String message(final Throwable e) {
		final String m = e.getMessage();
		return m == null || m.isEmpty() ? e.getClass().getSimpleName() : m;
	}
}
