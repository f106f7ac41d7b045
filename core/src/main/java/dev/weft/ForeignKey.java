package dev.weft;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A many-to-one relation: the field holds the referenced entity, the table holds its id in a
 * column ({@code author} becomes {@code author_id}) with a {@code FOREIGN KEY} constraint and an index.
 *
 * <p>A field whose type is an entity is a foreign key even without this annotation; the annotation
 * only changes the defaults. The defaults lose no data: {@code onDelete = RESTRICT},
 * {@code onUpdate = CASCADE}, not nullable, not unique.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ForeignKey {
    /** What deleting the referenced row does to this row. */
    Action onDelete() default Action.RESTRICT;

    /** What changing the referenced row's id does to this row. */
    Action onUpdate() default Action.CASCADE;

    /** Whether the key may be {@code NULL}; {@code SET_NULL} needs it. */
    boolean nullable() default false;

    /** Whether at most one row may reference a given row: {@code true} makes the relation one-to-one. */
    boolean unique() default false;

    /** The name of the inverse field on the referenced class, if it declares one. */
    String backref() default "";

    /** The column name; empty means the field name in snake_case followed by {@code _id}. */
    String column() default "";
}
