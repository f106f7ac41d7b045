package dev.weft.internal.query;

import dev.weft.internal.dialect.Dialect;
import dev.weft.internal.meta.ColumnProperty;
import dev.weft.internal.meta.EntityMeta;

/** The SQL every statement over one entity starts from: its table under {@link #ALIAS}, its columns, its id. */
final class QuerySql {

    static final String ALIAS = "t0";

    private final Dialect dialect;
    private final EntityMeta meta;

    QuerySql(Dialect dialect, EntityMeta meta) {
        this.dialect = dialect;
        this.meta = meta;
    }

    /** Every column of the entity, qualified by the alias, in the order rows are read. */
    String columns() {
        return columns(dialect, meta, ALIAS);
    }

    /** Every column of {@code meta}, qualified by {@code alias}, in the order rows are read. */
    static String columns(Dialect dialect, EntityMeta meta, String alias) {
        StringBuilder columns = new StringBuilder();
        for (ColumnProperty column : meta.columns()) {
            columns.append(columns.length() == 0 ? "" : ", ").append(alias).append('.').append(dialect.quote(column.column()));
        }
        return columns.toString();
    }

    String from() {
        return dialect.quote(meta.table()) + " " + ALIAS;
    }

    /** The id column qualified by the alias. */
    String id() {
        return ALIAS + "." + dialect.quote(meta.id().column());
    }
}
