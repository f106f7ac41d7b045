package dev.weft.internal.persist;

import com.github.benmanes.caffeine.cache.Cache;
import dev.weft.WeftException;
import dev.weft.internal.enhance.Enhanced;
import dev.weft.internal.meta.ColumnProperty;
import dev.weft.internal.meta.EntityAccess;
import dev.weft.internal.meta.EntityMeta;
import dev.weft.internal.meta.ForeignKeyProperty;
import dev.weft.internal.types.TextReader;

import java.lang.ref.WeakReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Turns the rows of one result set into objects of one entity. What every row needs is looked up once, when the
 * reader is made: the identity maps of the entity and of the entities its foreign keys point at, and the cohorts
 * of the result set. A reader lives as long as its result set; the identity map may be cleared meanwhile, and the
 * rows still read go into the map it had.
 */
public final class RowReader {

    private final PersistenceContext context;
    private final EntityMeta meta;
    private final List<ColumnProperty> columns;
    private final LoadBatch batch;
    private final Cache<Object, Object> identityMap;
    private final Cohort cohort;
    private final TextReader text;
    /** Inside a transaction, the objects this reader fills, to be read again if it rolls back; null outside. */
    private final List<WeakReference<Object>> filledInTransaction;
    /** How many objects this reader added to the identity map. */
    private int added;

    RowReader(PersistenceContext context, EntityMeta meta, LoadBatch batch,
              List<WeakReference<Object>> filledInTransaction) {
        this.context = context;
        this.meta = meta;
        this.columns = meta.columns();
        this.identityMap = context.identityMap(meta);
        context.noteSize(meta, identityMap); // grown by earlier result sets, each of few rows (gets one by one)
        this.batch = batch;
        this.cohort = batch == null ? null : batch.cohort(meta);
        this.filledInTransaction = filledInTransaction;
        this.text = context.textReader();
    }

    /**
     * The object for the row at the cursor, whose columns start at {@code offset} in the entity's column order:
     * the identity map's instance if it holds the row, else a new instance filled from the row. {@code null} where
     * the id column is NULL: an outer join that found no row.
     */
    public Object read(ResultSet row, int offset) throws SQLException {
        Object id = meta.id().type().read(row, offset, text);
        if (id == null) {
            return null;
        }
        Object existing = identityMap.getIfPresent(id);
        if (existing != null) {
            EntityState state = context.trackedState(existing);
            if (state == null || state.status() != EntityState.Status.HOLLOW) {
                if (cohort != null && state != null) {
                    join(state, existing, cohort);
                    joinReferences(existing);
                }
                return existing;
            }
        }
        Object entity = existing != null ? existing : meta.access().newInstance();
        fill(entity, id, row, offset);
        if (existing == null) {
            // Another thread may have made the same row's instance meanwhile (a reference): keep one.
            Object winner = identityMap.asMap().putIfAbsent(id, entity);
            if (winner == null && ++added == PersistenceContext.SMALL_MAP + 1) {
                context.heldMany(meta);
            }
            if (winner != null && winner != entity) {
                context.forget(entity);
                EntityState winnerState = context.trackedState(winner);
                if (winnerState != null && winnerState.status() == EntityState.Status.HOLLOW) {
                    return read(row, offset);
                }
                return winner;
            }
        }
        return entity;
    }

    /**
     * Sets the fields of {@code entity} from the row at the cursor (columns from {@code offset}, in the entity's
     * column order) and makes it MANAGED with that row as its snapshot. A foreign key's field is left {@code null}
     * and its object is made on first read ({@link dev.weft.internal.meta.DeferredKeys}), from the snapshot's key.
     */
    public void fill(Object entity, Object id, ResultSet row, int offset) throws SQLException {
        int size = columns.size();
        Object[] snapshot = new Object[size];
        snapshot[0] = id;
        EntityAccess access = meta.access();
        access.set(entity, meta.id().slot(), id);
        long deferred = 0;
        for (int i = 1; i < size; i++) {
            ColumnProperty column = columns.get(i);
            Object value;
            try {
                value = column.type().read(row, offset + i, text);
            } catch (RuntimeException e) { // a stored value the field's type cannot hold: an enum constant since removed
                throw unreadable(id, column, row, offset + i, e);
            }
            snapshot[i] = value;
            if (value == null) {
                if (column.primitive()) {
                    throw new WeftException(meta.name() + "#" + id + "." + column.name() + " is NULL in the "
                            + "database, but the field is a primitive " + column.field().getType().getName()
                            + ": declare it with the box type to accept NULL.");
                }
            } else if (column instanceof ForeignKeyProperty fk) {
                if (EntityState.keyCanWait(fk.slot())) {
                    deferred |= 1L << fk.slot();
                    value = null;
                } else { // no bit to wait on: made now, with the result set's other references
                    value = batch != null ? batch.references(context, fk.target()).to(value)
                            : context.reference(fk.target(), value);
                }
            }
            access.set(entity, column.slot(), value);
        }
        EntityState state = context.trackedState(entity);
        if (state == null) {
            state = context.newState(entity, meta, snapshot);
            state.deferKeys(deferred);
        } else {
            state.deferKeys(deferred); // before the state says MANAGED: another thread may read the fields then
            state.loaded(snapshot);
        }
        if (cohort != null) {
            join(state, entity, cohort);
        }
        if (filledInTransaction != null) {
            filledInTransaction.add(new WeakReference<>(entity));
        }
    }

    private WeftException unreadable(Object id, ColumnProperty column, ResultSet row, int index, RuntimeException e)
            throws SQLException {
        return new WeftException(meta.name() + "#" + id + "." + column.name() + " holds '" + row.getString(index)
                + "' in column " + column.column() + ", which cannot be read as " + column.field().getType().getName()
                + " (" + e.getMessage() + "): correct the stored value, or change the field's type to one that "
                + "holds it.", e);
    }

    /** The unloaded references of an object a result set yields again join that result set's cohorts. */
    private void joinReferences(Object entity) {
        List<ForeignKeyProperty> keys = meta.foreignKeys();
        for (int i = 0; i < keys.size(); i++) { // indexed: a for-each's iterator is not elided here (see SavePlan)
            ForeignKeyProperty fk = keys.get(i);
            Object target = ((Enhanced) entity).$weft$get(fk.slot()); // not through access: a waiting key waits on
            EntityState state = target == null ? null : context.trackedState(target);
            if (state != null && state.status() == EntityState.Status.HOLLOW) {
                join(state, target, batch.cohort(fk.target()));
            }
        }
    }

    /**
     * Makes the object a member of the cohort of the result set that read it last, so that following a relation
     * from that result set loads it with the others.
     */
    static void join(EntityState state, Object entity, Cohort cohort) {
        if (state.cohort() != cohort) {
            state.cohort(cohort);
            cohort.add(entity);
        }
    }
}
