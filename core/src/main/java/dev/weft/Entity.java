package dev.weft;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as persistent: one row of one table per instance.
 *
 * <p>The table is named by {@link #table()}, or by the class's simple name in snake_case
 * ({@code BookReview} becomes {@code book_review}). Every non-static, non-transient field is a
 * column or a relation; exactly one field carries {@link Id}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Entity {
    /** The table name; empty means the class's simple name in snake_case. */
    String table() default "";
}
