package dev.weft.internal.query;

import dev.weft.internal.dialect.Dialect;
import dev.weft.internal.meta.ColumnProperty;
import dev.weft.internal.meta.EntityMeta;
import dev.weft.internal.meta.InverseProperty;
import dev.weft.internal.meta.ManyToManyProperty;
import dev.weft.internal.types.ColumnType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** Writes conditions as SQL with {@code ?} for every value, collecting the values to bind in order. */
final class ConditionWriter {

    /**
     * Longer lists go as one JSON array parameter: no parameter limit, one statement for any length.
     * Shorter ones are padded to a power of two, so that few distinct statements are prepared.
     */
    static final int LARGE_IN_LIST = 1024;

    private final Dialect dialect;
    private final Joins joins;
    private final StringBuilder sql;
    private final List<Bind> binds;

    /** A writer of conditions on the root entity of {@code joins}, which joins what the conditions follow. */
    ConditionWriter(Dialect dialect, Joins joins, StringBuilder sql, List<Bind> binds) {
        this.dialect = dialect;
        this.joins = joins;
        this.sql = sql;
        this.binds = binds;
    }

    /** A writer for {@link #in} only, of columns named in full. */
    ConditionWriter(Dialect dialect, StringBuilder sql, List<Bind> binds) {
        this(dialect, null, sql, binds);
    }

    /**
     * Tells the joins which paths every row that {@code condition} keeps reaches: those of its comparisons that
     * are never true of NULL, and of its to-many tests, unless under an OR or a NOT.
     */
    void requireReached(Condition condition) {
        if (condition instanceof Condition.All all) {
            all.conditions().forEach(this::requireReached);
        } else if (condition instanceof Condition.Comparison comparison && !comparison.path().isEmpty()
                && neverTrueOfNull(comparison)) {
            joins.require(comparison.path());
        } else if (condition instanceof Condition.Exists exists && !exists.path().isEmpty()) {
            joins.require(exists.path()); // the owner's id IN (...): never true of a missing owner's NULL id
        }
    }

    private static boolean neverTrueOfNull(Condition.Comparison c) {
        return switch (c.lookup()) {
            case EQ -> c.value() != null;
            case NE, NOT_IN -> false;
            case ISNULL -> !(Boolean) c.value();
            case NOTNULL -> (Boolean) c.value();
            case IN -> ((List<?>) c.value()).stream().noneMatch(Objects::isNull);
            default -> true; // orderings, BETWEEN and patterns are unknown for NULL
        };
    }

    void write(Condition condition) {
        if (condition instanceof Condition.Comparison comparison) {
            comparison(comparison);
        } else if (condition instanceof Condition.All all) {
            junction(all.conditions(), " AND ", "1");
        } else if (condition instanceof Condition.Any any) {
            junction(any.conditions(), " OR ", "0");
        } else if (condition instanceof Condition.Exists exists) {
            exists(exists);
        } else if (condition instanceof Condition.Linked linked) {
            sql.append(joins.column(joins.rootAlias(), linked.id().column())).append(" IN (SELECT ")
                    .append(dialect.quote(linked.elementColumn())).append(" FROM ").append(dialect.quote(linked.junction()))
                    .append(" WHERE ").append(dialect.quote(linked.ownerColumn())).append(" = ?)");
            binds.add(new Bind(linked.ownerIdType(), linked.ownerId()));
        } else {
            // NOT of an unknown (NULL) result is unknown too; make unknown false first, so that the negation
            // keeps exactly the rows the condition does not, NULLs included.
            StringBuilder inner = new StringBuilder();
            new ConditionWriter(dialect, joins, inner, binds).write(((Condition.Not) condition).condition());
            sql.append("NOT ").append(dialect.unknownAsFalse(inner.toString()));
        }
    }

    /**
     * The owner's id among those of the owners of matching related objects: {@code id IN (SELECT key FROM ...)}.
     * A row matches once however many related objects do. Measured on SQLite against a correlated EXISTS and a
     * JOIN with DISTINCT, the uncorrelated subquery was as fast or several times faster wherever the filter is
     * on the related side, since it runs once and its ids drive the outer lookup (docs/queries.md).
     */
    private void exists(Condition.Exists exists) {
        String owner = joins.alias(exists.path());
        Hop hop = exists.relation();
        sql.append(joins.column(owner, hop.from().id().column())).append(" IN (SELECT ");
        if (hop.relation() instanceof ManyToManyProperty m2m && onlyElementId(exists.condition(), hop.to())) {
            // Any link will do, or links to given ids: the junction table alone answers.
            String link = joins.newAlias();
            sql.append(joins.column(link, m2m.ownerColumn())).append(" FROM ")
                    .append(dialect.quote(m2m.junction().table())).append(' ').append(link);
            if (exists.condition() instanceof Condition.Comparison byId) {
                sql.append(" WHERE ");
                comparison(byId, joins.column(link, m2m.elementColumn()));
            }
            sql.append(')');
            return;
        }
        Joins related = joins.subquery(hop.to());
        String element = related.rootAlias();
        StringBuilder where = new StringBuilder();
        if (exists.condition() != null) {
            where.append(" WHERE ");
            ConditionWriter writer = new ConditionWriter(dialect, related, where, binds);
            writer.requireReached(exists.condition());
            writer.write(exists.condition());
        }
        if (hop.relation() instanceof InverseProperty inverse) {
            sql.append(related.column(element, inverse.mappedBy().column())).append(" FROM ").append(related.from());
        } else {
            ManyToManyProperty m2m = (ManyToManyProperty) hop.relation();
            String link = joins.newAlias();
            sql.append(related.column(link, m2m.ownerColumn())).append(" FROM ")
                    .append(dialect.quote(m2m.junction().table())).append(' ').append(link).append(" JOIN ")
                    .append(dialect.quote(hop.to().table())).append(' ').append(element).append(" ON ")
                    .append(related.column(element, hop.to().id().column())).append(" = ")
                    .append(related.column(link, m2m.elementColumn())).append(related.joinClause());
        }
        sql.append(where).append(')');
    }

    private static boolean onlyElementId(Condition condition, EntityMeta element) {
        return condition == null || condition instanceof Condition.Comparison c && c.path().isEmpty()
                && c.column() == element.id();
    }

    private void junction(List<Condition> conditions, String operator, String empty) {
        if (conditions.isEmpty()) {
            sql.append(empty);
            return;
        }
        sql.append('(');
        for (int i = 0; i < conditions.size(); i++) {
            if (i > 0) {
                sql.append(operator);
            }
            write(conditions.get(i));
        }
        sql.append(')');
    }

    private void comparison(Condition.Comparison c) {
        comparison(c, joins.column(joins.alias(c.path()), c.column().column()));
    }

    /** The comparison, of {@code column}: the compared column as the statement names it. */
    private void comparison(Condition.Comparison c, String column) {
        Object value = c.value();
        switch (c.lookup()) {
            case EQ -> {
                if (value == null) {
                    sql.append(column).append(" IS NULL");
                } else {
                    sql.append(column).append(" = ?");
                    bind(c, value);
                }
            }
            case NE -> {
                sql.append(dialect.nullSafeNotEqual(column));
                bind(c, value);
            }
            case GT -> compare(c, column, " > ");
            case GE -> compare(c, column, " >= ");
            case LT -> compare(c, column, " < ");
            case LE -> compare(c, column, " <= ");
            case ISNULL -> sql.append(column).append((Boolean) value ? " IS NULL" : " IS NOT NULL");
            case NOTNULL -> sql.append(column).append((Boolean) value ? " IS NOT NULL" : " IS NULL");
            case IN -> in(c.column().type(), column, (List<?>) value);
            case NOT_IN -> {
                StringBuilder inner = new StringBuilder();
                new ConditionWriter(dialect, joins, inner, binds).in(c.column().type(), column, (List<?>) value);
                sql.append("NOT ").append(dialect.unknownAsFalse(inner.toString()));
            }
            case BETWEEN -> {
                List<?> bounds = (List<?>) value;
                sql.append(comparable(dialect, c.column(), column)).append(" BETWEEN ")
                        .append(comparable(dialect, c.column(), "?")).append(" AND ")
                        .append(comparable(dialect, c.column(), "?"));
                bind(c, bounds.get(0));
                bind(c, bounds.get(1));
            }
            case STARTSWITH -> glob(column, dialect.escapeCaseSensitivePattern((String) value) + "*");
            case ENDSWITH -> glob(column, "*" + dialect.escapeCaseSensitivePattern((String) value));
            case CONTAINS -> glob(column, "*" + dialect.escapeCaseSensitivePattern((String) value) + "*");
            case ISTARTSWITH -> like(column, escapeLike((String) value) + "%");
            case IENDSWITH -> like(column, "%" + escapeLike((String) value));
            case ICONTAINS -> like(column, "%" + escapeLike((String) value) + "%");
            case LIKE -> {
                sql.append(column).append(" LIKE ?");
                binds.add(new Bind(null, value));
            }
            default -> throw new IllegalStateException(c.lookup().name());
        }
    }

    private void compare(Condition.Comparison c, String column, String operator) {
        sql.append(comparable(dialect, c.column(), column)).append(operator).append(comparable(dialect, c.column(), "?"));
        bind(c, c.value());
    }

    /**
     * An expression that orders like the column's values: decimals are stored as exact text, which must
     * be compared as numbers ({@code "9" < "10"}).
     */
    static String comparable(Dialect dialect, ColumnProperty column, String expression) {
        return column.type().javaType() == BigDecimal.class ? dialect.decimalComparable(expression) : expression;
    }

    /** {@code column IN (...)} for the values of a column of {@code type}; {@code column} is written as given. */
    void in(ColumnType type, String column, List<?> values) {
        List<?> present = values.stream().filter(Objects::nonNull).toList();
        boolean withNull = present.size() < values.size();
        if (present.isEmpty()) {
            sql.append(withNull ? column + " IS NULL" : "0");
            return;
        }
        if (present.size() > LARGE_IN_LIST) {
            sql.append(withNull ? "(" : "").append(dialect.inJsonArray(column));
            binds.add(new Bind(null, JsonArray.of(type, present)));
            sql.append(withNull ? " OR " + column + " IS NULL)" : "");
            return;
        }
        int size = Integer.highestOneBit(present.size() * 2 - 1);
        sql.append(withNull ? "(" : "").append(column).append(" IN (");
        for (int i = 0; i < size; i++) {
            sql.append(i == 0 ? "?" : ", ?");
            binds.add(new Bind(type, present.get(Math.min(i, present.size() - 1))));
        }
        sql.append(')');
        if (withNull) {
            sql.append(" OR ").append(column).append(" IS NULL)");
        }
    }

    private void glob(String column, String pattern) {
        sql.append(dialect.caseSensitiveMatch(column));
        binds.add(new Bind(null, pattern));
    }

    private void like(String column, String pattern) {
        boolean ascii = pattern.chars().allMatch(ch -> ch < 128);
        sql.append(dialect.caseInsensitiveLike(column, ascii));
        binds.add(new Bind(null, dialect.caseInsensitivePattern(pattern, ascii)));
    }

    private void bind(Condition.Comparison c, Object value) {
        binds.add(new Bind(c.column().type(), value));
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
