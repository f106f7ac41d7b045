package dev.weft.internal.query;

import dev.weft.Filter;
import dev.weft.MultipleResultsException;
import dev.weft.NotFoundException;
import dev.weft.Query;
import dev.weft.QueryException;
import dev.weft.internal.dialect.Dialect;
import dev.weft.internal.jdbc.SqlFailure;
import dev.weft.internal.meta.ColumnProperty;
import dev.weft.internal.meta.EntityMeta;
import dev.weft.internal.persist.ErrorTranslator;
import dev.weft.internal.persist.MemoryJournal;
import dev.weft.internal.types.ColumnType;
import dev.weft.internal.types.ColumnTypes;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** The {@link Query} implementation: an immutable value; each refinement makes a new one. */
final class SelectQuery<T> implements Query<T> {

    private static final String ALIAS = "t0";
    private static final ColumnType LONG = ColumnTypes.forJavaType(long.class).orElseThrow();

    private final QueryEngine engine;
    private final Class<T> type;
    private final EntityMeta meta;
    private final List<Condition> conditions;
    private final List<OrderTerm> order;
    private final long limit;
    private final long offset;

    private SelectQuery(QueryEngine engine, Class<T> type, EntityMeta meta, List<Condition> conditions,
                        List<OrderTerm> order, long limit, long offset) {
        this.engine = engine;
        this.type = type;
        this.meta = meta;
        this.conditions = conditions;
        this.order = order;
        this.limit = limit;
        this.offset = offset;
    }

    static <T> SelectQuery<T> of(QueryEngine engine, Class<T> type, EntityMeta meta) {
        return new SelectQuery<>(engine, type, meta, List.of(), List.of(), -1, 0);
    }

    @Override
    public Query<T> filter(String lookup, Object value) {
        return where(resolver().resolve(lookup, value));
    }

    @Override
    public Query<T> filter(Filter filter) {
        return where(resolver().resolve(filter));
    }

    @Override
    public Query<T> exclude(String lookup, Object value) {
        return where(new Condition.Not(resolver().resolve(lookup, value)));
    }

    @Override
    public Query<T> exclude(Filter filter) {
        return where(new Condition.Not(resolver().resolve(filter)));
    }

    @Override
    public Query<T> order(String... fields) {
        List<OrderTerm> terms = new ArrayList<>(fields.length);
        for (String field : fields) {
            boolean descending = field.startsWith("-");
            String name = descending ? field.substring(1) : field;
            String[] parts = name.split("__", -1);
            terms.add(new OrderTerm(resolver().column(field, parts, parts.length), descending));
        }
        return new SelectQuery<>(engine, type, meta, conditions, List.copyOf(terms), limit, offset);
    }

    @Override
    public Query<T> limit(long limit) {
        if (limit < 0) {
            throw new QueryException("limit(" + limit + ") on " + meta.name() + ": a limit cannot be negative.");
        }
        return new SelectQuery<>(engine, type, meta, conditions, order, limit, offset);
    }

    @Override
    public Query<T> offset(long offset) {
        if (offset < 0) {
            throw new QueryException("offset(" + offset + ") on " + meta.name() + ": an offset cannot be negative.");
        }
        return new SelectQuery<>(engine, type, meta, conditions, order, limit, offset);
    }

    @Override
    public List<T> fetchAll() {
        return fetch(this);
    }

    @Override
    public Optional<T> fetchFirst() {
        SelectQuery<T> first = withDefaultOrder(false);
        return first(first.limit == -1 || first.limit > 1 ? first.window(1) : first);
    }

    @Override
    public Optional<T> fetchLast() {
        if (limit != -1 || offset != 0) {
            List<T> rows = withDefaultOrder(false).fetchAll();
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(rows.size() - 1));
        }
        return first(withDefaultOrder(true).window(1));
    }

    @Override
    public Optional<T> fetchOne() {
        List<T> rows = fetch(limit == -1 || limit > 2 ? window(2) : this);
        if (rows.size() > 1) {
            throw new MultipleResultsException("fetchOne() on " + meta.name() + " matched more than one row"
                    + describeFilter() + "; narrow the filter, or use fetchFirst() or fetchAll().");
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    @Override
    public T get() {
        return fetchOne().orElseThrow(() -> new NotFoundException("get() on " + meta.name() + " matched no row"
                + describeFilter() + "; use fetchOne() where absence is expected."));
    }

    @Override
    public long count() {
        List<Bind> binds = new ArrayList<>();
        String sql = limit == -1 && offset == 0
                ? "SELECT COUNT(*) FROM " + from() + where(binds)
                : "SELECT COUNT(*) FROM (SELECT 1 FROM " + from() + where(binds) + window(binds) + ")";
        return engine.connector.withConnection(() -> {
            PreparedStatement statement = engine.connector.prepare(sql);
            Bind.all(statement, binds);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    @Override
    public boolean exists() {
        List<Bind> binds = new ArrayList<>();
        String sql = "SELECT 1 FROM " + from() + where(binds) + orderBy() + window(binds, limit == -1 ? 1 : Math.min(limit, 1));
        return engine.connector.withConnection(() -> {
            PreparedStatement statement = engine.connector.prepare(sql);
            Bind.all(statement, binds);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        });
    }

    @Override
    public long delete() {
        List<Bind> binds = new ArrayList<>();
        Dialect dialect = dialect();
        String sql = "DELETE FROM " + dialect.quote(meta.table()) + " WHERE " + dialect.quote(meta.id().column())
                + " IN (" + idSubquery(binds) + ")" + dialect.returning(dialect.quote(meta.id().column()));
        try {
            return engine.deleter.deleteRows(meta, this::matchingIds, () -> {
                PreparedStatement statement = engine.connector.prepare(sql);
                Bind.all(statement, binds);
                List<Object> ids = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.add(meta.id().type().read(rows, 1));
                    }
                }
                return ids;
            });
        } catch (SqlFailure failure) {
            throw ErrorTranslator.unexplained("cannot delete " + meta.name() + " rows", failure.sqlException());
        }
    }

    @Override
    public long update(Map<String, ?> values) {
        if (values.isEmpty()) {
            return 0;
        }
        Dialect dialect = dialect();
        List<Bind> binds = new ArrayList<>();
        List<ColumnProperty> columns = new ArrayList<>();
        List<Object> newValues = new ArrayList<>();
        StringBuilder set = new StringBuilder();
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            Condition.Comparison checked = (Condition.Comparison) resolver().resolve(entry.getKey(), entry.getValue());
            ColumnProperty column = checked.column();
            if (checked.lookup() != Lookup.EQ || column == meta.id()) {
                throw new QueryException("update(...) on " + meta.name() + " takes field names (not \""
                        + entry.getKey() + "\"), and cannot change the id.");
            }
            if (checked.value() == null && !column.nullable()) {
                throw new dev.weft.NotNullViolationException("cannot update " + meta.name() + " rows: "
                        + column.qualifiedName() + " cannot be null; give it a value.");
            }
            set.append(set.length() == 0 ? "" : ", ").append(dialect.quote(column.column())).append(" = ?");
            binds.add(new Bind(column.type(), checked.value()));
            columns.add(column);
            newValues.add(entry.getValue());
        }
        String sql = "UPDATE " + dialect.quote(meta.table()) + " SET " + set + " WHERE "
                + dialect.quote(meta.id().column()) + " IN (" + idSubquery(binds) + ")"
                + dialect.returning(dialect.quote(meta.id().column()));
        MemoryJournal journal = new MemoryJournal(engine.context);
        List<Object> updated = engine.connector.atomically(() -> {
            PreparedStatement statement = engine.connector.prepare(sql);
            Bind.all(statement, binds);
            List<Object> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(meta.id().type().read(rows, 1));
                }
            } catch (SQLException e) {
                throw engine.errors.bulkUpdateFailed(e, meta, columns, newValues);
            }
            return ids;
        }, journal::revert);
        for (Object id : updated) {
            engine.context.updatedRow(meta, id, columns, newValues, journal);
        }
        return updated.size();
    }

    @Override
    public Stream<T> stream() {
        List<Bind> binds = new ArrayList<>();
        String sql = selectSql(binds);
        engine.connector.holdForCursor();
        try {
            PreparedStatement statement = engine.connector.prepareUncached(sql);
            Bind.all(statement, binds);
            ResultSet rows = statement.executeQuery();
            Cursor cursor = new Cursor(statement, rows);
            return StreamSupport.stream(cursor, false).onClose(cursor::close);
        } catch (SQLException e) {
            engine.connector.releaseCursor();
            throw ErrorTranslator.unexplained("cannot query " + meta.name(), e);
        } catch (RuntimeException e) {
            engine.connector.releaseCursor();
            throw e;
        }
    }

    /** Reads a result set row by row, and gives the connection back when read to the end or closed. */
    private final class Cursor extends Spliterators.AbstractSpliterator<T> {
        private final PreparedStatement statement;
        private final ResultSet rows;
        private boolean open = true;

        Cursor(PreparedStatement statement, ResultSet rows) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.statement = statement;
            this.rows = rows;
        }

        @Override
        public boolean tryAdvance(Consumer<? super T> action) {
            if (!open) {
                return false;
            }
            try {
                if (!rows.next()) {
                    close();
                    return false;
                }
                action.accept(type.cast(engine.context.hydrate(meta, rows, 1)));
                return true;
            } catch (SQLException e) {
                close();
                throw ErrorTranslator.unexplained("cannot read " + meta.name() + " rows", e);
            }
        }

        void close() {
            if (open) {
                open = false;
                try {
                    statement.close();
                } catch (SQLException ignored) {
                    // Closing a statement we are done with: nothing to recover.
                } finally {
                    engine.connector.releaseCursor();
                }
            }
        }
    }

    private List<T> fetch(SelectQuery<T> query) {
        List<Bind> binds = new ArrayList<>();
        String sql = query.selectSql(binds);
        try {
            return engine.connector.withConnection(() -> {
                PreparedStatement statement = engine.connector.prepare(sql);
                Bind.all(statement, binds);
                List<T> result = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        result.add(type.cast(engine.context.hydrate(meta, rows, 1)));
                    }
                }
                return result;
            });
        } catch (SqlFailure failure) {
            throw ErrorTranslator.unexplained("cannot query " + meta.name(), failure.sqlException());
        }
    }

    private Optional<T> first(SelectQuery<T> query) {
        List<T> rows = fetch(query);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private String selectSql(List<Bind> binds) {
        return "SELECT " + columnList() + " FROM " + from() + where(binds) + orderBy() + window(binds);
    }

    private String idSubquery(List<Bind> binds) {
        return "SELECT " + ALIAS + "." + dialect().quote(meta.id().column()) + " FROM " + from() + where(binds)
                + orderBy() + window(binds);
    }

    private Collection<Object> matchingIds() {
        List<Bind> binds = new ArrayList<>();
        String sql = idSubquery(binds);
        return engine.connector.withConnection(() -> {
            PreparedStatement statement = engine.connector.prepare(sql);
            Bind.all(statement, binds);
            List<Object> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(meta.id().type().read(rows, 1));
                }
            }
            return ids;
        });
    }

    private String columnList() {
        StringBuilder columns = new StringBuilder();
        for (ColumnProperty column : meta.columns()) {
            columns.append(columns.length() == 0 ? "" : ", ").append(ALIAS).append('.').append(dialect().quote(column.column()));
        }
        return columns.toString();
    }

    private String from() {
        return dialect().quote(meta.table()) + " " + ALIAS;
    }

    private String where(List<Bind> binds) {
        if (conditions.isEmpty()) {
            return "";
        }
        StringBuilder sql = new StringBuilder(" WHERE ");
        ConditionWriter writer = new ConditionWriter(dialect(), ALIAS, sql, binds);
        for (int i = 0; i < conditions.size(); i++) {
            if (i > 0) {
                sql.append(" AND ");
            }
            writer.write(conditions.get(i));
        }
        return sql.toString();
    }

    private String orderBy() {
        if (order.isEmpty()) {
            return "";
        }
        StringBuilder sql = new StringBuilder(" ORDER BY ");
        for (int i = 0; i < order.size(); i++) {
            OrderTerm term = order.get(i);
            sql.append(i == 0 ? "" : ", ").append(ALIAS).append('.').append(dialect().quote(term.column().column()))
                    .append(term.descending() ? " DESC" : "");
        }
        return sql.toString();
    }

    private String window(List<Bind> binds) {
        return window(binds, limit);
    }

    private String window(List<Bind> binds, long limit) {
        if (limit == -1 && offset == 0) {
            return "";
        }
        binds.add(new Bind(LONG, limit));
        String sql = " LIMIT ?";
        if (offset != 0) {
            binds.add(new Bind(LONG, offset));
            sql += " OFFSET ?";
        }
        return sql;
    }


    private SelectQuery<T> window(long newLimit) {
        long effective = limit == -1 ? newLimit : Math.min(limit, newLimit);
        return new SelectQuery<>(engine, type, meta, conditions, order, effective, offset);
    }

    private SelectQuery<T> withDefaultOrder(boolean reversed) {
        List<OrderTerm> terms = order.isEmpty() ? List.of(new OrderTerm(meta.id(), false)) : order;
        if (reversed) {
            List<OrderTerm> flipped = new ArrayList<>(terms.size());
            for (OrderTerm term : terms) {
                flipped.add(term.reversed());
            }
            terms = List.copyOf(flipped);
        }
        return new SelectQuery<>(engine, type, meta, conditions, terms, limit, offset);
    }

    private SelectQuery<T> where(Condition condition) {
        List<Condition> more = new ArrayList<>(conditions);
        more.add(condition);
        return new SelectQuery<>(engine, type, meta, Collections.unmodifiableList(more), order, limit, offset);
    }

    private ConditionResolver resolver() {
        return new ConditionResolver(meta, engine.context);
    }

    private Dialect dialect() {
        return engine.connector.dialect();
    }

    private String describeFilter() {
        return conditions.isEmpty() ? "" : " for its filter";
    }

    @Override
    public String toString() {
        List<Bind> binds = new ArrayList<>();
        return "Query<" + meta.name() + ">[" + selectSql(binds) + "]";
    }
}
