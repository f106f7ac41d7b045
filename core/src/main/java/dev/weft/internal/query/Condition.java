package dev.weft.internal.query;

import dev.weft.internal.meta.ColumnProperty;

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
}
