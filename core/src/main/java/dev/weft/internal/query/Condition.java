package dev.weft.internal.query;

import dev.weft.internal.meta.ColumnProperty;
import dev.weft.internal.types.ColumnType;

import java.util.List;

/** A filter checked against an entity: every name resolved and every value checked and converted. */
sealed interface Condition {

    /**
     * A comparison of a column with a value: for {@code in}/{@code not_in} a list, for {@code between} a
     * list of two, for {@code isnull}/{@code notnull} a Boolean, for patterns a String; for the rest a value
     * of the column's type (a foreign key's target id).
     */
    record Comparison(ColumnProperty column, Lookup lookup, Object value) implements Condition {
    }

    record All(List<Condition> conditions) implements Condition {
    }

    record Any(List<Condition> conditions) implements Condition {
    }

    record Not(Condition condition) implements Condition {
    }

    /**
     * The row is linked to one owner through a junction table: its {@code id} is among the junction's
     * {@code elementColumn} values of the rows whose {@code ownerColumn} is {@code ownerId}.
     */
    record Linked(ColumnProperty id, String junction, String ownerColumn, String elementColumn, ColumnType ownerIdType,
                  Object ownerId) implements Condition {
    }
}
