package dev.weft.internal.persist;

import dev.weft.internal.meta.EntityMeta;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What the rows of one result set share: a cohort per entity it yields (the rows themselves, and the references
 * their foreign keys point at), and the references it made so far. A batch lives as long as its result set.
 */
public final class LoadBatch {

    private final Map<EntityMeta, Cohort> cohorts = new IdentityHashMap<>(4);
    private final Map<EntityMeta, References> references = new IdentityHashMap<>(4);

    public LoadBatch() {
    }

    /** A batch whose objects of {@code meta} join a cohort that exists already (a cohort loading its references). */
    public LoadBatch(EntityMeta meta, Cohort cohort) {
        cohorts.put(meta, cohort);
    }

    Cohort cohort(EntityMeta meta) {
        return cohorts.computeIfAbsent(meta, m -> new Cohort());
    }

    References references(PersistenceContext context, EntityMeta target) {
        return references.computeIfAbsent(target, t -> new References(context, t, this));
    }
}
