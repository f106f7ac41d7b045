package dev.weft.internal.persist;

import com.github.benmanes.caffeine.cache.Cache;
import dev.weft.WeftException;
import dev.weft.internal.meta.ColumnProperty;
import dev.weft.internal.meta.EntityMeta;
import dev.weft.internal.meta.ForeignKeyProperty;
import dev.weft.internal.types.ColumnType;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Turns the rows of one result set into objects of one entity. What every row needs is looked up once, when the
 * reader is made: the column types, the identity maps of the entity and of the entities its foreign keys point at,
 * and the cohorts of the result set. A reader lives as long as its result set; the identity map may be cleared
 * meanwhile, and the rows still read go into the map it had.
 */
public final class RowReader {

    private final PersistenceContext context;
    private final EntityMeta meta;
    private final ColumnProperty[] columns;
    private final ColumnType[] types;
    private final int[] slots;
    /** By column index: the references of a foreign key's target; {@code null} for other columns. */
    private final References[] references;
    private final Cache<Object, Object> identityMap;
    private final LoadBatch batch;
    private final Cohort cohort;

    RowReader(PersistenceContext context, EntityMeta meta, LoadBatch batch) {
        this.context = context;
        this.meta = meta;
        this.batch = batch;
        List<ColumnProperty> columnList = meta.columns();
        columns = columnList.toArray(ColumnProperty[]::new);
        types = new ColumnType[columns.length];
        slots = new int[columns.length];
        references = new References[columns.length];
        for (int i = 0; i < columns.length; i++) {
            types[i] = columns[i].type();
            slots[i] = columns[i].slot();
            if (columns[i] instanceof ForeignKeyProperty fk) {
                references[i] = batch == null ? new References(context, fk.target(), null) : batch.references(context, fk.target());
            }
        }
        identityMap = context.identityMap(meta);
        cohort = batch == null ? null : batch.cohort(meta);
    }

    /**
     * The object for the row at the cursor, whose columns start at {@code offset} in the entity's column order:
     * the identity map's instance if it holds the row, else a new instance filled from the row. {@code null} where
     * the id column is NULL: an outer join that found no row.
     */
    public Object read(ResultSet row, int offset) throws SQLException {
        Object id = types[0].read(row, offset);
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
     * column order) and makes it MANAGED with that row as its snapshot.
     */
    public void fill(Object entity, Object id, ResultSet row, int offset) throws SQLException {
        Object[] snapshot = new Object[columns.length];
        snapshot[0] = id;
        meta.access().set(entity, slots[0], id);
        for (int i = 1; i < columns.length; i++) {
            Object value = types[i].read(row, offset + i);
            if (value == null && columns[i].primitive()) {
                throw new WeftException(meta.name() + "#" + id + "." + columns[i].name() + " is NULL in the database, "
                        + "but the field is a primitive " + columns[i].field().getType().getName()
                        + ": declare it with the box type to accept NULL.");
            }
            snapshot[i] = value;
            if (value != null && references[i] != null) {
                value = references[i].to(value);
            }
            meta.access().set(entity, slots[i], value);
        }
        EntityState state = context.trackedState(entity);
        if (state == null) {
            state = context.newState(entity, meta, snapshot);
        } else {
            state.loaded(snapshot);
        }
        if (cohort != null) {
            join(state, entity, cohort);
        }
    }

    /** The unloaded references of an object a result set yields again join that result set's cohorts. */
    private void joinReferences(Object entity) {
        for (ForeignKeyProperty fk : meta.foreignKeys()) {
            Object target = meta.access().get(entity, fk.slot());
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
