package dev.weft.internal.query;

import dev.weft.internal.dialect.Dialect;
import dev.weft.internal.meta.EntityMeta;
import dev.weft.internal.types.ColumnType;
import dev.weft.internal.types.ColumnTypes;

import java.util.List;

/**
 * The clauses of one statement over an entity, written in the order their values are bound: WHERE, ORDER BY, the
 * LIMIT window. The FROM, with the joins those clauses follow, is asked for last.
 */
final class StatementSql {

    private static final ColumnType LONG = ColumnTypes.forJavaType(long.class).orElseThrow();
    private static final Binds.Rule AS_LONG = (value, into) -> into.add(new Bind(LONG, value));
    /** {@link #windowShape}s. */
    private static final int NO_WINDOW = 0;
    private static final int LIMIT = 1;
    private static final int LIMIT_AND_OFFSET = 2;

    private final Dialect dialect;
    private final Joins joins;
    private final Binds binds = new Binds();

    StatementSql(Dialect dialect, EntityMeta meta) {
        this.dialect = dialect;
        this.joins = Joins.of(dialect, meta);
    }

    Joins joins() {
        return joins;
    }

    /** The values to bind, in the order of the clauses written so far. */
    List<Bind> binds() {
        return binds.parameters();
    }

    /** The clauses written so far, with how to bind another query's values to them. */
    StatementTemplate template(String sql) {
        return new StatementTemplate(sql, binds.slots());
    }

    String from() {
        return joins.from();
    }

    String where(List<Condition> conditions) {
        if (conditions.isEmpty()) {
            return "";
        }
        StringBuilder sql = new StringBuilder(" WHERE ");
        ConditionWriter writer = new ConditionWriter(dialect, joins, sql, binds);
        conditions.forEach(writer::requireReached);
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
            String column = joins.column(joins.alias(term.path()), term.column().column());
            sql.append(i == 0 ? "" : ", ").append(ConditionWriter.comparable(dialect, term.column(), column))
                    .append(term.descending() ? " DESC" : "");
        }
        return sql.toString();
    }

    /**
     * {@code LIMIT ? OFFSET ?}, or nothing for a query without a window ({@code limit} -1: none). The limit and
     * the offset are the query's last two values, bound or not.
     */
    String window(long limit, long offset) {
        int limitValue = binds.nextValueIndex();
        int offsetValue = binds.nextValueIndex();
        int shape = windowShape(limit, offset);
        if (shape == NO_WINDOW) {
            return "";
        }
        binds.add(limitValue, limit, AS_LONG);
        if (shape == LIMIT) {
            return " LIMIT ?";
        }
        binds.add(offsetValue, offset, AS_LONG);
        return " LIMIT ? OFFSET ?";
    }

    /** What of a window its SQL depends on: whether there is one, and whether it has an offset. */
    static int windowShape(long limit, long offset) {
        return limit == -1 && offset == 0 ? NO_WINDOW : offset == 0 ? LIMIT : LIMIT_AND_OFFSET;
    }

    /** The id column of the root entity. */
    String id() {
        return joins.column(joins.rootAlias(), joins.root().id().column());
    }
}
