package dev.weft.internal.query;

import dev.weft.internal.meta.ColumnProperty;
import dev.weft.internal.types.ColumnType;

import java.util.List;

/**
 * A filter checked against an entity: every name resolved and every value checked and converted. Paths are
 * relative to the entity being filtered: the root of the query, or inside {@link Exists} the related entity.
 */
sealed interface Condition {

    /**
     * A comparison of a column with a value: for {@code in}/{@code not_in} a list, for {@code between} a
     * list of two, for {@code isnull}/{@code notnull} a Boolean, for patterns a String; for the rest a value
     * of the column's type (a foreign key's target id). The column is reached through the to-one relations of
     * {@code path} (empty: a column of the entity itself).
     */
    record Comparison(List<Hop> path, ColumnProperty column, Lookup lookup, Object value) implements Condition {

        Comparison(ColumnProperty column, Lookup lookup, Object value) {
            this(List.of(), column, lookup, value);
        }
    }

    /**
     * Some object of the to-many {@code relation}, reached through the to-one relations of {@code path}, satisfies
     * {@code condition} (any object, where it is {@code null}). One related object must satisfy all of it.
     */
    record Exists(List<Hop> path, Hop relation, Condition condition) implements Condition {

        /** What makes two conditions on related objects about the same objects. */
        Object scope() {
            return List.of(path, relation);
        }
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
