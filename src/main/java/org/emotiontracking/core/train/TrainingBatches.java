package org.emotiontracking.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import org.emotiontracking.core.data.Augmenter;
import org.emotiontracking.core.data.RgbImage;

/**
 * What every {@link TrainingStepper} trains and validates on: the training and validation images, the
 * options, and the training images cut into shuffled batches each epoch, augmented on worker threads
 * (while TensorFlow runs the current batch) when augmentation is on.
 */
final class TrainingBatches {

	final LabelledImages train, validation;
	final TrainOptions options;
	/** Null without augmentation. */
	private final Augmenter augmenter;
	private final ExecutorService workers;

	TrainingBatches(final TrainingData data, final TrainOptions options, final Augmenter augmenter,
		final ExecutorService workers)
	{
		this.train = data.train;
		this.validation = data.validation;
		this.options = options;
		this.augmenter = augmenter;
		this.workers = workers;
	}

	/** Whether each epoch trains on new augmented copies of the training images. */
	boolean augmented() { return augmenter != null; }

	/** The training images' order in {@code epoch}: shuffled, seeded by the seed and the epoch. */
	int[] order(final int epoch) {
		return Tensors.shuffled(train.size(), options.seed * 1_000_003L + epoch);
	}

	/** Batches in one pass over the training images. */
	int count() {
		return (train.size() + options.batchSize - 1) / options.batchSize;
	}

	/** The end (exclusive) of the training batch that starts at position {@code from}. */
	int end(final int from) {
		return Math.min(train.size(), from + options.batchSize);
	}

	/** The training images of the batch at {@code from} in {@code order}, as they are. */
	List<RgbImage> images(final int[] order, final int from) {
		final int to = end(from);
		final List<RgbImage> images = new ArrayList<>(to - from);
		for (int i = from; i < to; i++) images.add(train.images.get(order[i]));
		return images;
	}

	/**
	 * The batch at {@code from} in {@code order} as it trains in {@code epoch}: augmented on a worker
	 * thread (seeded per image and epoch), or the images as they are without augmentation.
	 */
	CompletableFuture<List<RgbImage>> trainingImages(final int[] order, final int from, final int epoch) {
		final List<RgbImage> images = images(order, from);
		if (augmenter == null) return CompletableFuture.completedFuture(images);
		final long[] indices = new long[images.size()];
		for (int i = 0; i < indices.length; i++) indices[i] = order[from + i];
		return CompletableFuture.supplyAsync(() -> augmenter.augmentBatch(images, indices, options.seed, epoch, null),
			workers);
	}
}
