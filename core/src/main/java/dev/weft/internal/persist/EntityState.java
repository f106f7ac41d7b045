package dev.weft.internal.persist;

import dev.weft.NotFoundException;
import dev.weft.internal.enhance.FieldInterceptor;
import dev.weft.internal.meta.EntityMeta;

/**
 * What the runtime knows of one entity instance, attached to it as its {@link FieldInterceptor}: whether it has a
 * row, the column values the row had when the instance was last loaded or saved, and which fields the
 * application wrote since then.
 *
 * <p>Enhanced code calls it around every access of a persistent field. A hollow reference loads its row on the
 * first access of any field but its id; a write marks the field's slot dirty, so that {@code save} compares only
 * those fields with the snapshot (a field set back to its loaded value is not written).
 */
public final class EntityState implements FieldInterceptor {

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

    private final PersistenceContext context;
    private final EntityMeta meta;
    // volatile: another thread that sees MANAGED must also see the fields the load wrote before it
    private volatile Status status;
    private Object[] snapshot;
    /** Slots written since the last load or save; slot 63 stands for every slot from 63 on. */
    private long dirty;

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

    public void deleted() {
        this.snapshot = null;
        this.status = Status.DELETED;
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
        if (status == Status.HOLLOW) {
            load(entity);
        }
    }

    @Override
    public void beforeRelationWrite(Object entity, int slot, Object value) {
        if (status == Status.HOLLOW) {
            load(entity);
        }
        dirty |= bit(slot);
    }

    private synchronized void load(Object entity) {
        if (status != Status.HOLLOW) {
            return; // another thread loaded it meanwhile
        }
        Object id = meta.access().get(entity, meta.id().slot());
        if (!context.loadHollow(meta, entity, id)) {
            throw new NotFoundException(meta.name() + "#" + id + " does not exist: this object is a reference to it "
                    + "(from Database.reference or a foreign key), and its row was not found when a field was read; "
                    + "check the id, or whether the row was deleted.");
        }
    }

    private static long bit(int slot) {
        return 1L << Math.min(slot, 63);
    }
}
