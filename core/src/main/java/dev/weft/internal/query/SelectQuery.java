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
import dev.weft.internal.meta.ForeignKeyProperty;
import dev.weft.internal.meta.InverseProperty;
import dev.weft.internal.meta.Property;
import dev.weft.internal.persist.ErrorTranslator;
import dev.weft.internal.persist.LoadBatch;
import dev.weft.internal.persist.MemoryJournal;
import dev.weft.internal.persist.RowReader;
import dev.weft.internal.types.ColumnTypes;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
    private final JoinedRelations joined;
    private final PrefetchPaths prefetch;

    private SelectQuery(QueryEngine engine, Class<T> type, EntityMeta meta, List<Condition> conditions,
                        List<OrderTerm> order, long limit, long offset, JoinedRelations joined, PrefetchPaths prefetch) {
        this.engine = engine;
        this.type = type;
        this.meta = meta;
        this.conditions = conditions;
        this.order = order;
        this.limit = limit;
        this.offset = offset;
        this.joined = joined;
        this.prefetch = prefetch;
    }

    static <T> SelectQuery<T> of(QueryEngine engine, Class<T> type, EntityMeta meta) {
        return new SelectQuery<>(engine, type, meta, List.of(), List.of(), -1, 0, JoinedRelations.NONE,
                PrefetchPaths.NONE);
    }

    /** A query over the rows for which {@code scope} holds, such as the elements of one owner's relation. */
    static <T> SelectQuery<T> scoped(QueryEngine engine, Class<T> type, EntityMeta meta, Condition scope) {
        return new SelectQuery<>(engine, type, meta, List.of(scope), List.of(), -1, 0, JoinedRelations.NONE,
                PrefetchPaths.NONE);
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
            terms.add(resolver().orderTerm(field));
        }
        return with(conditions, List.copyOf(terms), limit, offset, joined, prefetch);
    }

    @Override
    public Query<T> selectRelated(String... paths) {
        return with(conditions, order, limit, offset, joined.with(meta, paths), prefetch);
    }

    @Override
    public Query<T> prefetchRelated(String... paths) {
        return with(conditions, order, limit, offset, joined, prefetch.with(meta, paths));
    }

    @Override
    public Query<T> limit(long limit) {
        if (limit < 0) {
            throw new QueryException("limit(" + limit + ") on " + meta.name() + ": a limit cannot be negative.");
        }
        return with(conditions, order, limit, offset, joined, prefetch);
    }

    @Override
    public Query<T> offset(long offset) {
        if (offset < 0) {
            throw new QueryException("offset(" + offset + ") on " + meta.name() + ": an offset cannot be negative.");
        }
        return with(conditions, order, limit, offset, joined, prefetch);
    }

    @Override
    public List<T> fetchAll() {
        return fetchAll(new LoadBatch());
    }

    /** The rows, as members of {@code batch}: their lazy relations load together with those of its other rows. */
    List<T> fetchAll(LoadBatch batch) {
        BoundStatement select = statement(Statement.ROWS);
        List<T> result = run("query " + meta.name(), () -> {
            PreparedStatement statement = engine.connector.prepare(select.sql());
            Bind.all(statement, select.parameters());
            List<T> rows = new ArrayList<>();
            RowReader reader = engine.context.reader(meta, batch);
            RowReader[] related = joined.isEmpty() ? null : joined.readers(engine.context, batch);
            try (ResultSet cursor = statement.executeQuery()) {
                while (cursor.next()) {
                    Object row = reader.read(cursor, 1);
                    if (related != null) {
                        joined.read(engine.context, row, cursor, related);
                    }
                    rows.add(type.cast(row));
                }
            }
            return rows;
        });
        if (!prefetch.isEmpty() && !result.isEmpty()) {
            prefetch.load(engine.relations(), result);
        }
        return result;
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
        return one("fetchOne()");
    }

    @Override
    public T get() {
        return one("get()").orElseThrow(() -> new NotFoundException("get() on " + meta.name() + " matched no row"
                + describeFilter() + "; use fetchOne() where absence is expected."));
    }

    private Optional<T> one(String call) {
        List<T> rows = window(2).fetchAll();
        if (rows.size() > 1) {
            throw new MultipleResultsException(call + " on " + meta.name() + " matched more than one row"
                    + describeFilter() + "; narrow the filter, or use fetchFirst() or fetchAll().");
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    @Override
    public long count() {
        BoundStatement count = statement(Statement.COUNT);
        return run("count " + meta.name() + " rows", () -> {
            PreparedStatement statement = engine.connector.prepare(count.sql());
            Bind.all(statement, count.parameters());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    @Override
    public boolean exists() {
        BoundStatement any = window(1).statement(Statement.ANY);
        return run("query " + meta.name(), () -> {
            PreparedStatement statement = engine.connector.prepare(any.sql());
            Bind.all(statement, any.parameters());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        });
    }

    @Override
    public long delete() {
        Dialect dialect = dialect();
        StatementSql ids = new StatementSql(dialect, meta);
        String sql = "DELETE FROM " + dialect.quote(meta.table()) + " WHERE " + dialect.quote(meta.id().column())
                + " IN (" + idSubquery(ids) + ")" + dialect.returning(dialect.quote(meta.id().column()));
        return run("delete " + meta.name() + " rows", () -> engine.deleter.deleteRows(meta, this::matchingIds, () -> {
            PreparedStatement statement = engine.connector.prepare(sql);
            Bind.all(statement, ids.binds());
            try (ResultSet rows = statement.executeQuery()) {
                return ColumnTypes.readAll(rows, meta.id().type(), engine.connector.textReader());
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
            ColumnProperty column = updatedColumn(entry.getKey());
            if (column instanceof ForeignKeyProperty key && key.targetType().isInstance(entry.getValue())) {
                checkNewTarget(key, entry.getValue());
            }
            // Resolved as a filter on the field would be: that checks the value and converts it for the column.
            Object value = ((Condition.Comparison) resolver().resolve(entry.getKey(), entry.getValue())).value();
            if (value == null && !column.nullable()) {
                throw new NotNullViolationException("cannot update " + meta.name() + " rows: "
                        + column.qualifiedName() + " cannot be null; give it a value.");
            }
            set.append(set.length() == 0 ? "" : ", ").append(dialect.quote(column.column())).append(" = ?");
            binds.add(new Bind(column.type(), value));
            columns.add(column);
            newValues.add(value);
        }
        StatementSql ids = new StatementSql(dialect, meta);
        String sql = "UPDATE " + dialect.quote(meta.table()) + " SET " + set + " WHERE "
                + dialect.quote(meta.id().column()) + " IN (" + idSubquery(ids) + ")"
                + dialect.returning(dialect.quote(meta.id().column()));
        binds.addAll(ids.binds());
        MemoryJournal journal = new MemoryJournal(engine.context);
        return run("update " + meta.name() + " rows", () -> {
            List<Object> updated = engine.connector.atomically(() -> {
                PreparedStatement statement = engine.connector.prepare(sql);
                Bind.all(statement, binds);
                try (ResultSet rows = statement.executeQuery()) {
                    return ColumnTypes.readAll(rows, meta.id().type(), engine.connector.textReader());
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

    /** An object an {@code update(...)} points a key at must be this database's, and not deleted. */
    private void checkNewTarget(ForeignKeyProperty key, Object target) {
        String row = key.target().name() + "#" + key.target().idOf(target);
        engine.context.checkNotElsewhere(key.target(), target, "update " + meta.name() + " rows to "
                + key.qualifiedName() + " = " + row);
        if (engine.context.isDeleted(target)) {
            throw new QueryException("update(...) on " + meta.name() + " cannot set " + key.qualifiedName() + " to "
                    + row + ": it was deleted; set it to another " + key.target().name()
                    + (key.nullable() ? " or to null." : "."));
        }
    }

    /** The column an {@code update(...)} key names: a field of the entity's own that a row can change. */
    private ColumnProperty updatedColumn(String field) {
        if (field == null) {
            throw new NullPointerException("update(...) on " + meta.name() + " got a null field name; give the "
                    + "names of " + meta.name() + "'s fields as keys.");
        }
        Property property = meta.property(field);
        if (property == meta.id()) {
            throw new QueryException("update(...) cannot change " + meta.id().qualifiedName() + ": a row keeps its id. "
                    + "To store a row under another id, save a new object and delete the old one.");
        }
        if (property instanceof ColumnProperty column) {
            return column;
        }
        if (property instanceof InverseProperty inverse && !inverse.isCollection()) {
            throw new QueryException("update(...) cannot set " + property.qualifiedName() + ": it is the inverse side "
                    + "of the one-to-one " + inverse.mappedBy().qualifiedName() + ", whose key is in the other table; "
                    + "update(...) a query of " + inverse.mappedBy().owner().name() + " instead.");
        }
        if (property != null) {
            throw new QueryException("update(...) cannot set " + property.qualifiedName() + ": it is a collection "
                    + "relation, written from its own side; change it through the relation (add, remove, set).");
        }
        if (field.contains("__")) {
            throw new QueryException("update(...) on " + meta.name() + " sets " + meta.name() + "'s own fields, not \""
                    + field + "\": give a field name without a lookup or a path. To change related rows, run "
                    + "update(...) on a query of their entity.");
        }
        throw new QueryException("update(...) on " + meta.name() + ": " + meta.name() + " has no field \"" + field
                + "\"; its fields are " + String.join(", ", meta.properties().keySet()) + ".");
    }

    /**
     * Reads the rows in pages, one statement per page as the stream is consumed, so that no connection is
     * held between pages: the stream may be dropped unfinished, or closed from any thread. Rows come in the
     * query's order with the id as the last key, so that pages neither skip nor repeat a row.
     */
    @Override
    public Stream<T> stream() {
        SelectQuery<T> ordered = withDefaultOrder(false);
        Spliterator<T> pages = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            /**
             * Which rows, in order, read when the stream starts. Paging the query itself by offset skipped rows
             * when the consumer deleted or changed earlier ones, which moved the later rows up past the offset.
             */
            private List<Object> ids;
            private int next;
            private Iterator<T> page = Collections.emptyIterator();

            @Override
            public boolean tryAdvance(Consumer<? super T> action) {
                if (ids == null) {
                    ids = ordered.matchingIds();
                }
                T row;
                do {
                    while (!page.hasNext()) {
                        if (next >= ids.size()) {
                            return false;
                        }
                        List<Object> pageIds = ids.subList(next, Math.min(ids.size(), next + STREAM_PAGE));
                        next += pageIds.size();
                        page = rowsInOrder(pageIds).iterator();
                    }
                    row = page.next();
                    // Deleted by the consumer (or a cascade of its deletes) after its page was read: a later page
                    // would not have had it either.
                } while (engine.context.isDeleted(row));
                action.accept(row);
                return true;
            }
        };
        return StreamSupport.stream(pages, false);
    }

    /**
     * The rows of these ids that still match the filter, in the order of the ids, with the relations this query
     * joins and prefetches.
     */
    private List<T> rowsInOrder(List<Object> ids) {
        List<Condition> withIds = new ArrayList<>(conditions);
        withIds.add(resolver().resolve(meta.id().name() + "__in", new ArrayList<>(ids)));
        List<T> rows = with(Collections.unmodifiableList(withIds), List.of(), -1, 0, joined, prefetch).fetchAll();
        Map<Object, T> byId = new HashMap<>(rows.size() * 2);
        for (T row : rows) {
            byId.put(engine.context.rowId(meta, row), row); // the id as read, as the ids were
        }
        List<T> inOrder = new ArrayList<>(rows.size());
        for (Object id : ids) {
            T row = byId.get(id);
            if (row != null) {
                inOrder.add(row);
            }
        }
        return inOrder;
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

    /** This query with other parts; engine, type and entity stay. */
    private SelectQuery<T> with(List<Condition> conditions, List<OrderTerm> order, long limit, long offset,
                                JoinedRelations joined, PrefetchPaths prefetch) {
        return new SelectQuery<>(engine, type, meta, conditions, order, limit, offset, joined, prefetch);
    }

    private record BoundStatement(String sql, List<Bind> parameters) {
    }

    /**
     * All that the SQL of a statement over a query depends on: the query without its values, but for the few
     * facts about them that change the SQL ({@link ConditionWriter#shape}, whose shapes of one condition after
     * another read back one way only).
     */
    record Shape(Statement kind, EntityMeta meta, List<Object> conditions, List<OrderTerm> order, int window,
                 JoinedRelations joined) {
    }

    /** The statements a query's SQL is kept for, by what they read of its rows. */
    enum Statement {
        ROWS {
            @Override
            String write(SelectQuery<?> query, StatementSql sql) {
                return query.selectSql(sql);
            }
        },
        COUNT {
            @Override
            String write(SelectQuery<?> query, StatementSql sql) {
                String where = sql.where(query.conditions);
                String window = sql.window(query.limit, query.offset);
                return window.isEmpty() ? "SELECT COUNT(*) FROM " + sql.from() + where
                        : "SELECT COUNT(*) FROM (SELECT 1 FROM " + sql.from() + where + window + ")";
            }
        },
        /** Whether there is a row: the query of at most one row, as {@code exists()} makes it. */
        ANY {
            @Override
            String write(SelectQuery<?> query, StatementSql sql) {
                String clauses = query.clauses(sql);
                return "SELECT 1 FROM " + sql.from() + clauses;
            }
        };

        abstract String write(SelectQuery<?> query, StatementSql sql);
    }

    /**
     * The statement of this query with its parameters. Its SQL is written for the first query of each shape and
     * kept for the next ones ({@link StatementTemplate}); the shape is all the SQL depends on.
     */
    private BoundStatement statement(Statement kind) {
        List<Object> conditionShapes = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            ConditionWriter.shape(conditions.get(i), conditionShapes, values);
        }
        values.add(limit);
        values.add(offset);
        Shape shape = new Shape(kind, meta, conditionShapes, order, StatementSql.windowShape(limit, offset), joined);
        StatementTemplate template = engine.template(shape);
        if (template == null) {
            StatementSql sql = new StatementSql(dialect(), meta);
            template = sql.template(kind.write(this, sql));
            engine.keep(shape, template);
            return new BoundStatement(template.sql(), sql.binds());
        }
        List<Bind> parameters = template.bind(values);
        assert writtenAlike(kind, template, parameters);
        return new BoundStatement(template.sql(), parameters);
    }

    /**
     * Whether this query, written afresh, gets the SQL and parameters its template gave: checked where assertions
     * are on, as in Weft's tests, so that a fact the shape of a query misses fails them.
     */
    private boolean writtenAlike(Statement kind, StatementTemplate template, List<Bind> parameters) {
        StatementSql sql = new StatementSql(dialect(), meta);
        String written = kind.write(this, sql);
        if (!written.equals(template.sql()) || !sql.binds().equals(parameters)) {
            throw new AssertionError("the template of " + this + " gave " + template.sql() + " with " + parameters
                    + "; written afresh it is " + written + " with " + sql.binds());
        }
        return true;
    }

    /** The SELECT of the rows, and of the relations {@code selectRelated} joins, binding into {@code sql}. */
    private String selectSql(StatementSql sql) {
        String clauses = clauses(sql); // first: the filter decides which joins may be inner
        String related = joined.isEmpty() ? "" : joined.columns(dialect(), sql);
        return "SELECT " + engine.columnList(meta) + related + " FROM " + sql.from() + clauses;
    }

    private String idSubquery(StatementSql sql) {
        String clauses = clauses(sql);
        return "SELECT " + sql.id() + " FROM " + sql.from() + clauses;
    }

    /** WHERE, ORDER BY and the window, written (and their joins made) before the FROM that needs them. */
    private String clauses(StatementSql sql) {
        return sql.where(conditions) + sql.orderBy(order) + sql.window(limit, offset);
    }

    private List<Object> matchingIds() {
        StatementSql ids = new StatementSql(dialect(), meta);
        String sql = idSubquery(ids);
        return run("query " + meta.name(), () -> {
            PreparedStatement statement = engine.connector.prepare(sql);
            Bind.all(statement, ids.binds());
            try (ResultSet rows = statement.executeQuery()) {
                return ColumnTypes.readAll(rows, meta.id().type(), engine.connector.textReader());
            }
        });
    }

    private SelectQuery<T> window(long newLimit) {
        long effective = limit == -1 ? newLimit : Math.min(limit, newLimit);
        return with(conditions, order, effective, offset, joined, prefetch);
    }

    /** The query in its order with the id as the last key, so that "first" and "last" are well defined. */
    private SelectQuery<T> withDefaultOrder(boolean reversed) {
        List<OrderTerm> terms = new ArrayList<>(order);
        if (terms.stream().noneMatch(term -> term.path().isEmpty() && term.column() == meta.id())) {
            terms.add(new OrderTerm(meta.id(), false));
        }
        if (reversed) {
            terms.replaceAll(OrderTerm::reversed);
        }
        return with(conditions, List.copyOf(terms), limit, offset, joined, prefetch);
    }

    private SelectQuery<T> where(Condition condition) {
        List<Condition> more = new ArrayList<>(conditions);
        more.add(condition);
        return with(Collections.unmodifiableList(more), order, limit, offset, joined, prefetch);
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
        return "Query<" + meta.name() + ">[" + selectSql(new StatementSql(dialect(), meta)) + "]";
    }
}
