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

/**
 * Writes conditions as SQL with {@code ?} for every value, collecting the values to bind in order, each with the
 * rule that binds it ({@link Binds}), and says what of the values the SQL depends on ({@link #shape}).
 */
final class ConditionWriter {

    /**
     * Longer lists go as one JSON array parameter: no parameter limit, one statement for any length.
     * Shorter ones are padded to a power of two, so that few distinct statements are prepared.
     */
    static final int LARGE_IN_LIST = 1024;

    private static final Binds.Rule AS_TEXT = (value, into) -> into.add(new Bind(null, value));

    private final Dialect dialect;
    private final Joins joins;
    private final StringBuilder sql;
    private final Binds binds;

    /** A writer of conditions on the root entity of {@code joins}, which joins what the conditions follow. */
    ConditionWriter(Dialect dialect, Joins joins, StringBuilder sql, Binds binds) {
        this.dialect = dialect;
        this.joins = joins;
        this.sql = sql;
        this.binds = binds;
    }

    /** A writer for {@link #in} only, of columns named in full. */
    ConditionWriter(Dialect dialect, StringBuilder sql, Binds binds) {
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
            binds.add(binds.nextValueIndex(), linked.ownerId(), as(linked.ownerIdType()));
        } else {
            // NOT of an unknown (NULL) result is unknown too; make unknown false first, so that the negation
            // keeps exactly the rows the condition does not, NULLs included.
            StringBuilder inner = new StringBuilder();
            new ConditionWriter(dialect, joins, inner, binds).write(((Condition.Not) condition).condition());
            sql.append("NOT ").append(dialect.unknownAsFalse(inner.toString()));
        }
    }

    /**
     * Adds to {@code shape} all that {@link #write} needs to know of {@code condition} to write its SQL, and adds
     * the condition's values to {@code values} in the order the writer comes to them. Conditions of equal shapes
     * are written alike, and the same rules bind their values. The few facts about a value that change the SQL
     * (a NULL, an IN list's length) are its {@link #variant}.
     */
    static void shape(Condition condition, List<Object> shape, List<Object> values) {
        if (condition instanceof Condition.Comparison c) {
            shape.add(new ComparisonShape(c.path(), c.column(), c.lookup(), variant(c)));
            values.add(c.value());
        } else if (condition instanceof Condition.All all) {
            shape(Junction.ALL, all.conditions(), shape, values);
        } else if (condition instanceof Condition.Any any) {
            shape(Junction.ANY, any.conditions(), shape, values);
        } else if (condition instanceof Condition.Exists exists) {
            shape.add(new ExistsShape(exists.path(), exists.relation(), exists.condition() != null));
            if (exists.condition() != null) {
                shape(exists.condition(), shape, values);
            }
        } else if (condition instanceof Condition.Linked linked) {
            shape.add(new LinkedShape(linked.id(), linked.junction(), linked.ownerColumn(), linked.elementColumn(),
                    linked.ownerIdType()));
            values.add(linked.ownerId());
        } else {
            shape.add(Junction.NOT);
            shape(((Condition.Not) condition).condition(), shape, values);
        }
    }

    private static void shape(Junction junction, List<Condition> conditions, List<Object> shape, List<Object> values) {
        shape.add(junction);
        shape.add(conditions.size());
        for (Condition condition : conditions) {
            shape(condition, shape, values);
        }
    }

    /** What of a comparison's value decides the SQL {@link #comparison} writes for it. */
    private static Object variant(Condition.Comparison c) {
        Object value = c.value();
        return switch (c.lookup()) {
            case EQ -> value == null;
            case ISNULL, NOTNULL -> value;
            case IN, NOT_IN -> inListShape((List<?>) value);
            case ISTARTSWITH, IENDSWITH, ICONTAINS -> isAscii((String) value);
            default -> null;
        };
    }

    /** The parameters of an IN list (-1: one JSON array), and whether it holds NULL. */
    private static List<Object> inListShape(List<?> values) {
        int present = 0;
        for (Object value : values) {
            present += value == null ? 0 : 1;
        }
        int parameters = present == 0 ? 0 : present > LARGE_IN_LIST ? -1 : inListSize(present);
        return List.of(parameters, present < values.size());
    }

    private enum Junction { ALL, ANY, NOT }

    private record ComparisonShape(List<Hop> path, ColumnProperty column, Lookup lookup, Object variant) {
    }

    private record ExistsShape(List<Hop> path, Hop relation, boolean filtered) {
    }

    private record LinkedShape(ColumnProperty id, String junction, String ownerColumn, String elementColumn,
                               ColumnType ownerIdType) {
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

    /**
     * The comparison, of {@code column}: the compared column as the statement names it. Whatever of the value
     * decides the SQL written here must be in {@link #variant}.
     */
    private void comparison(Condition.Comparison c, String column) {
        int valueIndex = binds.nextValueIndex();
        Object value = c.value();
        ColumnType type = c.column().type();
        switch (c.lookup()) {
            case EQ -> {
                if (value == null) {
                    sql.append(column).append(" IS NULL");
                } else {
                    sql.append(column).append(" = ?");
                    binds.add(valueIndex, value, as(type));
                }
            }
            case NE -> {
                sql.append(dialect.nullSafeNotEqual(column));
                binds.add(valueIndex, value, as(type));
            }
            case GT -> compare(c, column, " > ", valueIndex);
            case GE -> compare(c, column, " >= ", valueIndex);
            case LT -> compare(c, column, " < ", valueIndex);
            case LE -> compare(c, column, " <= ", valueIndex);
            case ISNULL -> sql.append(column).append((Boolean) value ? " IS NULL" : " IS NOT NULL");
            case NOTNULL -> sql.append(column).append((Boolean) value ? " IS NOT NULL" : " IS NULL");
            case IN -> in(type, column, (List<?>) value, valueIndex);
            case NOT_IN -> {
                StringBuilder inner = new StringBuilder();
                new ConditionWriter(dialect, joins, inner, binds).in(type, column, (List<?>) value, valueIndex);
                sql.append("NOT ").append(dialect.unknownAsFalse(inner.toString()));
            }
            case BETWEEN -> {
                sql.append(comparable(dialect, c.column(), column)).append(" BETWEEN ")
                        .append(comparable(dialect, c.column(), "?")).append(" AND ")
                        .append(comparable(dialect, c.column(), "?"));
                binds.add(valueIndex, value, range(type));
            }
            case STARTSWITH -> glob(column, "", "*", value, valueIndex);
            case ENDSWITH -> glob(column, "*", "", value, valueIndex);
            case CONTAINS -> glob(column, "*", "*", value, valueIndex);
            case ISTARTSWITH -> like(column, "", "%", value, valueIndex);
            case IENDSWITH -> like(column, "%", "", value, valueIndex);
            case ICONTAINS -> like(column, "%", "%", value, valueIndex);
            case LIKE -> {
                sql.append(column).append(" LIKE ?");
                binds.add(valueIndex, value, AS_TEXT);
            }
            default -> throw new IllegalStateException(c.lookup().name());
        }
    }

    private void compare(Condition.Comparison c, String column, String operator, int valueIndex) {
        sql.append(comparable(dialect, c.column(), column)).append(operator).append(comparable(dialect, c.column(), "?"));
        binds.add(valueIndex, c.value(), as(c.column().type()));
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
        in(type, column, values, binds.nextValueIndex());
    }

    private void in(ColumnType type, String column, List<?> values, int valueIndex) {
        List<?> present = present(values);
        boolean withNull = present.size() < values.size();
        if (present.isEmpty()) {
            sql.append(withNull ? column + " IS NULL" : "0");
            return;
        }
        if (present.size() > LARGE_IN_LIST) {
            sql.append(withNull ? "(" : "").append(dialect.inJsonArray(column));
            binds.add(valueIndex, values, jsonArray(type));
            sql.append(withNull ? " OR " + column + " IS NULL)" : "");
            return;
        }
        int size = inListSize(present.size());
        sql.append(withNull ? "(" : "").append(column).append(" IN (");
        for (int i = 0; i < size; i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        binds.add(valueIndex, values, inList(type, size));
        sql.append(')');
        if (withNull) {
            sql.append(" OR ").append(column).append(" IS NULL)");
        }
    }

    /** The values other than null: the list itself where it holds none, as it mostly does. */
    private static List<?> present(List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                return values.stream().filter(Objects::nonNull).toList();
            }
        }
        return values;
    }

    /** The number of parameters for an IN list of {@code present} values: padded to a power of two. */
    private static int inListSize(int present) {
        return Integer.highestOneBit(present * 2 - 1);
    }

    private void glob(String column, String before, String after, Object value, int valueIndex) {
        sql.append(dialect.caseSensitiveMatch(column));
        binds.add(valueIndex, value, globPattern(dialect, before, after));
    }

    /** Escaping and the wildcards keep the text ASCII or not, as {@link #variant} says the value is. */
    private void like(String column, String before, String after, Object value, int valueIndex) {
        boolean ascii = isAscii((String) value);
        sql.append(dialect.caseInsensitiveLike(column, ascii));
        binds.add(valueIndex, value, likePattern(dialect, before, after, ascii));
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(ch -> ch < 128);
    }

    // The rules outlive the writer in a kept statement: made in static methods, they cannot hold the writer, and
    // through it the parameters of the query that was written first.

    private static Binds.Rule as(ColumnType type) {
        return (value, into) -> into.add(new Bind(type, value));
    }

    private static Binds.Rule range(ColumnType type) {
        return (bounds, into) -> {
            into.add(new Bind(type, ((List<?>) bounds).get(0)));
            into.add(new Bind(type, ((List<?>) bounds).get(1)));
        };
    }

    /** The values of an IN list, the last repeated to fill {@code size} parameters. */
    private static Binds.Rule inList(ColumnType type, int size) {
        return (values, into) -> {
            List<?> present = present((List<?>) values);
            for (int i = 0; i < size; i++) {
                into.add(new Bind(type, present.get(Math.min(i, present.size() - 1))));
            }
        };
    }

    private static Binds.Rule jsonArray(ColumnType type) {
        return (values, into) -> into.add(new Bind(null, JsonArray.of(type, present((List<?>) values))));
    }

    private static Binds.Rule globPattern(Dialect dialect, String before, String after) {
        return (text, into) -> into.add(new Bind(null, before + dialect.escapeCaseSensitivePattern((String) text) + after));
    }

    private static Binds.Rule likePattern(Dialect dialect, String before, String after, boolean ascii) {
        return (text, into) -> into.add(new Bind(null,
                dialect.caseInsensitivePattern(before + escapeLike((String) text) + after, ascii)));
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
