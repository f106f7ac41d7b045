package dev.weft;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The inverse side of a foreign key: the rows of the element type whose key points at this object.
 * It has no column. Without the annotation, a collection field is the inverse of the single foreign
 * key of its element type that points back; where there are several, {@link #mappedBy()} picks one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface OneToMany {
    /** The foreign-key field of the element type that this collection is the inverse of. */
    String mappedBy() default "";

    /** The order of the elements: field names, {@code -} for descending ({@code "-publishedDate"}). */
    String orderBy() default "";
}
