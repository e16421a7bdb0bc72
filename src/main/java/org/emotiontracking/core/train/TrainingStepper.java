package org.emotiontracking.core.train;

import org.emotiontracking.core.model.Weights;

/** One way of training: runs epochs, validates, and hands out the network's current weights. */
interface TrainingStepper extends AutoCloseable {

	/** Called after each batch; return false to stop (cancel) between batches. */
	interface BatchListener {
		boolean batchDone(int batch, int batches, EpochStats running);
	}

	/** One pass over the training images; null if cancelled part-way. */
	EpochStats trainEpoch(int epoch, BatchListener listener);

	EpochStats validate();

	/** All weights of the network (base and head), as they are now. */
	Weights snapshot();

	@Override
	void close();
}
