package dev.weft.internal.query;

import dev.weft.Filter;
import dev.weft.MultipleResultsException;
import dev.weft.NotFoundException;
import dev.weft.NotNullViolationException;
import dev.weft.Query;
import dev.weft.QueryException;
import dev.weft.internal.dialect.Dialect;
import dev.weft.internal.jdbc.SqlFailure;
import dev.weft.internal.jdbc.SqlWork;
import dev.weft.internal.meta.ColumnProperty;
import dev.weft.internal.meta.EntityMeta;
import dev.weft.internal.persist.ErrorTranslator;
import dev.weft.internal.persist.LoadBatch;
import dev.weft.internal.persist.MemoryJournal;
import dev.weft.internal.types.ColumnTypes;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
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

    private static final int STREAM_PAGE = 1000;

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

    /** A query over the rows for which {@code scope} holds, such as the elements of one owner's relation. */
    static <T> SelectQuery<T> scoped(QueryEngine engine, Class<T> type, EntityMeta meta, Condition scope) {
        return new SelectQuery<>(engine, type, meta, List.of(scope), List.of(), -1, 0);
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
    public Query<T> selectRelated(String... paths) {
        throw new UnsupportedOperationException("selectRelated: in progress");
    }

    @Override
    public Query<T> prefetchRelated(String... paths) {
        throw new UnsupportedOperationException("prefetchRelated: in progress");
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
        return fetchAll(new LoadBatch());
    }

    /** The rows, as members of {@code batch}: their lazy relations load together with those of its other rows. */
    List<T> fetchAll(LoadBatch batch) {
        List<Bind> binds = new ArrayList<>();
        String sql = selectSql(binds);
        return run("query " + meta.name(), () -> {
            PreparedStatement statement = engine.connector.prepare(sql);
            Bind.all(statement, binds);
            List<T> result = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.add(type.cast(engine.context.hydrate(meta, rows, 1, batch)));
                }
            }
            return result;
        });
    }

    @Override
    public Optional<T> fetchFirst() {
        return first(withDefaultOrder(false).window(1));
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
        List<T> rows = window(2).fetchAll();
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
                ? "SELECT COUNT(*) FROM " + sql().from() + sql().where(conditions, binds)
                : "SELECT COUNT(*) FROM (SELECT 1 FROM " + sql().from() + sql().where(conditions, binds)
                        + sql().window(limit, offset, binds) + ")";
        return run("count " + meta.name() + " rows", () -> {
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
        String sql = "SELECT 1 FROM " + sql().from() + sql().where(conditions, binds) + sql().orderBy(order)
                + sql().window(limit == -1 ? 1 : Math.min(limit, 1), offset, binds);
        return run("query " + meta.name(), () -> {
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
        return run("delete " + meta.name() + " rows", () -> engine.deleter.deleteRows(meta, this::matchingIds, () -> {
            PreparedStatement statement = engine.connector.prepare(sql);
            Bind.all(statement, binds);
            try (ResultSet rows = statement.executeQuery()) {
                return ColumnTypes.readAll(rows, meta.id().type());
            }
        }));
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
                throw new NotNullViolationException("cannot update " + meta.name() + " rows: "
                        + column.qualifiedName() + " cannot be null; give it a value.");
            }
            set.append(set.length() == 0 ? "" : ", ").append(dialect.quote(column.column())).append(" = ?");
            binds.add(new Bind(column.type(), checked.value()));
            columns.add(column);
            newValues.add(checked.value());
        }
        String sql = "UPDATE " + dialect.quote(meta.table()) + " SET " + set + " WHERE "
                + dialect.quote(meta.id().column()) + " IN (" + idSubquery(binds) + ")"
                + dialect.returning(dialect.quote(meta.id().column()));
        MemoryJournal journal = new MemoryJournal(engine.context);
        return run("update " + meta.name() + " rows", () -> {
            List<Object> updated = engine.connector.atomically(() -> {
                PreparedStatement statement = engine.connector.prepare(sql);
                Bind.all(statement, binds);
                try (ResultSet rows = statement.executeQuery()) {
                    return ColumnTypes.readAll(rows, meta.id().type());
                } catch (SQLException e) {
                    throw engine.errors.bulkUpdateFailed(e, meta, columns, newValues);
                }
            }, journal::revert);
            for (Object id : updated) {
                engine.context.updatedRow(meta, id, columns, newValues, journal);
            }
            return (long) updated.size();
        });
    }

    /**
     * Reads the rows in pages, one statement per page as the stream is consumed, so that no connection is
     * held between pages: the stream may be dropped unfinished, or closed from any thread. Rows come in the
     * query's order with the id as the last key, so that pages neither skip nor repeat a row.
     */
    @Override
    public Stream<T> stream() {
        List<OrderTerm> pageOrder = withDefaultOrder(false).order;
        long end = limit == -1 ? Long.MAX_VALUE : offset + limit;
        Spliterator<T> pages = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            private long next = offset;
            private Iterator<T> page = Collections.emptyIterator();
            private boolean exhausted;

            @Override
            public boolean tryAdvance(Consumer<? super T> action) {
                while (!page.hasNext()) {
                    if (exhausted || next >= end) {
                        return false;
                    }
                    long size = Math.min(STREAM_PAGE, end - next);
                    List<T> rows = new SelectQuery<>(engine, type, meta, conditions, pageOrder, size, next).fetchAll();
                    exhausted = rows.size() < size;
                    next += rows.size();
                    page = rows.iterator();
                }
                action.accept(page.next());
                return true;
            }
        };
        return StreamSupport.stream(pages, false);
    }

    /** Runs work on the connection; an SQL failure no step explained gets the database's words and context. */
    private <R> R run(String action, SqlWork<R> work) {
        try {
            return engine.connector.withConnection(work);
        } catch (SqlFailure failure) {
            throw ErrorTranslator.unexplained("cannot " + action, failure.sqlException());
        }
    }

    private Optional<T> first(SelectQuery<T> query) {
        List<T> rows = query.fetchAll();
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private String selectSql(List<Bind> binds) {
        return "SELECT " + engine.columnList(meta) + " FROM " + sql().from() + sql().where(conditions, binds)
                + sql().orderBy(order) + sql().window(limit, offset, binds);
    }

    private String idSubquery(List<Bind> binds) {
        return "SELECT " + sql().id() + " FROM " + sql().from() + sql().where(conditions, binds)
                + sql().orderBy(order) + sql().window(limit, offset, binds);
    }

    private Collection<Object> matchingIds() {
        List<Bind> binds = new ArrayList<>();
        String sql = idSubquery(binds);
        return run("query " + meta.name(), () -> {
            PreparedStatement statement = engine.connector.prepare(sql);
            Bind.all(statement, binds);
            try (ResultSet rows = statement.executeQuery()) {
                return ColumnTypes.readAll(rows, meta.id().type());
            }
        });
    }

    private QuerySql sql() {
        return engine.sql(meta);
    }

    private SelectQuery<T> window(long newLimit) {
        long effective = limit == -1 ? newLimit : Math.min(limit, newLimit);
        return new SelectQuery<>(engine, type, meta, conditions, order, effective, offset);
    }

    /** The query in its order with the id as the last key, so that "first" and "last" are well defined. */
    private SelectQuery<T> withDefaultOrder(boolean reversed) {
        List<OrderTerm> terms = new ArrayList<>(order);
        if (terms.stream().noneMatch(term -> term.column() == meta.id())) {
            terms.add(new OrderTerm(meta.id(), false));
        }
        if (reversed) {
            terms.replaceAll(OrderTerm::reversed);
        }
        return new SelectQuery<>(engine, type, meta, conditions, List.copyOf(terms), limit, offset);
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
        return "Query<" + meta.name() + ">[" + selectSql(new ArrayList<>()) + "]";
    }
}
