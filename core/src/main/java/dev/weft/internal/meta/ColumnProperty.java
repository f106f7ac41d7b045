package dev.weft.internal.meta;

import dev.weft.internal.types.ColumnType;

import java.lang.reflect.Field;

/** A field stored in a column of the entity's own table. */
public class ColumnProperty extends Property {

    private final String column;
    private final ColumnType type;
    private final boolean nullable;
    private final boolean unique;
    private int columnIndex;

    ColumnProperty(Field field, int slot, String column, ColumnType type, boolean nullable, boolean unique) {
        super(field, slot);
        this.column = column;
        this.type = type;
        this.nullable = nullable;
        this.unique = unique;
    }

    public String column() {
        return column;
    }

    /** The type of the column's values; for a foreign key, the type of the target's id. */
    public ColumnType type() {
        return type;
    }

    public boolean nullable() {
        return nullable;
    }

    public boolean unique() {
        return unique;
    }

    /** The position of this column among the entity's columns, the id being 0. */
    public int columnIndex() {
        return columnIndex;
    }

    void columnIndex(int columnIndex) {
        this.columnIndex = columnIndex;
    }

    /** Whether the field is a primitive, which cannot hold {@code null}. */
    public boolean primitive() {
        return field().getType().isPrimitive();
    }
}
