package dev.weft.internal.meta;

import dev.weft.Action;
import dev.weft.internal.types.ColumnType;

import java.lang.reflect.Field;

/**
 * A many-to-one (or, when unique, one-to-one) relation: the field holds the target entity, the column
 * holds its id.
 */
public final class ForeignKeyProperty extends ColumnProperty {

    private final Class<?> targetType;
    private final Action onDelete;
    private final Action onUpdate;
    private final String backref;
    private EntityMeta target;
    private Property inverse;

    ForeignKeyProperty(Field field, int slot, String column, ColumnType idType, boolean nullable, boolean unique,
                       Class<?> targetType, Action onDelete, Action onUpdate, String backref) {
        super(field, slot, column, idType, nullable, unique);
        this.targetType = targetType;
        this.onDelete = onDelete;
        this.onUpdate = onUpdate;
        this.backref = backref;
    }

    /** The type of the target's id, which the column holds. */
    @Override
    public ColumnType type() {
        return target.id().type();
    }

    public Class<?> targetType() {
        return targetType;
    }

    public EntityMeta target() {
        return target;
    }

    void target(EntityMeta target) {
        this.target = target;
    }

    public Action onDelete() {
        return onDelete;
    }

    public Action onUpdate() {
        return onUpdate;
    }

    /** Whether at most one row may point at a given target: a one-to-one relation. */
    public boolean oneToOne() {
        return unique();
    }

    /** The inverse field declared on the target, named by {@code backref} or found by {@code mappedBy}; may be null. */
    public Property inverse() {
        return inverse;
    }

    void inverse(Property inverse) {
        this.inverse = inverse;
    }

    String backref() {
        return backref;
    }
}
