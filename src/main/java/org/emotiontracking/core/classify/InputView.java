package org.emotiontracking.core.classify;

import java.util.Iterator;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The items of another input with some answers given from elsewhere: whether rows get the video
 * columns (decided over the whole work list, not one shard of it) and where the items stand in the
 * whole work list. A supplier left null keeps the other input's answer; each is asked once.
 */
final class InputView implements ClassificationInput {

	private final ClassificationInput items;
	private final BooleanSupplier hasVideos;
	private final LongSupplier first, listSize;
	private Boolean videos;

	InputView(final ClassificationInput items, final BooleanSupplier hasVideos, final LongSupplier first,
		final LongSupplier listSize)
	{
		this.items = items;
		this.hasVideos = hasVideos;
		this.first = first;
		this.listSize = listSize;
	}

	@Override
	public Iterator<ClassificationItem> iterator() { return items.iterator(); }

	@Override
	public long size() { return items.size(); }

	@Override
	public String description() { return items.description(); }

	@Override
	public synchronized boolean hasVideos() {
		if (videos == null) videos = hasVideos == null ? items.hasVideos() : hasVideos.getAsBoolean();
		return videos;
	}

	@Override
	public long firstIndex() { return first == null ? items.firstIndex() : first.getAsLong(); }

	@Override
	public long listSize() { return listSize == null ? items.listSize() : listSize.getAsLong(); }
}
