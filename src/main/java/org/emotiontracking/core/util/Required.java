package org.emotiontracking.core.util;

/**
 * What the caller of a settings class's {@code validate(Required...)} needs on top of values inside
 * their limits: the same settings are complete for one caller and not for another (a Fiji command on
 * the open image needs no {@code input=}; the command line does).
 */
public enum Required {
	/** The input key ({@code input=}, for training {@code dataset=}) is set and names something that exists. */
	INPUT,
	/** The output key ({@code output=}) is set. */
	OUTPUT
}
