package dev.weft.internal.persist;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.weft.DetachedException;
import dev.weft.IdentityMap;
import dev.weft.WeftException;
import dev.weft.internal.dialect.ConnectionSettings;
import dev.weft.internal.enhance.Enhanced;
import dev.weft.internal.jdbc.Connector;
import dev.weft.internal.meta.ColumnProperty;
import dev.weft.internal.meta.EntityMeta;
import dev.weft.internal.meta.ForeignKeyProperty;
import dev.weft.internal.meta.Metamodel;
import dev.weft.internal.meta.Property;
import dev.weft.internal.types.TextReader;

import java.lang.ref.WeakReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The objects of one database: the identity map (one instance per row while it is reachable) and the
 * state of every instance the database has seen. Turns rows into objects and objects into column values.
 */
public final class PersistenceContext {

    /** The most entries of an identity map that {@link #clear} empties in place rather than replaces. */
    static final int SMALL_MAP = 64;
    /** The most entries a replaced identity map is sized for up front. */
    private static final int MAX_INITIAL_CAPACITY = 1 << 16;

    private final Metamodel metamodel;
    private final IdentityMap mode;
    private final Map<Class<?>, Cache<Object, Object>> identityMaps = new ConcurrentHashMap<>();
    /** The entities whose identity map holds or once held more than a few entries: its table is wide ({@link #clear}). */
    private final Set<Class<?>> wideMaps = ConcurrentHashMap.newKeySet();
    private final DeferredUpkeep upkeep = new DeferredUpkeep();
    private final AtomicInteger evictions = new AtomicInteger();
    private final Connector connector;
    private RowLoader rowLoader;
    private RelationHooks relations;
    private volatile boolean closed;

    public PersistenceContext(Metamodel metamodel, IdentityMap mode, Connector connector) {
        this.metamodel = metamodel;
        this.mode = mode;
        this.connector = connector;
    }

    /**
     * Connects the query and relation sides, which are built over this context; called once, while the database
     * is being opened.
     *
     * @param rowLoader loads the row of a hollow reference when the application first reads one of its fields
     * @param relations what relation fields do when read or written
     */
    public void connect(RowLoader rowLoader, RelationHooks relations) {
        this.rowLoader = rowLoader;
        this.relations = relations;
    }

    /** Fills a hollow reference from its row; the query side of the database implements it. */
    @FunctionalInterface
    public interface RowLoader {
        /**
         * Reads the row of {@code id} into {@code entity} through {@link #fill}.
         *
         * @return false if there is no such row
         */
        boolean load(PersistenceContext context, EntityMeta meta, Object entity, Object id);
    }

    /**
     * What relations do when enhanced code reads or writes a relation field, and when rows are saved or deleted:
     * the relation side of the database implements it.
     */
    public interface RelationHooks {
        /** Before a collection or inverse one-to-one field of a loaded object is read: it loads here. */
        void beforeRead(Object entity, EntityState state, Property property);

        /**
         * Before a relation field of a loaded object is written with {@code value}: the other side follows in
         * memory, or the write is refused (by throwing) with nothing changed.
         */
        void beforeWrite(Object entity, EntityState state, Property property, Object value);

        /** The row of a loaded object was deleted: it leaves the relations loaded in memory (undone by the journal). */
        void deleted(Object entity, EntityMeta meta, MemoryJournal journal);

        /** Whether a loaded collection may hold objects of {@code meta}: a live collection of them was ever made. */
        boolean mayHold(EntityMeta meta);

        /**
         * Rows were deleted whose objects are not in the identity map (evicted, or never loaded): the instances that
         * loaded collections still hold for them leave those collections.
         */
        void deletedRows(EntityMeta meta, Set<Object> ids, MemoryJournal journal);

        /** A key of a loaded object now points elsewhere, written by a bulk update: loaded collections follow. */
        void keyMoved(Object entity, ForeignKeyProperty key, Object from, Object to, MemoryJournal journal);

        /** A save committed: the relations loaded in memory take in what it wrote. */
        void saved(SavedRelations saved, MemoryJournal journal);
    }

    RelationHooks relations() {
        return relations;
    }

    /** The metadata of the entity's class. */
    public EntityMeta meta(Object entity) {
        return metaOf(entity.getClass());
    }

    /** The metadata of a registered entity class, registering it on first use. */
    public EntityMeta metaOf(Class<?> type) {
        EntityMeta meta = metamodel.find(type);
        return meta != null ? meta : metamodel.register(List.of(type)).get(0);
    }

    /** The state of an instance; an instance this database never saw is NEW. */
    public EntityState state(Object entity) {
        EntityState state = trackedState(entity);
        return state != null ? state : new EntityState(this, meta(entity), EntityState.Status.NEW, null, 0);
    }

    /**
     * The state this database tracks for an instance, or {@code null} for one it never saw. The state is the
     * instance's interceptor: registration guarantees that entity classes are enhanced. An instance saved to
     * another database is new here.
     */
    public EntityState trackedState(Object entity) {
        return ((Enhanced) entity).$weft$interceptor() instanceof EntityState state && state.context() == this
                ? state : null;
    }

    /**
     * The database that manages an instance, if that is another one and it is open; otherwise {@code null}. Such an
     * instance has its row there: to take it here would leave that database holding an object it no longer tracks.
     * An instance of a closed database is new here, which is how rows are copied from one file to another.
     */
    public String otherOwner(Object entity) {
        if (((Enhanced) entity).$weft$interceptor() instanceof EntityState state && state.context() != this
                && !state.context().closed()) {
            ConnectionSettings there = state.context().connector.settings();
            if (!there.equals(connector.settings())) {
                return there.describe();
            }
            return there.inMemory() ? "another in-memory database" : "another Database of the same file";
        }
        return null;
    }

    /**
     * Refuses an instance that another open database manages, before {@code action} ("save", "add to
     * Category#2.books") writes anything.
     */
    public void checkNotElsewhere(EntityMeta meta, Object entity, String action) {
        String owner = otherOwner(entity);
        if (owner != null) {
            throw new WeftException("cannot " + action + ": " + ErrorTranslator.describe(meta, entity)
                    + " belongs to " + owner + " (still open), not to this one; an object belongs to one open "
                    + "Database. To copy it, save a new " + meta.name() + " with its values, or close the other "
                    + "Database first.");
        }
        // Copied as new, a reference whose row its closed database never read would insert a row of nulls.
        if (((Enhanced) entity).$weft$interceptor() instanceof EntityState state && state.context() != this
                && state.status() == EntityState.Status.HOLLOW) {
            throw new DetachedException("cannot " + action + ": " + ErrorTranslator.describe(meta, entity)
                    + " is a reference whose row was never read before its Database was closed: its fields are "
                    + "unknown (a copy would hold nulls), and it is no object of this Database; read a field of it "
                    + "before closing its Database, or use an object of this one.");
        }
    }

    /**
     * The id of a loaded object's row as it was read: the snapshot's value, already boxed, where a primitive id
     * field would be boxed again (sorting thousands of loaded rows by id). It is the row's id in the database, which
     * differs from the field only while the application holds an id change that saving will refuse. The field's
     * value for an object that is not loaded.
     */
    public Object rowId(EntityMeta meta, Object entity) {
        EntityState state = trackedState(entity);
        // status first: its volatile read is what makes the snapshot another thread loaded visible here
        return state != null && state.status() == EntityState.Status.MANAGED ? state.snapshot()[0] : meta.idOf(entity);
    }

    /** Whether an instance is a reference this database has not loaded the row of yet. */
    public boolean isHollow(Object entity) {
        EntityState state = trackedState(entity);
        return state != null && state.status() == EntityState.Status.HOLLOW;
    }

    /** Whether an instance's row was deleted through this database. */
    public boolean isDeleted(Object entity) {
        EntityState state = trackedState(entity);
        return state != null && state.status() == EntityState.Status.DELETED;
    }

    /** Whether an instance is new: never saved here, so {@code save} would insert it. */
    public boolean isNew(Object entity) {
        EntityState state = trackedState(entity);
        return state == null || state.status() == EntityState.Status.NEW;
    }

    /**
     * Sets an instance's state. A state it has here already is changed in place, so that what it keeps besides
     * (its cohort, its live collections) stays with the instance.
     */
    void track(Object entity, EntityMeta meta, EntityState.Status status, Object[] snapshot, long dirty) {
        EntityState existing = trackedState(entity);
        if (existing != null && existing.meta() == meta) {
            existing.restore(status, snapshot, dirty);
        } else {
            ((Enhanced) entity).$weft$interceptor(new EntityState(this, meta, status, snapshot, dirty));
        }
    }

    void forget(Object entity) {
        if (trackedState(entity) != null) {
            ((Enhanced) entity).$weft$interceptor(null);
        }
    }

    /** Called by a hollow reference's state on the first access of a field other than its id. */
    boolean loadHollow(EntityMeta meta, Object entity, Object id) {
        if (closed) {
            throw new DetachedException("cannot load " + meta.name() + "#" + id + ": this object is a reference to its "
                    + "row, and its Database was closed before a field other than the id was read; read what you need "
                    + "before closing, or get the object again from an open Database.");
        }
        return rowLoader.load(this, meta, entity, id);
    }

    /** The database was closed: references can no longer load their rows. */
    public void close() {
        closed = true;
    }

    /** Whether the database was closed, so that nothing more can be loaded. */
    public boolean closed() {
        return closed;
    }

    /** The objects of an entity the identity map holds now. */
    public List<Object> loaded(EntityMeta meta) {
        Cache<Object, Object> map = identityMaps.get(meta.type());
        return map == null ? List.of() : List.copyOf(map.asMap().values());
    }

    public Object cached(EntityMeta meta, Object id) {
        Cache<Object, Object> map = identityMaps.get(meta.type());
        return map == null ? null : map.getIfPresent(id);
    }

    void cache(EntityMeta meta, Object id, Object entity) {
        Cache<Object, Object> map = identityMap(meta);
        map.put(id, entity);
        noteSize(meta, map);
    }

    /** Remembers that the identity map of {@code meta} has held more than a few entries, if it does now. */
    void noteSize(EntityMeta meta, Cache<Object, Object> map) {
        if (map.estimatedSize() > SMALL_MAP) {
            heldMany(meta);
        }
    }

    /** The identity map of {@code meta} has held more than a few entries: its table has grown, and stays so. */
    void heldMany(EntityMeta meta) {
        if (!wideMaps.contains(meta.type())) {
            wideMaps.add(meta.type());
        }
    }

    void uncache(EntityMeta meta, Object id) {
        Cache<Object, Object> map = identityMaps.get(meta.type());
        if (map != null) {
            map.invalidate(id);
        }
    }

    /**
     * Removes an instance from the identity map, so that the next load of its row makes a new one. The
     * instance keeps its state: it still has its row, and saving it updates that row. Relations loaded before keep
     * it, and match it with the new instance by row from then on ({@link #evictions}).
     */
    public void evict(Object entity) {
        uncacheInstance(entity);
        evictions.incrementAndGet();
    }

    /**
     * How many times the application evicted objects. A relation loaded in memory holds one object per row, the
     * identity map's; once the map lets go of objects, a later load makes second instances of their rows, so a
     * relation loaded before an eviction matches its elements by row id rather than by identity.
     */
    public int evictions() {
        return evictions.get();
    }

    /**
     * Whether a loaded object is no longer the identity map's object of its row: the application evicted it, and
     * it stands for the same row as the instance loaded since.
     */
    public boolean evicted(EntityMeta meta, Object entity) {
        EntityState state = trackedState(entity);
        if (state == null || state.status() == EntityState.Status.NEW || state.status() == EntityState.Status.DELETED) {
            return false;
        }
        return cached(meta, rowId(meta, entity)) != entity;
    }

    private void uncacheInstance(Object entity) {
        EntityMeta meta = meta(entity);
        Object id = meta.idOf(entity);
        Cache<Object, Object> map = identityMaps.get(meta.type());
        if (map != null && id != null) {
            map.asMap().remove(id, entity);
        }
    }

    /** Whether the identity map may hold objects of the entity (it errs towards yes). */
    boolean holdsAny(EntityMeta meta) {
        Cache<Object, Object> map = identityMaps.get(meta.type());
        return map != null && map.estimatedSize() > 0;
    }

    /**
     * Marks the loaded object of a deleted row, if any, as deleted and drops it from the identity map; whether the
     * identity map had one.
     */
    public boolean deletedRow(EntityMeta meta, Object id, MemoryJournal journal) {
        Object entity = cached(meta, id);
        if (entity != null) {
            deleted(entity, meta, journal);
        }
        return entity != null;
    }

    /** Marks an object whose row was deleted as deleted, drops it from the identity map and from loaded relations. */
    public void deleted(Object entity, EntityMeta meta, MemoryJournal journal) {
        EntityState state = trackedState(entity);
        if (state != null && state.status() == EntityState.Status.DELETED) {
            return;
        }
        journal.touch(entity);
        if (state != null) {
            state.settleWaitingKeys(entity); // while the snapshot has the keys: a deleted object still shows them
        }
        uncacheInstance(entity);
        track(entity, meta, EntityState.Status.DELETED, null, 0);
        relations.deleted(entity, meta, journal);
    }

    /** Empties the identity map; loaded instances keep their state, as {@link #evict} says. */
    public void clear() {
        // A large map is replaced rather than emptied: emptying a map of weak values removes and clears each entry's
        // reference (80 us for the 1,300 objects of a 1,000-row read). The new map is sized like the old one, so that
        // the loads that follow do not pay for growing its table again. A small map is emptied: a new one costs
        // more to allocate than a few removals. But emptying walks the map's whole table, which never shrinks: a
        // map that once held many and holds a few now (evicted, deleted, collected) is replaced too, by one sized
        // for the few (emptying one that had held Chinook's 3,500 tracks took 8 to 17 us, longer than loading the
        // one track it held). An empty map is left alone.
        identityMaps.forEach((type, map) -> {
            long size = map.estimatedSize();
            if (size > SMALL_MAP || size > 0 && wideMaps.contains(type)) {
                if (identityMaps.replace(type, map, newIdentityMap(size))) {
                    if (size > SMALL_MAP) { // the new map is sized for them
                        wideMaps.add(type);
                    } else {
                        wideMaps.remove(type);
                    }
                }
            } else if (size > 0) {
                map.invalidateAll();
            }
        });
        evictions.incrementAndGet();
    }

    /**
     * A reference to a row by id: the identity map's instance, or a new hollow one with only its id set.
     */
    public Object reference(EntityMeta meta, Object id) {
        Cache<Object, Object> map = identityMap(meta);
        Object reference = map.getIfPresent(id); // the common case, without the cost of an atomic compute
        return reference != null ? reference : newReference(map, meta, id);
    }

    Object newReference(Cache<Object, Object> map, EntityMeta meta, Object id) {
        Object hollow = meta.access().newInstance();
        meta.access().set(hollow, meta.id().slot(), id);
        track(hollow, meta, EntityState.Status.HOLLOW, null, 0);
        // Two threads asking for the same row get one instance; the loser's is dropped unseen. Cheaper than an
        // atomic compute, which allocates a context and a capturing function per call.
        Object winner = map.asMap().putIfAbsent(id, hollow);
        if (winner != null) {
            return winner;
        }
        noteSize(meta, map);
        return hollow;
    }

    /**
     * Gives a loaded object's foreign-key field in {@code slot} the object its key points at, and the same field of
     * every object read with it: following one key of a result set follows that key of all its rows, so that their
     * targets are made once, each looked up in the identity map once, and load together when first read.
     */
    void resolveKey(Object entity, EntityState state, int slot) {
        EntityMeta meta = state.meta();
        ForeignKeyProperty fk = (ForeignKeyProperty) meta.propertyAt(slot);
        Cohort cohort = state.cohort();
        if (cohort == null) {
            synchronized (state) {
                if (waits(state, slot)) {
                    settle(entity, state, fk, reference(fk.target(), state.snapshot()[fk.columnIndex()]));
                }
            }
            return;
        }
        synchronized (cohort) {
            if (!waits(state, slot)) {
                return; // another thread settled it meanwhile
            }
            References references = new LoadBatch().references(this, fk.target());
            List<Object> members = cohort.members();
            for (int i = 0; i < members.size(); i++) {
                Object member = members.get(i);
                EntityState memberState = trackedState(member);
                if (memberState != null && memberState.meta() == meta && waits(memberState, slot)) {
                    settle(member, memberState, fk, references.to(memberState.snapshot()[fk.columnIndex()]));
                }
            }
            if (waits(state, slot)) { // not in the list yet: joining a cohort sets it before adding to the list
                settle(entity, state, fk, references.to(state.snapshot()[fk.columnIndex()]));
            }
        }
    }

    /**
     * Whether the key in {@code slot} waits and can be followed now: not while another thread is still filling the
     * object from its row (its status says MANAGED, and its snapshot is visible, once the row is in).
     */
    private static boolean waits(EntityState state, int slot) {
        return state.keyDeferred(slot) && state.status() == EntityState.Status.MANAGED;
    }

    /**
     * A race this does not close: the runtime writing the same key field on another thread meanwhile (a delete's
     * SET_NULL, say) may be overwritten. Enhanced writes cannot be, as they settle the key first, under the lock.
     */
    private static void settle(Object entity, EntityState state, ForeignKeyProperty fk, Object target) {
        Enhanced enhanced = (Enhanced) entity;
        if (enhanced.$weft$get(fk.slot()) == null) { // a field the runtime has set before keeps its value
            enhanced.$weft$set(fk.slot(), target);
        }
        state.settleKey(fk.slot());
    }

    /** The state of a new instance just loaded from its row. */
    EntityState newState(Object entity, EntityMeta meta, Object[] snapshot) {
        EntityState state = new EntityState(this, meta, EntityState.Status.MANAGED, snapshot, 0);
        ((Enhanced) entity).$weft$interceptor(state);
        return state;
    }

    /** How text columns are read from the database's result sets. */
    public TextReader textReader() {
        return connector.textReader();
    }

    /**
     * What turns the rows of one result set into objects of {@code meta}; the objects of one result set share a
     * {@link LoadBatch}, so that their lazy relations load together ({@code null}: a row read alone). The identity
     * maps' upkeep that waits ({@link DeferredUpkeep}) runs first.
     */
    public RowReader reader(EntityMeta meta, LoadBatch batch) {
        upkeep.runPending();
        return new RowReader(this, meta, batch, connector.inTransactionHere() ? rowsToReadAgainOnRollback() : null);
    }

    /**
     * Runs {@code step} if the transaction open on this thread rolls back; nothing outside a transaction. For what
     * a read inside a transaction put in memory, which may show writes the rollback undoes.
     */
    public void onRollback(Runnable step) {
        if (connector.inTransactionHere()) {
            connector.onRollback(step);
        }
    }

    /**
     * A list for the objects a result set read inside a transaction fills: if the transaction rolls back, their
     * fields may hold what it wrote, and they read their rows again on next use ({@link #readAgain}). Weakly held,
     * so that a long transaction's reads stay collectable.
     */
    private List<WeakReference<Object>> rowsToReadAgainOnRollback() {
        List<WeakReference<Object>> filled = new ArrayList<>();
        connector.onRollback(() -> readAgain(filled));
        return filled;
    }

    /** Makes loaded objects hollow again, in the identity map as before, so that their next use reads the row. */
    private void readAgain(List<WeakReference<Object>> filled) {
        for (WeakReference<Object> reference : filled) {
            Object entity = reference.get();
            EntityState state = entity == null ? null : trackedState(entity);
            if (state != null && state.status() == EntityState.Status.MANAGED) {
                state.deferKeys(0); // a key that waits reads the snapshot, which a hollow object has not
                state.restore(EntityState.Status.HOLLOW, null, 0);
            }
        }
    }

    /**
     * The object for the row at the cursor, whose columns start at {@code offset} in the entity's column
     * order: the identity map's instance if it holds the row, else a new instance filled from the row.
     */
    public Object hydrate(EntityMeta meta, ResultSet row, int offset) throws SQLException {
        return reader(meta, null).read(row, offset);
    }

    /**
     * Sets the fields of {@code entity} from the row at the cursor (columns from {@code offset}, in the entity's
     * column order) and makes it MANAGED with that row as its snapshot.
     */
    public void fill(EntityMeta meta, Object entity, Object id, ResultSet row, int offset) throws SQLException {
        reader(meta, null).fill(entity, id, row, offset);
    }

    /**
     * Brings a loaded instance in line with a bulk update of its row: each updated field takes the new
     * value, unless the application changed that field in memory since load (its change wins at save).
     */
    public void updatedRow(EntityMeta meta, Object id, List<ColumnProperty> columns, List<Object> newValues,
                           MemoryJournal journal) {
        Object entity = cached(meta, id);
        EntityState state = entity == null ? null : trackedState(entity);
        if (state == null || state.status() != EntityState.Status.MANAGED) {
            return;
        }
        journal.touch(entity);
        Object[] snapshot = state.snapshot();
        for (int i = 0; i < columns.size(); i++) {
            ColumnProperty column = columns.get(i);
            if (!Objects.deepEquals(snapshot[column.columnIndex()], columnValue(meta, column, entity))) {
                continue;
            }
            Object value = newValues.get(i);
            Object stored = column instanceof ForeignKeyProperty fk && value != null && !fk.targetType().isInstance(value)
                    ? reference(fk.target(), value) : value;
            if (column instanceof ForeignKeyProperty fk) {
                relations.keyMoved(entity, fk, meta.access().get(entity, column.slot()), stored, journal);
            }
            meta.access().set(entity, column.slot(), stored);
            snapshot[column.columnIndex()] = columnValue(meta, column, entity);
        }
    }

    /** The value the column holds for this instance: a foreign key as the target's id. */
    public Object columnValue(EntityMeta meta, ColumnProperty column, Object entity) {
        if (column instanceof ForeignKeyProperty fk) {
            Object key = waitingKey(entity, fk);
            if (key != null) {
                return key; // without making the object it points at
            }
            Object target = meta.access().get(entity, column.slot());
            return target == null ? null : fk.target().idOf(target);
        }
        return meta.access().get(entity, column.slot());
    }

    /**
     * The object a foreign key points at, for walks that look for objects to save: a key that waits for its object
     * ({@link dev.weft.internal.meta.DeferredKeys}) gives the identity map's instance if it holds one, and is left
     * waiting; without one there is no object in memory that could need saving.
     */
    Object loadedTarget(EntityMeta meta, ForeignKeyProperty fk, Object entity) {
        Object key = waitingKey(entity, fk);
        return key != null ? cached(fk.target(), key) : meta.access().get(entity, fk.slot());
    }

    /** The key of a foreign-key field that waits for its object, or {@code null} (a NULL key never waits). */
    private Object waitingKey(Object entity, ForeignKeyProperty fk) {
        EntityState state = trackedState(entity);
        Object[] snapshot = state == null || !state.keyDeferred(fk.slot()) ? null : state.snapshot();
        return snapshot == null ? null : snapshot[fk.columnIndex()];
    }

    /** The current column values of an instance, by column index. */
    public Object[] columnValues(EntityMeta meta, Object entity) {
        List<ColumnProperty> columns = meta.columns();
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = columnValue(meta, columns.get(i), entity);
        }
        return values;
    }

    /**
     * The row an update of a loaded object would write: its snapshot, with the columns of the fields written since
     * (its dirty slots) read again. Only those can differ, and reading only those boxes no unchanged primitive.
     */
    Object[] valuesAfterWrites(EntityMeta meta, Object entity, EntityState state) {
        Object[] values = state.snapshot().clone();
        List<ColumnProperty> columns = meta.columns();
        for (int i = 0; i < values.length; i++) {
            ColumnProperty column = columns.get(i);
            if (state.isDirty(column.slot())) {
                values[i] = columnValue(meta, column, entity);
            }
        }
        return values;
    }

    /** Whether a column's value differs from the snapshot. */
    public static boolean changed(Object[] snapshot, Object[] current, int column) {
        return !Objects.deepEquals(snapshot[column], current[column]);
    }

    /** A copy of a snapshot, for undoing a failed save. */
    static Object[] copy(Object[] snapshot) {
        return snapshot == null ? null : Arrays.copyOf(snapshot, snapshot.length);
    }

    Cache<Object, Object> identityMap(EntityMeta meta) {
        Cache<Object, Object> map = identityMaps.get(meta.type()); // first: the function below captures this
        return map != null ? map : identityMaps.computeIfAbsent(meta.type(), type -> newIdentityMap(0));
    }

    private Cache<Object, Object> newIdentityMap(long expectedSize) {
        // Upkeep (dropping collected entries) runs on the loading thread, when the next result set starts: handing
        // it to the common pool cost a thread wake-up per few rows, a quarter of a 1,000-row read's time.
        Caffeine<Object, Object> builder = Caffeine.newBuilder().executor(upkeep)
                .initialCapacity((int) Math.min(expectedSize, MAX_INITIAL_CAPACITY));
        return (mode == IdentityMap.SOFT ? builder.softValues() : builder.weakValues()).build();
    }
}
