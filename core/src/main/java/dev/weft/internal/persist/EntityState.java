package dev.weft.internal.persist;

/**
 * What the runtime knows of one entity instance: whether it has a row, and the column values the row had
 * when the instance was last loaded or saved, to find what changed.
 */
public final class EntityState {

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

    private Status status;
    private Object[] snapshot;

    public EntityState(Status status, Object[] snapshot) {
        this.status = status;
        this.snapshot = snapshot;
    }

    public Status status() {
        return status;
    }

    /** Column values (foreign keys as ids) by column index, as the row last had them; null when NEW. */
    public Object[] snapshot() {
        return snapshot;
    }

    public void loaded(Object[] snapshot) {
        this.status = Status.MANAGED;
        this.snapshot = snapshot;
    }

    public void deleted() {
        this.status = Status.DELETED;
        this.snapshot = null;
    }
}
