package dev.weft.internal.query;

import dev.weft.internal.meta.ColumnProperty;

import java.util.List;

/** One column of an ORDER BY, of the entity or of one its to-one relations in {@code path} lead to. */
record OrderTerm(List<Hop> path, ColumnProperty column, boolean descending) {

    OrderTerm(ColumnProperty column, boolean descending) {
        this(List.of(), column, descending);
    }

    OrderTerm reversed() {
        return new OrderTerm(path, column, !descending);
    }
}
