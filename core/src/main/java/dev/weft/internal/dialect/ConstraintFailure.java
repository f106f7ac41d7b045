package dev.weft.internal.dialect;

import java.util.List;

/**
 * A constraint failure as the database reported it: which kind, and where the database says so, the
 * table and columns involved.
 */
public record ConstraintFailure(Kind kind, String table, List<String> columns) {

    public enum Kind { UNIQUE, NOT_NULL, FOREIGN_KEY, CHECK, OTHER }
}
