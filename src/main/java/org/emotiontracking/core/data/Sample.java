package org.emotiontracking.core.data;

import java.nio.file.Path;
import java.util.Objects;

/** One labelled training image: its file and the index of its class. Immutable. */
public final class Sample {

	private final Path path;
	private final int classIndex;

	public Sample(final Path path, final int classIndex) {
		if (classIndex < 0) throw new IllegalArgumentException("Class index must be >= 0: " + classIndex);
		this.path = Objects.requireNonNull(path);
		this.classIndex = classIndex;
	}

	public Path path() { return path; }

	/** Index into the dataset's class names. */
	public int classIndex() { return classIndex; }

	@Override
	public boolean equals(final Object o) {
		if (!(o instanceof Sample)) return false;
		final Sample s = (Sample) o;
		return classIndex == s.classIndex && path.equals(s.path);
	}

	@Override
	public int hashCode() { return path.hashCode() * 31 + classIndex; }

	@Override
	public String toString() { return path + " [" + classIndex + "]"; }
}
