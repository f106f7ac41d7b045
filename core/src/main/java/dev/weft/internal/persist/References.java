package dev.weft.internal.persist;

import com.github.benmanes.caffeine.cache.Cache;
import dev.weft.internal.meta.EntityMeta;

import java.util.HashMap;
import java.util.Map;

/**
 * The objects that the foreign keys of one result set point at, for one target entity. A result set names the
 * same rows again and again (a thousand tracks, a few hundred albums): each id is looked up in the identity map,
 * and joined to the result set's cohort, once.
 */
final class References {

    private final PersistenceContext context;
    private final EntityMeta target;
    private final Cache<Object, Object> identityMap;
    private final Cohort cohort;
    private final Map<Object, Object> seen = new HashMap<>();
    /** The last id asked for and its object: rows in a result set often name the same row as the row before. */
    private Object lastId;
    private Object lastReference;

    References(PersistenceContext context, EntityMeta target, LoadBatch batch) {
        this.context = context;
        this.target = target;
        this.identityMap = context.identityMap(target);
        this.cohort = batch.cohort(target);
    }

    /** The result set's cohort of the target entity, which the hollow references join. */
    Cohort cohort() {
        return cohort;
    }

    /** The object of the row with this id: the identity map's instance, or a new hollow one with only its id set. */
    Object to(Object id) {
        if (id.equals(lastId)) {
            return lastReference;
        }
        Object reference = seen.get(id);
        if (reference == null) {
            reference = firstReference(id);
        }
        lastId = id;
        lastReference = reference;
        return reference;
    }

    private Object firstReference(Object id) {
        Object reference = identityMap.getIfPresent(id); // the common case, without the cost of an atomic compute
        if (reference == null) {
            reference = context.newReference(identityMap, target, id);
        }
        EntityState state = context.trackedState(reference);
        if (state != null && state.status() == EntityState.Status.HOLLOW) {
            RowReader.join(state, reference, cohort);
        }
        seen.put(id, reference);
        return reference;
    }
}
