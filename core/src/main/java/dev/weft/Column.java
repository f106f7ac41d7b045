package dev.weft;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Customises the column of a persistent field. Fields without it are columns all the same, named
 * by the field name in snake_case ({@code publishedDate} becomes {@code published_date}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Column {
    /** The column name; empty means the field name in snake_case. */
    String name() default "";

    /**
     * Whether the column accepts {@code NULL}. A primitive field cannot hold {@code null}, so its column
     * is {@code NOT NULL} whatever this says: use the box type for a nullable number.
     */
    boolean nullable() default true;

    /** Whether the column carries a {@code UNIQUE} constraint. */
    boolean unique() default false;
}
