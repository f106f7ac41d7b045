package dev.weft;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A one-to-one relation owned by this side: a {@link ForeignKey} whose column is {@code UNIQUE}.
 * The other side may declare a plain field of this class's type, named by {@link #backref()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface OneToOne {
    /** The name of the inverse field on the referenced class, if it declares one. */
    String backref() default "";

    /** What deleting the referenced row does to this row. */
    Action onDelete() default Action.RESTRICT;

    /** What changing the referenced row's id does to this row. */
    Action onUpdate() default Action.CASCADE;

    /** Whether the key may be {@code NULL}. */
    boolean nullable() default false;

    /** The column name; empty means the field name in snake_case followed by {@code _id}. */
    String column() default "";
}
