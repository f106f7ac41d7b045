package dev.weft.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@code Database} parameter of a test using {@link WeftDatabaseExtension}: open the database on a
 * file in a temporary directory instead of in memory. {@link Databases#pathOf} gives the file.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface OnFile {
}
