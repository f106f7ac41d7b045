package dev.weft;

/**
 * What the database does to the rows that reference a row through a foreign key when that row is
 * deleted ({@code onDelete}) or its key changes ({@code onUpdate}).
 */
public enum Action {
    /** Delete (or re-key) the referencing rows too. */
    CASCADE("CASCADE"),
    /** Set the referencing rows' key to {@code NULL}; the key must be nullable. */
    SET_NULL("SET NULL"),
    /** Refuse the change while any row references it: nothing is changed, an exception says why. */
    RESTRICT("RESTRICT");

    private final String sql;

    Action(String sql) {
        this.sql = sql;
    }

    /** The action as SQL spells it, for example {@code SET NULL}. */
    public String sql() {
        return sql;
    }
}
