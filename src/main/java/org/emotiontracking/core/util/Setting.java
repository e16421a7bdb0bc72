package org.emotiontracking.core.util;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public field of a settings class as a user key. The field name is the key, the same in the
 * CLI (key=value), in macros and in the Fiji dialogs; the description feeds --help and the README.
 * The allowed values are declared here once ({@link #range()}, {@link #choices()}; an enum's constants
 * are its choices) and checked by {@link Settings#check(Object)}; the Fiji commands' tests compare
 * their widgets' limits with them.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Setting {

	String value();

	/**
	 * The allowed numbers as an interval: {@code [0, 1]} (0 to 1), {@code [0, )} (0 or more),
	 * {@code (1, )} (more than 1), {@code [0, 1)}; empty: any number.
	 */
	String range() default "";

	/** The allowed values of a text key (any case); empty: any text. */
	String[] choices() default {};
}
