package dev.weft.internal.persist;

import dev.weft.WeftException;
import dev.weft.internal.dialect.Dialect;
import dev.weft.internal.jdbc.Connector;
import dev.weft.internal.meta.ColumnProperty;
import dev.weft.internal.meta.EntityMeta;
import dev.weft.internal.meta.ForeignKeyProperty;
import dev.weft.internal.meta.JunctionTable;
import dev.weft.internal.meta.ManyToManyProperty;
import dev.weft.internal.types.ColumnTypes;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes objects to their rows: inserts new ones, updates the changed columns of loaded ones, in an order
 * that inserts every referenced object before the objects that reference it. All or nothing: when a write
 * fails, the database is rolled back and the objects get back the ids and states they had.
 */
public final class Persister {

    private final Connector connector;
    private final Dialect dialect;
    private final PersistenceContext context;
    private final ErrorTranslator errors;
    private final RelationWriter relationWriter;
    private final Map<EntityMeta, String> insertSql = new ConcurrentHashMap<>();
    private final Map<EntityMeta, String> insertWithIdSql = new ConcurrentHashMap<>();
    private final Map<UpdateShape, String> updateSql = new ConcurrentHashMap<>();

    public Persister(Connector connector, PersistenceContext context, ErrorTranslator errors) {
        this.connector = connector;
        this.dialect = connector.dialect();
        this.context = context;
        this.errors = errors;
        this.relationWriter = new RelationWriter(connector, context, errors);
    }

    /**
     * Saves the objects and the new or changed objects their relation fields reach, in one transaction; then the
     * relations loaded in memory take in what was written.
     */
    public void save(List<?> roots) {
        Undo undo = new Undo(new MemoryJournal(context));
        SavePlan plan;
        try {
            plan = SavePlan.of(roots, context, undo.journal);
        } catch (RuntimeException e) {
            undo.journal.revert();
            throw e;
        }
        if (plan.isEmpty()) {
            return;
        }
        undo.expectInserts(plan.newObjects());
        connector.withConnection(() -> {
            // An update changes nothing in memory before it commits; only a transaction around this save can
            // roll it back after that, and only then does the journal need the object as it was.
            undo.journalUpdates = connector.inTransaction();
            connector.atomically(() -> {
                writeAll(plan, undo);
                return null;
            }, undo.journal::revert);
            undo.committed();
            for (Object entity : plan.order()) {
                EntityState state = context.trackedState(entity);
                List<Object> released = state == null ? null : state.clearReleased();
                if (released != null) {
                    undo.journal.onRevert(() -> state.releasedAgain(released));
                }
            }
            context.relations().saved(plan.relations(undo.inserted), undo.journal);
            return null;
        });
    }

    /** Adds a JDBC batch's rows. */
    interface BatchRows {
        void add() throws SQLException;
    }

    /**
     * Adds the rows of a batch to a kept statement and sends them. If adding or sending fails, the rows added are
     * dropped: the statement is kept for later writes, which would otherwise send them with their own.
     */
    static int[] runBatch(PreparedStatement statement, BatchRows rows) throws SQLException {
        try {
            rows.add();
            return statement.executeBatch();
        } catch (SQLException | RuntimeException | Error e) {
            statement.clearBatch();
            throw e;
        }
    }

    private void writeAll(SavePlan plan, Undo undo) throws SQLException {
        InsertBatch inserts = new InsertBatch(undo);
        UpdateBatch updates = new UpdateBatch(undo);
        try {
            writeRows(plan, undo, inserts, updates);
        } catch (SQLException | RuntimeException | Error e) {
            updates.abandon();
            throw e;
        }
        for (SavePlan.Deferred deferred : plan.deferred()) {
            writeDeferredKey(deferred, undo);
        }
        for (SavedRelations.Link link : plan.links()) {
            ManyToManyProperty side = link.property();
            JunctionTable junction = side.junction();
            relationWriter.link(junction, side.ownerColumn(), side.owner(), side.owner().idOf(link.owner()),
                    side.elementColumn(), side.target(), side.target().idOf(link.element()));
        }
    }

    private void writeRows(SavePlan plan, Undo undo, InsertBatch inserts, UpdateBatch updates) throws SQLException {
        for (Object entity : plan.order()) {
            // At most one kind of batch waits at a time, so that rows are written in the plan's order.
            if (context.isNew(entity)) {
                updates.flush();
            } else {
                inserts.flush();
            }
            if (!inserts.offer(entity, plan)) {
                inserts.flush();
                if (!inserts.offer(entity, plan)) {
                    write(entity, plan, undo, updates);
                }
            }
        }
        inserts.flush();
        updates.flush();
    }

    private void write(Object entity, SavePlan plan, Undo undo, UpdateBatch updates) throws SQLException {
        if (plan.writesNothing(entity)) {
            return; // the plan put it after the new objects, so that it ends no batch of theirs
        }
        EntityMeta meta = context.meta(entity);
        EntityState state = context.trackedState(entity); // null: new here
        boolean loaded = state != null && state.status() == EntityState.Status.MANAGED && state.snapshot() != null;
        Object[] values = loaded ? context.valuesAfterWrites(meta, entity, state) : context.columnValues(meta, entity);
        for (SavePlan.Deferred deferred : plan.deferredOf(entity)) {
            values[deferred.key().columnIndex()] = null;
        }
        if (state == null || state.status() == EntityState.Status.NEW) {
            insert(meta, entity, values, undo);
        } else {
            update(meta, entity, state, values, undo, updates);
        }
    }

    private void insert(EntityMeta meta, Object entity, Object[] values, Undo undo) throws SQLException {
        boolean generate = meta.generatedId() && meta.isUnsetId(values[0]);
        if (!generate && meta.isUnsetId(values[0])) {
            throw new WeftException("cannot insert " + ErrorTranslator.describe(meta, entity) + ": its id "
                    + meta.id().qualifiedName() + " is not set, and " + meta.name()
                    + " ids are assigned by the application; set it before saving.");
        }
        String sql = generate ? insertSql.computeIfAbsent(meta, m -> insertSql(m, false, 1))
                : insertWithIdSql.computeIfAbsent(meta, m -> insertSql(m, true, 1));
        PreparedStatement statement = connector.prepare(sql);
        int index = 1;
        for (int i = generate ? 1 : 0; i < values.length; i++) {
            bind(statement, index++, meta.columns().get(i), values[i]);
        }
        undo.journal.touchInserted(entity, meta);
        try {
            if (generate) {
                try (ResultSet keys = statement.executeQuery()) {
                    keys.next();
                    values[0] = meta.id().type().read(keys, 1, connector.textReader());
                }
                meta.access().set(entity, meta.id().slot(), values[0]);
            } else {
                statement.executeUpdate();
            }
        } catch (SQLException e) {
            throw errors.writeFailed(e, meta, entity, values, true);
        }
        undo.inserted.add(entity);
        undo.onCommit(() -> {
            context.track(entity, meta, EntityState.Status.MANAGED, values, 0);
            context.cache(meta, values[0], entity);
        });
    }

    private void update(EntityMeta meta, Object entity, EntityState state, Object[] values, Undo undo,
                        UpdateBatch updates) throws SQLException {
        Object[] snapshot = state.snapshot();
        if (state.status() != EntityState.Status.MANAGED || snapshot == null) {
            return; // a hollow reference has no loaded columns to change
        }
        BitSet changed = updates.scratch(); // by column index; the id, column 0, is checked below
        for (int i = 1; i < values.length; i++) {
            ColumnProperty column = meta.columns().get(i);
            if (state.isDirty(column.slot()) && PersistenceContext.changed(snapshot, values, i)) {
                changed.set(i);
            }
        }
        if (PersistenceContext.changed(snapshot, values, 0)) {
            throw new WeftException("cannot update " + meta.name() + "#" + snapshot[0] + ": its id was changed to "
                    + values[0] + "; ids cannot change, save a new object instead.");
        }
        if (changed.isEmpty()) {
            return;
        }
        if (undo.journalUpdates) {
            undo.journal.touch(entity);
        }
        updates.add(new PendingUpdate(meta, entity, state, values), changed);
    }

    /** An UPDATE to send: the columns its batch sets take their {@code values}, by column index. */
    private record PendingUpdate(EntityMeta meta, Object entity, EntityState state, Object[] values) {
    }

    /** Binds the changed columns (by column index), then the id. */
    private static void bindUpdate(PreparedStatement statement, PendingUpdate update, BitSet changed)
            throws SQLException {
        int index = 1;
        for (int i = changed.nextSetBit(1); i >= 0; i = changed.nextSetBit(i + 1)) {
            bind(statement, index++, update.meta.columns().get(i), update.values[i]);
        }
        bind(statement, index, update.meta.id(), update.values[0]);
    }

    /**
     * Updates of one shape (entity and changed columns) that follow each other in a save, sent as one JDBC batch:
     * the driver binds and steps the one statement for each object without its per-statement round trip (1,000
     * updates of a field: 740 to 500 us in sqlite-jdbc alone). A failed batch is retried object by object so that
     * the error names the object whose row failed; each UPDATE sets values, so rows it wrote already are unharmed.
     */
    private final class UpdateBatch {
        private final Undo undo;
        /** Where {@link #update} writes an object's changed columns; the batch's shape is a copy. */
        private final BitSet scratch = new BitSet();
        private List<PendingUpdate> pending = new ArrayList<>();
        private EntityMeta meta;
        /** The columns every update of the batch sets, by column index. */
        private BitSet shape;
        private String sql;
        private PreparedStatement statement;

        UpdateBatch(Undo undo) {
            this.undo = undo;
        }

        /** An empty set for the columns an object changed, to pass to {@link #add}. */
        BitSet scratch() {
            scratch.clear();
            return scratch;
        }

        void add(PendingUpdate update, BitSet changed) throws SQLException {
            if (update.meta != meta || !changed.equals(shape)) { // a new shape: objects of one share a batch
                flush();
                meta = update.meta;
                shape = (BitSet) changed.clone();
                sql = updateSql(meta, shape);
                statement = connector.prepare(sql);
            } else {
                connector.announce(sql);
            }
            bindUpdate(statement, update, shape);
            statement.addBatch();
            pending.add(update);
        }

        /**
         * Drops the rows added and not sent: the statement is kept for later saves, which would otherwise send them
         * with their own.
         */
        void abandon() throws SQLException {
            if (!pending.isEmpty()) {
                statement.clearBatch();
                pending = new ArrayList<>();
            }
        }

        void flush() throws SQLException {
            if (pending.isEmpty()) {
                return;
            }
            int[] rows;
            try {
                rows = statement.executeBatch();
            } catch (SQLException e) {
                statement.clearBatch();
                throw oneByOne(e);
            }
            for (int i = 0; i < pending.size(); i++) {
                PendingUpdate update = pending.get(i);
                if (rows[i] == 0) {
                    throw new dev.weft.NotFoundException("cannot update " + update.meta.name() + "#" + update.values[0]
                            + ": its row no longer exists (deleted elsewhere); save a new object to store it again.");
                }
            }
            List<PendingUpdate> written = pending;
            undo.onCommit(() -> {
                for (int i = 0; i < written.size(); i++) {
                    written.get(i).state.loaded(written.get(i).values);
                }
            });
            pending = new ArrayList<>();
            meta = null;
            shape = null;
            sql = null;
            statement = null;
        }

        /** Runs the batch's updates one at a time, to throw the failing object's own error. */
        private SQLException oneByOne(SQLException batchFailure) throws SQLException {
            for (PendingUpdate update : pending) {
                PreparedStatement single = connector.prepare(sql);
                bindUpdate(single, update, shape);
                try {
                    single.executeUpdate();
                } catch (SQLException e) {
                    throw errors.writeFailed(e, update.meta, update.entity, update.values, false);
                }
            }
            return batchFailure;
        }
    }

    /**
     * The UPDATE of the columns in {@code changed} (by column index), made once per entity and set of columns:
     * a loop that changes the same field of many objects then builds no SQL per row.
     */
    private String updateSql(EntityMeta meta, BitSet changed) {
        return updateSql.computeIfAbsent(new UpdateShape(meta, changed), shape -> {
            StringJoiner set = new StringJoiner(", ");
            for (int i = shape.columns().nextSetBit(1); i >= 0; i = shape.columns().nextSetBit(i + 1)) {
                set.add(dialect.quote(meta.columns().get(i).column()) + " = ?");
            }
            return "UPDATE " + dialect.quote(meta.table()) + " SET " + set + " WHERE "
                    + dialect.quote(meta.id().column()) + " = ?";
        });
    }

    /** An entity and the columns an UPDATE sets; the bit set is never changed once it is a key. */
    private record UpdateShape(EntityMeta meta, BitSet columns) {
    }

    /** Sets a key that was left NULL on insert because its target, part of a cycle, was inserted later. */
    private void writeDeferredKey(SavePlan.Deferred deferred, Undo undo) throws SQLException {
        Object entity = deferred.entity();
        EntityMeta meta = context.meta(entity);
        ForeignKeyProperty key = deferred.key();
        Object[] values = context.columnValues(meta, entity);
        BitSet column = new BitSet(values.length);
        column.set(key.columnIndex());
        PreparedStatement statement = connector.prepare(updateSql(meta, column));
        bind(statement, 1, key, values[key.columnIndex()]);
        bind(statement, 2, meta.id(), values[0]);
        try {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw errors.writeFailed(e, meta, entity, values, false);
        }
        undo.onCommit(() -> context.state(entity).snapshot()[key.columnIndex()] = values[key.columnIndex()]);
    }

    /**
     * New objects of one entity with generated ids, inserted by multi-row statements: one statement per
     * chunk instead of one per object. An object joins only if it references no object of the batch,
     * whose id it would need first.
     */
    private final class InsertBatch {
        private static final int MAX_ROWS = 128;

        private final Undo undo;
        private final List<Object> entities = new ArrayList<>();
        private final Map<Object, Boolean> members = new IdentityHashMap<>();
        private EntityMeta meta;

        InsertBatch(Undo undo) {
            this.undo = undo;
        }

        boolean offer(Object entity, SavePlan plan) {
            EntityMeta entityMeta = context.meta(entity);
            if (!context.isNew(entity) || !entityMeta.generatedId() || !entityMeta.isUnsetId(entityMeta.idOf(entity))
                    || !plan.deferredOf(entity).isEmpty() || (meta != null && meta != entityMeta)) {
                return false;
            }
            List<ForeignKeyProperty> keys = entityMeta.foreignKeys();
            for (int i = 0; i < keys.size(); i++) { // indexed: SavePlan says why
                Object target = entityMeta.access().get(entity, keys.get(i).slot());
                if (target != null && members.containsKey(target)) {
                    return false;
                }
            }
            meta = entityMeta;
            entities.add(entity);
            members.put(entity, Boolean.TRUE);
            return true;
        }

        void flush() throws SQLException {
            if (entities.isEmpty()) {
                return;
            }
            int maxRows = Math.max(1, Math.min(MAX_ROWS, dialect.maxParameters() / meta.columns().size()));
            int start = 0;
            while (start < entities.size()) {
                int remaining = entities.size() - start;
                // Chunks of a few fixed sizes, so that a handful of cached statements serve every batch.
                int rows = remaining >= maxRows ? maxRows : Integer.highestOneBit(remaining);
                List<Object> chunk = entities.subList(start, start + rows);
                if (rows == 1) {
                    Object entity = chunk.get(0);
                    insert(meta, entity, context.columnValues(meta, entity), undo);
                } else {
                    insertRows(chunk);
                }
                start += rows;
            }
            entities.clear();
            members.clear();
            meta = null;
        }

        private void insertRows(List<Object> chunk) throws SQLException {
            EntityMeta m = meta;
            List<Object[]> rows = new ArrayList<>(chunk.size());
            for (Object entity : chunk) {
                rows.add(context.columnValues(m, entity));
            }
            PreparedStatement statement = connector.prepare(multiRowInsertSql(m, chunk.size()));
            int index = 1;
            for (Object[] values : rows) {
                for (int i = 1; i < values.length; i++) {
                    bind(statement, index++, m.columns().get(i), values[i]);
                }
            }
            long[] ids = new long[chunk.size()];
            int returned = 0;
            try (ResultSet keys = statement.executeQuery()) {
                while (keys.next()) {
                    long id = keys.getLong(1);
                    if (returned < ids.length) {
                        ids[returned] = id;
                    }
                    returned++;
                }
            } catch (SQLException e) {
                // The statement inserted nothing; row by row, the failing object gets its own precise message.
                for (int i = 0; i < chunk.size(); i++) {
                    insert(m, chunk.get(i), rows.get(i), undo);
                }
                return;
            }
            // SQLite gives each new row of one statement the next rowid, in VALUES order, so the sorted keys
            // line up with the rows; RETURNING itself promises no order.
            Arrays.sort(ids);
            if (returned != chunk.size() || ids[ids.length - 1] - ids[0] != chunk.size() - 1) {
                throw new WeftException("cannot insert " + chunk.size() + " " + m.name() + " rows in one statement: "
                        + "SQLite assigned ids that are not consecutive; save them one by one.");
            }
            Object[] inserted = chunk.toArray(); // the chunk is a view of the batch, which is cleared after
            for (int i = 0; i < inserted.length; i++) {
                Object[] values = rows.get(i);
                undo.journal.touchInserted(inserted[i], m);
                values[0] = narrowId(m, ids[i]);
                m.access().set(inserted[i], m.id().slot(), values[0]);
                undo.inserted.add(inserted[i]);
            }
            undo.onCommit(() -> { // one action for the chunk: an action per row was a tenth of an insert's garbage
                for (int i = 0; i < inserted.length; i++) {
                    Object[] values = rows.get(i);
                    context.track(inserted[i], m, EntityState.Status.MANAGED, values, 0);
                    context.cache(m, values[0], inserted[i]);
                }
            });
        }
    }

    private static Object narrowId(EntityMeta meta, long id) {
        Class<?> type = meta.id().field().getType();
        return type == int.class || type == Integer.class ? (Object) (int) id : (Object) id;
    }

    private final Map<EntityMeta, Map<Integer, String>> multiRowInsertSql = new ConcurrentHashMap<>();

    private String multiRowInsertSql(EntityMeta meta, int rows) {
        return multiRowInsertSql.computeIfAbsent(meta, m -> new ConcurrentHashMap<>())
                .computeIfAbsent(rows, n -> insertSql(meta, false, n));
    }

    private String insertSql(EntityMeta meta, boolean withId, int rows) {
        StringJoiner columns = new StringJoiner(", ");
        StringJoiner params = new StringJoiner(", ", "(", ")");
        for (ColumnProperty column : meta.columns()) {
            if (column != meta.id() || withId) {
                columns.add(dialect.quote(column.column()));
                params.add("?");
            }
        }
        if (columns.length() == 0) { // the id is the only column
            columns.add(dialect.quote(meta.id().column()));
            params.add(dialect.generatedId());
        }
        StringJoiner tuples = new StringJoiner(", ");
        for (int i = 0; i < rows; i++) {
            tuples.add(params.toString());
        }
        String sql = "INSERT INTO " + dialect.quote(meta.table()) + " (" + columns + ") VALUES " + tuples;
        return withId ? sql : sql + dialect.returning(dialect.quote(meta.id().column()));
    }

    static void bind(PreparedStatement statement, int index, ColumnProperty column, Object value) throws SQLException {
        if (value == null) {
            ColumnTypes.bindNull(statement, index);
        } else {
            column.type().bind(statement, index, value);
        }
    }

    /** The journal of a save, and what to record in memory once its writes succeeded. */
    private static final class Undo {
        private final MemoryJournal journal;
        private final List<Runnable> onCommit = new ArrayList<>();
        private final ArrayList<Object> inserted = new ArrayList<>();
        /** Whether updated objects are journaled: only inside a transaction around the save. */
        private boolean journalUpdates;

        Undo(MemoryJournal journal) {
            this.journal = journal;
        }

        void onCommit(Runnable action) {
            onCommit.add(action);
        }

        /** Sizes what grows with each inserted object (each is journaled) for a save that inserts {@code objects}. */
        void expectInserts(int objects) {
            inserted.ensureCapacity(objects);
            journal.expect(objects);
        }

        void committed() {
            onCommit.forEach(Runnable::run);
        }
    }
}
