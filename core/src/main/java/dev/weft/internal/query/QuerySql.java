package dev.weft.internal.query;

import dev.weft.internal.dialect.Dialect;
import dev.weft.internal.meta.ColumnProperty;
import dev.weft.internal.meta.EntityMeta;
import dev.weft.internal.types.ColumnType;
import dev.weft.internal.types.ColumnTypes;

import java.util.List;

/**
 * The SQL of one query's clauses: FROM, WHERE, ORDER BY and the LIMIT window, each appending the values
 * it binds, in order, to the list it is given.
 */
final class QuerySql {

    static final String ALIAS = "t0";
    private static final ColumnType LONG = ColumnTypes.forJavaType(long.class).orElseThrow();

    private final Dialect dialect;
    private final EntityMeta meta;

    QuerySql(Dialect dialect, EntityMeta meta) {
        this.dialect = dialect;
        this.meta = meta;
    }

    /** Every column of the entity, qualified by the alias, in the order rows are read. */
    String columns() {
        StringBuilder columns = new StringBuilder();
        for (ColumnProperty column : meta.columns()) {
            columns.append(columns.length() == 0 ? "" : ", ").append(ALIAS).append('.').append(dialect.quote(column.column()));
        }
        return columns.toString();
    }

    String from() {
        return dialect.quote(meta.table()) + " " + ALIAS;
    }

    String where(List<Condition> conditions, List<Bind> binds) {
        if (conditions.isEmpty()) {
            return "";
        }
        StringBuilder sql = new StringBuilder(" WHERE ");
        ConditionWriter writer = new ConditionWriter(dialect, ALIAS, sql, binds);
        for (int i = 0; i < conditions.size(); i++) {
            if (i > 0) {
                sql.append(" AND ");
            }
            writer.write(conditions.get(i));
        }
        return sql.toString();
    }

    String orderBy(List<OrderTerm> order) {
        if (order.isEmpty()) {
            return "";
        }
        StringBuilder sql = new StringBuilder(" ORDER BY ");
        for (int i = 0; i < order.size(); i++) {
            OrderTerm term = order.get(i);
            String column = ALIAS + "." + dialect.quote(term.column().column());
            sql.append(i == 0 ? "" : ", ").append(ConditionWriter.comparable(dialect, term.column(), column))
                    .append(term.descending() ? " DESC" : "");
        }
        return sql.toString();
    }

    /** {@code LIMIT ? OFFSET ?}, or nothing for a query without a window ({@code limit} -1: none). */
    String window(long limit, long offset, List<Bind> binds) {
        if (limit == -1 && offset == 0) {
            return "";
        }
        binds.add(new Bind(LONG, limit));
        if (offset == 0) {
            return " LIMIT ?";
        }
        binds.add(new Bind(LONG, offset));
        return " LIMIT ? OFFSET ?";
    }

    /** The id column qualified by the alias. */
    String id() {
        return ALIAS + "." + dialect.quote(meta.id().column());
    }
}
