package dev.weft.internal.persist;

import dev.weft.internal.enhance.Enhanced;
import dev.weft.internal.meta.ColumnProperty;
import dev.weft.internal.meta.EntityMeta;
import dev.weft.internal.meta.ForeignKeyProperty;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one write operation changed in memory, kept so that it can be put back: when the operation fails,
 * or when the application's transaction around it rolls back later. Holds, for each object the operation
 * touched, its column fields, state and place in the identity map as they were before.
 */
public final class MemoryJournal {

    /**
     * {@code fields} as they are, {@code null} for a key that waits; {@code waitingKeys} says which wait. No
     * {@code fields} at all where only the id changes (an insert): {@code id} is then all there is to put back.
     */
    private record Before(EntityMeta meta, Object id, Object[] fields, EntityState.Status status, Object[] snapshot,
                          long dirty, long waitingKeys, boolean cached) {
    }

    private final PersistenceContext context;
    private Map<Object, Before> before = new IdentityHashMap<>();
    private final ArrayList<Object> order = new ArrayList<>();
    private final List<Runnable> undo = new ArrayList<>();

    public MemoryJournal(PersistenceContext context) {
        this.context = context;
    }

    /**
     * Makes room for about {@code objects} more touched objects at once: a save of thousands grew the journal's
     * map and list step by step, rehashing and copying at each.
     */
    public void expect(int objects) {
        if (objects > 64) {
            Map<Object, Before> sized = new IdentityHashMap<>(before.size() + objects);
            sized.putAll(before);
            before = sized;
            order.ensureCapacity(order.size() + objects);
        }
    }

    /** Records the object as it is now, the first time the operation is about to change it. */
    public void touch(Object entity) {
        Before touched = before.get(entity);
        if (touched != null && touched.fields != null) {
            return;
        }
        EntityMeta meta = context.meta(entity);
        List<ColumnProperty> columns = meta.columns();
        Object[] fields = new Object[columns.size()];
        Enhanced enhanced = (Enhanced) entity;
        for (int i = 0; i < fields.length; i++) {
            fields[i] = enhanced.$weft$get(columns.get(i).slot()); // not through access: a waiting key stays waiting
        }
        if (touched != null) { // touched for an insert: since then only its id changed
            fields[0] = touched.id;
            before.put(entity, new Before(meta, touched.id, fields, touched.status, touched.snapshot, touched.dirty,
                    touched.waitingKeys, touched.cached));
            return;
        }
        record(entity, meta, fields[0], fields);
    }

    /**
     * Records an object an insert is about to give an id, the first time the operation changes it: the id is all
     * the insert changes in the object, so the other fields are not copied (a save of thousands copied them all).
     */
    public void touchInserted(Object entity, EntityMeta meta) {
        if (!before.containsKey(entity)) {
            record(entity, meta, meta.idOf(entity), null);
        }
    }

    private void record(Object entity, EntityMeta meta, Object id, Object[] fields) {
        EntityState state = context.trackedState(entity);
        before.put(entity, new Before(meta, id, fields, state == null ? null : state.status(),
                state == null ? null : PersistenceContext.copy(state.snapshot()), state == null ? 0 : state.dirtyBits(),
                state == null ? 0 : state.deferredKeys(), id != null && context.cached(meta, id) == entity));
        order.add(entity);
    }

    /**
     * Adds a step that puts back what the operation changed besides column fields (a loaded collection, an inverse
     * field); steps run after the fields are restored, the last added first.
     */
    public void onRevert(Runnable step) {
        undo.add(step);
    }

    /**
     * Puts every touched object back as it was, the last touched first. A key put back moves its object back
     * between the loaded collections of its old and new target, as assigning it would.
     */
    public void revert() {
        List<Runnable> keysBack = new ArrayList<>(0);
        for (int i = order.size() - 1; i >= 0; i--) {
            Object entity = order.get(i);
            Before b = before.get(entity);
            Object idNow = b.meta.idOf(entity);
            if (idNow != null && context.cached(b.meta, idNow) == entity && !(b.cached && idNow.equals(b.id))) {
                context.uncache(b.meta, idNow);
            }
            if (b.fields == null) {
                b.meta.access().set(entity, b.meta.id().slot(), b.id);
            } else {
                putFieldsBack(entity, b, keysBack);
            }
            if (b.status == null) {
                context.forget(entity);
            } else {
                context.track(entity, b.meta, b.status, b.snapshot, b.dirty);
                if (b.waitingKeys != 0) {
                    context.trackedState(entity).deferKeys(b.waitingKeys); // after the fields: setting a key settles it
                }
            }
            if (b.cached) {
                context.cache(b.meta, b.id, entity);
            }
        }
        // After every object is back: which collections an object's target has depends on the target's state.
        keysBack.forEach(Runnable::run);
        for (int i = undo.size() - 1; i >= 0; i--) {
            undo.get(i).run();
        }
    }

    private void putFieldsBack(Object entity, Before b, List<Runnable> keysBack) {
        List<ColumnProperty> columns = b.meta.columns();
        Enhanced enhanced = (Enhanced) entity;
        for (int c = 0; c < columns.size(); c++) {
            ColumnProperty column = columns.get(c);
            Object now = enhanced.$weft$get(column.slot());
            Object was = b.fields[c];
            if (column instanceof ForeignKeyProperty key && now != was) {
                keysBack.add(() -> context.relations().keyMoved(entity, key, now, was, null));
            }
            b.meta.access().set(entity, column.slot(), was);
        }
    }
}
