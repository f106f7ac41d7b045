package dev.weft.internal.persist;

import dev.weft.NotFoundException;
import dev.weft.internal.enhance.FieldInterceptor;
import dev.weft.internal.meta.DeferredKeys;
import dev.weft.internal.meta.EntityMeta;
import dev.weft.internal.meta.ForeignKeyProperty;
import dev.weft.internal.meta.Property;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the runtime knows of one entity instance, attached to it as its {@link FieldInterceptor}: whether it has a
 * row, the column values the row had when the instance was last loaded or saved, and which fields the
 * application wrote since then.
 *
 * <p>Enhanced code calls it around every access of a persistent field. A hollow reference loads its row on the
 * first access of any field but its id; a write marks the field's slot dirty, so that {@code save} compares only
 * those fields with the snapshot (a field set back to its loaded value is not written).
 */
public final class EntityState implements FieldInterceptor, DeferredKeys {

    public enum Status {
        /** Not saved yet: {@code save} inserts it. */
        NEW,
        /** Loaded from or saved to its row. */
        MANAGED,
        /** A reference to a row by id whose columns have not been loaded. */
        HOLLOW,
        /** Its row was deleted. */
        DELETED
    }

    private static final VarHandle DEFERRED_KEYS;

    static {
        try {
            DEFERRED_KEYS = MethodHandles.lookup().findVarHandle(EntityState.class, "deferredKeys", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final PersistenceContext context;
    private final EntityMeta meta;
    // volatile: another thread that sees MANAGED must also see the fields the load wrote before it
    private volatile Status status;
    private Object[] snapshot;
    /** Slots written since the last load or save; slot 63 stands for every slot from 63 on. */
    private long dirty;
    /** The objects this one was read with, whose lazy relations load together; null if it was read alone. */
    private volatile Cohort cohort;
    /**
     * The live collections of this object, created on first use: side and collection in turn. An object has a
     * few at most, and a prefetch of many owners made a map for each.
     */
    private Object[] relations;
    /**
     * Slots (below 63) of foreign-key fields that are {@code null} while the snapshot holds a key: their object is
     * made on first read ({@link DeferredKeys}). Cleared atomically, bit by bit, after the field is set.
     */
    private volatile long deferredKeys;
    /** Slots of inverse one-to-one fields whose value was loaded (or assigned). */
    private long inverseLoaded;
    /** Objects whose key to this one was nulled in memory by an assignment, to be saved with it. */
    private List<Object> released;

    EntityState(PersistenceContext context, EntityMeta meta, Status status, Object[] snapshot, long dirty) {
        this.context = context;
        this.meta = meta;
        this.status = status;
        this.snapshot = snapshot;
        this.dirty = dirty;
    }

    public Status status() {
        return status;
    }

    /** Column values (foreign keys as ids) by column index, as the row last had them; null unless MANAGED. */
    public Object[] snapshot() {
        return snapshot;
    }

    /** The database this state belongs to. */
    PersistenceContext context() {
        return context;
    }

    /** Whether a field was written since the last load or save. */
    public boolean isDirty() {
        return dirty != 0;
    }

    /** Whether the field in {@code slot} may have been written since the last load or save. */
    public boolean isDirty(int slot) {
        return (dirty & bit(slot)) != 0;
    }

    long dirtyBits() {
        return dirty;
    }

    /** The row was loaded or saved: these are its column values, and nothing is dirty. */
    public void loaded(Object[] snapshot) {
        this.snapshot = snapshot;
        this.dirty = 0;
        this.status = Status.MANAGED;
    }

    void restore(Status status, Object[] snapshot, long dirty) {
        this.snapshot = snapshot;
        this.dirty = dirty;
        this.status = status;
    }

    /** Marks a field written, as a write by enhanced code does: for writes the runtime makes on the application's behalf. */
    public void markDirty(int slot) {
        dirty |= bit(slot);
    }

    public Cohort cohort() {
        return cohort;
    }

    void cohort(Cohort cohort) {
        this.cohort = cohort;
    }

    /** The live collection of this object for a relation side, or {@code null}. */
    public synchronized Object relation(Object side) {
        if (relations != null) {
            for (int i = 0; i < relations.length && relations[i] != null; i += 2) {
                if (relations[i].equals(side)) {
                    return relations[i + 1];
                }
            }
        }
        return null;
    }

    /** The live collection for a side, made by {@code factory} on first use. */
    public synchronized Object relation(Object side, Function<Object, Object> factory) {
        Object relation = relation(side);
        if (relation != null) {
            return relation;
        }
        relation = Objects.requireNonNull(factory.apply(side), "made no collection");
        int free = 0;
        if (relations == null) {
            relations = new Object[4];
        } else {
            while (free < relations.length && relations[free] != null) {
                free += 2;
            }
            if (free == relations.length) {
                relations = Arrays.copyOf(relations, free * 2);
            }
        }
        relations[free] = side;
        relations[free + 1] = relation;
        return relation;
    }

    /** Whether the inverse one-to-one field in {@code slot} holds its loaded value. */
    public boolean inverseLoaded(int slot) {
        return slot < 63 && (inverseLoaded & bit(slot)) != 0;
    }

    public void inverseLoaded(int slot, boolean loaded) {
        inverseLoaded = loaded ? inverseLoaded | bit(slot) : inverseLoaded & ~bit(slot);
    }

    /** Remembers an object whose key to this one an assignment nulled, so that saving this one saves it first. */
    public synchronized void released(Object entity) {
        if (released == null) {
            released = new ArrayList<>(2);
        }
        released.add(entity);
    }

    synchronized List<Object> releasedObjects() {
        return released == null ? List.of() : List.copyOf(released);
    }

    /** Forgets the released objects, once a save wrote their keys; returns them, null when there were none. */
    synchronized List<Object> clearReleased() {
        List<Object> were = released;
        released = null;
        return were;
    }

    /** Takes back objects a rolled-back save had written as released: the next save writes them again. */
    synchronized void releasedAgain(List<Object> objects) {
        if (released == null) {
            released = objects;
        } else {
            released.addAll(objects);
        }
    }

    @Override
    public void beforeRead(Object entity, int slot) {
        if (status == Status.HOLLOW && slot != meta.id().slot()) {
            load(entity);
        }
    }

    @Override
    public void beforeWrite(Object entity, int slot) {
        if (status == Status.HOLLOW) {
            load(entity); // first, so that the load cannot overwrite the new value
        }
        dirty |= bit(slot);
    }

    @Override
    public void beforeRelationRead(Object entity, int slot) {
        Property property = meta.propertyAt(slot);
        if (property instanceof ForeignKeyProperty) {
            if (status == Status.HOLLOW) {
                load(entity);
            }
            resolveKey(entity, slot);
        } else {
            // A collection or inverse field needs only the owner's id, which a hollow reference has.
            context.relations().beforeRead(entity, this, property);
        }
    }

    @Override
    public void beforeKeyPeek(Object entity, int slot) {
        resolveKey(entity, slot);
    }

    @Override
    public void beforeRelationWrite(Object entity, int slot, Object value) {
        if (status == Status.HOLLOW) {
            load(entity);
        }
        resolveKey(entity, slot); // the relation's other side needs the object the key left
        context.relations().beforeWrite(entity, this, meta.propertyAt(slot), value);
        dirty |= bit(slot);
    }

    public EntityMeta meta() {
        return meta;
    }

    @Override
    public void resolveKey(Object entity, int slot) {
        if (keyDeferred(slot)) {
            context.resolveKey(entity, this, slot);
        }
    }

    @Override
    public void keyWritten(int slot) {
        if (keyDeferred(slot)) {
            settleKey(slot);
        }
    }

    /** Whether the foreign-key field in {@code slot} is {@code null} and waits for the object of its key. */
    public boolean keyDeferred(int slot) {
        return keyCanWait(slot) && (deferredKeys & (1L << slot)) != 0;
    }

    /** Whether a foreign key in {@code slot} has a bit to wait on: those past 62 are given their objects at once. */
    static boolean keyCanWait(int slot) {
        return slot < 63;
    }

    /** Slot bits of the foreign-key fields that wait for their objects. */
    long deferredKeys() {
        return deferredKeys;
    }

    /** Gives every foreign-key field that waits its object. */
    void settleWaitingKeys(Object entity) {
        List<ForeignKeyProperty> keys = meta.foreignKeys();
        for (int i = 0; i < keys.size(); i++) {
            resolveKey(entity, keys.get(i).slot());
        }
    }

    /** The keys, by slot bit, of the fields of a row being read that wait for their objects. */
    void deferKeys(long slots) {
        deferredKeys = slots;
    }

    /** The field in {@code slot} holds its object now (set before this call, so that who sees the bit clear sees it). */
    void settleKey(int slot) {
        DEFERRED_KEYS.getAndBitwiseAnd(this, ~(1L << slot));
    }

    /** Loads a hollow reference's row now, as its first field read would. */
    public void ensureLoaded(Object entity) {
        if (status == Status.HOLLOW) {
            load(entity);
        }
    }

    private synchronized void load(Object entity) {
        if (status != Status.HOLLOW) {
            return; // another thread loaded it meanwhile
        }
        Object id = meta.access().get(entity, meta.id().slot());
        if (!context.loadHollow(meta, entity, id)) {
            throw new NotFoundException(meta.name() + "#" + id + " does not exist: this object stands for its row "
                    + "without its fields (a reference from Database.reference or a foreign key, or an object read in "
                    + "a transaction that rolled back), and the row was not found when a field was read; check the id, "
                    + "or whether the row was deleted or its insert rolled back.");
        }
    }

    private static long bit(int slot) {
        return 1L << Math.min(slot, 63);
    }
}
