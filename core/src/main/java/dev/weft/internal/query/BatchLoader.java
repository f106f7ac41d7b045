package dev.weft.internal.query;

import dev.weft.Query;
import dev.weft.internal.jdbc.SqlFailure;
import dev.weft.internal.meta.EntityMeta;
import dev.weft.internal.meta.ForeignKeyProperty;
import dev.weft.internal.meta.JunctionTable;
import dev.weft.internal.persist.Cohort;
import dev.weft.internal.persist.EntityState;
import dev.weft.internal.persist.ErrorTranslator;
import dev.weft.internal.persist.LoadBatch;
import dev.weft.internal.persist.PersistenceContext;
import dev.weft.internal.persist.RowReader;
import dev.weft.internal.types.ColumnType;
import dev.weft.internal.types.TextReader;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads lazy relations for a whole cohort at once: the rows of hollow references, and the elements of
 * one-to-many, one-to-one and many-to-many relations, each with one query whatever the number of owners. Long
 * id lists go as one JSON array parameter, so SQLite's parameter limit never splits a load.
 */
public final class BatchLoader implements PersistenceContext.RowLoader {

    private final QueryEngine engine;
    private final PointSelect pointSelect;

    public BatchLoader(QueryEngine engine, PointSelect pointSelect) {
        this.engine = engine;
        this.pointSelect = pointSelect;
    }

    /** Loads the row of a hollow reference, with the rows of every other hollow reference of its cohort. */
    @Override
    public boolean load(PersistenceContext context, EntityMeta meta, Object entity, Object id) {
        EntityState state = context.trackedState(entity);
        Cohort cohort = state == null ? null : state.cohort();
        List<Object> ids = cohort == null ? List.of() : hollowIds(context, meta, cohort);
        if (ids.size() > 1) {
            byIds(meta, ids).fetchAll(new LoadBatch(meta, cohort));
            if (state.status() != EntityState.Status.HOLLOW) {
                return true;
            }
        }
        return pointSelect.load(context, meta, entity, id);
    }

    /** Loads the rows of {@code ids}, hollow references of {@code meta}, with one statement (none for no ids). */
    public void loadAll(EntityMeta meta, List<Object> ids) {
        if (!ids.isEmpty()) {
            byIds(meta, ids).fetchAll(new LoadBatch());
        }
    }

    private SelectQuery<Object> byIds(EntityMeta meta, List<Object> ids) {
        return SelectQuery.scoped(engine, Object.class, meta, new Condition.Comparison(meta.id(), Lookup.IN, ids));
    }

    private static List<Object> hollowIds(PersistenceContext context, EntityMeta meta, Cohort cohort) {
        List<Object> ids = new ArrayList<>();
        for (Object member : cohort.members()) {
            EntityState state = context.trackedState(member);
            if (state != null && state.status() == EntityState.Status.HOLLOW && state.meta() == meta) {
                ids.add(meta.idOf(member));
            }
        }
        return ids;
    }

    /**
     * The rows whose key {@code fk} holds one of {@code ownerIds}, by owner id, each list in {@code order} (by id
     * where none is given). An object whose key was changed in memory counts for the owner it holds now.
     */
    public Map<Object, List<Object>> referencing(ForeignKeyProperty fk, List<Object> ownerIds, List<String> order) {
        EntityMeta element = fk.owner();
        Query<Object> query = SelectQuery.scoped(engine, Object.class, element,
                new Condition.Comparison(fk, Lookup.IN, ownerIds));
        // Without an orderBy, integer ids are put in order here rather than by SQLite; linked(...) says why.
        boolean sortHere = order.isEmpty() && element.generatedId();
        if (!sortHere) {
            List<String> terms = new ArrayList<>(order);
            terms.add(element.id().name());
            query = query.order(terms.toArray(String[]::new));
        }
        List<Object> rows = ((SelectQuery<Object>) query).fetchAll(new LoadBatch());
        Map<Object, List<Object>> byOwner = new HashMap<>();
        for (Object row : rows) {
            Object owner = engine.context.columnValue(element, fk, row);
            if (owner != null) {
                byOwner.computeIfAbsent(owner, o -> new ArrayList<>()).add(row);
            }
        }
        if (sortHere) {
            byOwner.values().forEach(elements -> inIdOrder(element, elements));
        }
        return byOwner;
    }

    /**
     * The rows of {@code element} linked through {@code junction} to one of {@code ownerIds}, by owner id, in id
     * order. {@code ownerColumn} and {@code elementColumn} say which way the junction is read.
     */
    public Map<Object, List<Object>> linked(EntityMeta element, JunctionTable junction, String ownerColumn,
                                            String elementColumn, ColumnType ownerIdType, List<Object> ownerIds) {
        var dialect = engine.connector.dialect();
        QuerySql sql = engine.sql(element);
        StringBuilder text = new StringBuilder("SELECT j.").append(dialect.quote(ownerColumn)).append(", ")
                .append(engine.columnList(element)).append(" FROM ").append(sql.from()).append(" JOIN ")
                .append(dialect.quote(junction.table())).append(" j ON j.").append(dialect.quote(elementColumn))
                .append(" = ").append(sql.id()).append(" WHERE ");
        Binds binds = new Binds();
        new ConditionWriter(dialect, text, binds).in(ownerIdType, "j." + dialect.quote(ownerColumn), ownerIds);
        // Integer ids are put in order here rather than by SQLite, whose sorter cost more than the rest of the
        // query (2 of 7 ms for Chinook's 8,715 playlist links); the rows come in the junction's index order, mostly
        // id order already. Text ids keep SQLite's order, which Java's string order does not always match.
        boolean sortHere = element.generatedId();
        if (!sortHere) {
            text.append(" ORDER BY ").append(sql.id());
        }
        String statementSql = text.toString();
        try {
            return engine.connector.withConnection(() -> {
                PreparedStatement statement = engine.connector.prepare(statementSql);
                Bind.all(statement, binds.parameters());
                Map<Object, List<Object>> byOwner = new HashMap<>();
                RowReader reader = engine.context.reader(element, new LoadBatch());
                TextReader textReader = engine.connector.textReader();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        Object owner = ownerIdType.read(rows, 1, textReader);
                        byOwner.computeIfAbsent(owner, o -> new ArrayList<>()).add(reader.read(rows, 2));
                    }
                }
                if (sortHere) {
                    byOwner.values().forEach(elements -> inIdOrder(element, elements));
                }
                return byOwner;
            });
        } catch (SqlFailure failure) {
            throw ErrorTranslator.unexplained("cannot load the " + element.name() + " rows linked through "
                    + junction.table(), failure.sqlException());
        }
    }

    /** Sorts objects with integer ids by id, unless they are in order already (the usual case: one pass). */
    private void inIdOrder(EntityMeta meta, List<Object> elements) {
        long previous = Long.MIN_VALUE;
        for (Object element : elements) {
            long id = ((Number) engine.context.rowId(meta, element)).longValue();
            if (id < previous) {
                elements.sort(Comparator.comparingLong(e -> ((Number) engine.context.rowId(meta, e)).longValue()));
                return;
            }
            previous = id;
        }
    }
}
