package dev.weft.internal.persist;

import dev.weft.WeftException;
import dev.weft.internal.meta.EntityMeta;
import dev.weft.internal.meta.ForeignKeyProperty;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects one save writes, in the order it writes them: every object after the objects its foreign
 * keys reference. Where foreign keys form a cycle of new objects, one nullable key of the cycle is written
 * as NULL first and set once its target exists ({@link Deferred}).
 */
final class SavePlan {

    record Deferred(Object entity, ForeignKeyProperty key) {
    }

    private enum Mark { VISITING, DONE }

    private final PersistenceContext context;
    private final Map<Object, Mark> marks = new IdentityHashMap<>();
    private final List<Object> order = new ArrayList<>();
    private final List<Deferred> deferred = new ArrayList<>();

    private SavePlan(PersistenceContext context) {
        this.context = context;
    }

    static SavePlan of(List<?> roots, PersistenceContext context) {
        SavePlan plan = new SavePlan(context);
        for (Object root : roots) {
            plan.visit(root, true);
        }
        return plan;
    }

    boolean isEmpty() {
        return order.isEmpty();
    }

    List<Object> order() {
        return order;
    }

    List<Deferred> deferred() {
        return deferred;
    }

    List<Deferred> deferredOf(Object entity) {
        if (deferred.isEmpty()) {
            return Collections.emptyList();
        }
        List<Deferred> of = new ArrayList<>();
        for (Deferred d : deferred) {
            if (d.entity() == entity) {
                of.add(d);
            }
        }
        return of;
    }

    private void visit(Object entity, boolean root) {
        if (marks.containsKey(entity)) {
            return;
        }
        EntityMeta meta = context.meta(entity);
        EntityState state = context.state(entity);
        if (state.status() == EntityState.Status.DELETED) {
            throw new WeftException("cannot save " + ErrorTranslator.describe(meta, entity)
                    + ": it was deleted; save a new object to store it again.");
        }
        boolean isNew = state.status() == EntityState.Status.NEW;
        if (!root && !isNew && state.status() != EntityState.Status.MANAGED) {
            return; // a hollow reference: its row exists and nothing of it was loaded to change
        }
        marks.put(entity, Mark.VISITING);
        for (ForeignKeyProperty fk : meta.foreignKeys()) {
            Object target = meta.access().get(entity, fk.slot());
            if (target == null) {
                continue;
            }
            Mark mark = marks.get(target);
            if (mark == Mark.VISITING) {
                if (context.isNew(target)) {
                    breakCycle(entity, fk, target);
                }
                continue;
            }
            visit(target, false);
        }
        marks.put(entity, Mark.DONE);
        order.add(entity);
    }

    private void breakCycle(Object entity, ForeignKeyProperty fk, Object target) {
        if (!fk.nullable()) {
            throw new WeftException("cannot save " + ErrorTranslator.describe(fk.owner(), entity) + ": its key "
                    + fk.qualifiedName() + " closes a cycle of new objects through " + fk.target().name()
                    + ", and no key of the cycle can be NULL while the others are inserted; make one of them "
                    + "nullable, or save the objects of the cycle one by one.");
        }
        deferred.add(new Deferred(entity, fk));
    }
}
