package org.emotiontracking.core.util;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public field of a settings class as a user key. The field name is the key, the same in the
 * CLI (key=value), in macros and in the Fiji dialogs; the description feeds --help and the README.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Setting {
	String value();
}
