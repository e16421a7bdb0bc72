package org.emotiontracking.cli;

import java.util.Map;

import org.emotiontracking.core.util.ProgressListener;

/** `classify`: emotions of faces in images and folders. */
final class ClassifyCli implements CliCommand {

	@Override
	public String name() { return "classify"; }

	@Override
	public String summary() { return "Classify emotions of faces in an image or a folder; writes a CSV log and charts"; }

	@Override
	public Object defaults() { return new Object(); }

	@Override
	public int run(final Map<String, String> keys, final ProgressListener progress) {
		throw new IllegalStateException("classify is being built");
	}
}
