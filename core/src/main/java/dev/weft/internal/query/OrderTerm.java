package dev.weft.internal.query;

import dev.weft.internal.meta.ColumnProperty;

/** One column of an ORDER BY. */
record OrderTerm(ColumnProperty column, boolean descending) {

    OrderTerm reversed() {
        return new OrderTerm(column, !descending);
    }
}
