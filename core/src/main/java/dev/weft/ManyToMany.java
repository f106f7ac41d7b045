package dev.weft;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A many-to-many relation through a junction table with one row per link.
 *
 * <p>The owning side names the junction table ({@link #through()}, default {@code <owner>_<field>} in
 * snake_case) and its columns; the inverse side is either named by {@link #backref()} here or declares
 * {@code @ManyToMany(mappedBy = "...")} itself.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ManyToMany {
    /** The junction table; empty means {@code <owner class>_<field>} in snake_case. */
    String through() default "";

    /** The name of the inverse collection field on the element class, if it declares one. */
    String backref() default "";

    /** On the inverse side: the owning field of the element class. */
    String mappedBy() default "";

    /** The junction column that references the owner; empty means {@code <owner class>_id}. */
    String joinColumn() default "";

    /** The junction column that references the element; empty means {@code <element class>_id}. */
    String inverseJoinColumn() default "";
}
