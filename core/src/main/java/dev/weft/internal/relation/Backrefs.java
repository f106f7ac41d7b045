package dev.weft.internal.relation;

import dev.weft.internal.meta.EntityMeta;
import dev.weft.internal.meta.ForeignKeyProperty;
import dev.weft.internal.meta.InverseProperty;
import dev.weft.internal.meta.ManyToManyProperty;
import dev.weft.internal.meta.Metamodel;
import dev.weft.internal.persist.EntityState;
import dev.weft.internal.persist.MemoryJournal;
import dev.weft.internal.persist.PersistenceContext;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the other side of a relation true in memory when one side changes: a book whose author changes leaves the
 * old author's loaded {@code books} and joins the new one's; a junction link shows on both sides; a one-to-one
 * inverse field follows its key. Only what is loaded is touched: a relation not in memory reads the database when
 * it is first used, and finds the change there.
 */
final class Backrefs {

    private final PersistenceContext context;
    private final Metamodel metamodel;

    /** The sides for which a live collection was ever made in this database. */
    private final Set<RelationSide> sidesWithCollections = ConcurrentHashMap.newKeySet();

    Backrefs(PersistenceContext context, Metamodel metamodel) {
        this.context = context;
        this.metamodel = metamodel;
    }

    /**
     * Records that some object now has a live collection for {@code side}, so that {@link #deleted} looks for
     * loaded collections to update only on sides where there can be one.
     */
    void collectionMade(RelationSide side) {
        if (!sidesWithCollections.contains(side)) {
            sidesWithCollections.add(side);
        }
    }

    /** Whether a live collection of {@code meta}'s objects was ever made. */
    boolean mayHold(EntityMeta meta) {
        for (RelationSide side : sidesWithCollections) {
            if (side.element() == meta) {
                return true;
            }
        }
        return false;
    }

    /**
     * Rows of {@code meta} were deleted: the loaded collections of the owners in the identity map drop what they hold
     * of those rows, whichever instance that is, and such an instance is marked deleted. {@link #deleted} finds the
     * collections of a deleted object through its keys and links; an instance the identity map no longer knows is
     * found only here, by its row.
     */
    void deletedRows(EntityMeta meta, Set<Object> ids, MemoryJournal journal) {
        Set<Object> forgotten = Collections.newSetFromMap(new IdentityHashMap<>());
        for (RelationSide side : sidesWithCollections) {
            if (side.element() != meta) {
                continue;
            }
            for (Object owner : context.loaded(side.owner())) {
                LiveRelation<?> relation = loaded(owner, side);
                List<Object> dropped = relation == null ? List.of() : relation.forgetRows(ids);
                if (!dropped.isEmpty()) {
                    refreshOnRevert(relation, journal);
                    forgotten.addAll(dropped);
                }
            }
        }
        // The evicted instances of the rows are deleted objects too: saving one says so, as for any other.
        for (Object instance : forgotten) {
            context.deleted(instance, meta, journal);
        }
    }

    /** The owner's live collection for a side, if it has one and it is loaded. */
    LiveRelation<?> loaded(Object owner, RelationSide side) {
        EntityState state = owner == null ? null : context.trackedState(owner);
        Object relation = state == null ? null : state.relation(side);
        return relation instanceof LiveRelation<?> live && live.isLoaded() ? live : null;
    }

    /**
     * {@code element}'s key {@code key} now points at {@code to} instead of {@code from}. Each change is undone by
     * {@code journal} (null: the change is the application's own assignment, and not part of a database write).
     */
    void keyMoved(Object element, ForeignKeyProperty key, Object from, Object to, MemoryJournal journal) {
        if (from == to) {
            return;
        }
        RelationSide side = new RelationSide.ReverseKey(key);
        LiveRelation<?> old = loaded(from, side);
        if (old != null) {
            old.forget(element);
            refreshOnRevert(old, journal);
        }
        LiveRelation<?> now = loaded(to, side);
        if (now != null) {
            now.remember(element);
            refreshOnRevert(now, journal);
        }
        if (key.inverse() instanceof InverseProperty inverse && !inverse.isCollection()) {
            EntityMeta target = key.target();
            if (from != null && target.access().get(from, inverse.slot()) == element) {
                setInverse(target, from, inverse, null, journal);
            }
            if (to != null && context.trackedState(to) != null) {
                setInverse(target, to, inverse, element, journal);
            }
        }
    }

    private void setInverse(EntityMeta meta, Object owner, InverseProperty inverse, Object value, MemoryJournal journal) {
        EntityState state = context.trackedState(owner);
        Object before = meta.access().get(owner, inverse.slot());
        boolean wasLoaded = state != null && state.inverseLoaded(inverse.slot());
        meta.access().set(owner, inverse.slot(), value);
        if (state != null) {
            state.inverseLoaded(inverse.slot(), value != null || wasLoaded);
        }
        if (journal != null) {
            journal.onRevert(() -> {
                meta.access().set(owner, inverse.slot(), before);
                if (state != null) {
                    state.inverseLoaded(inverse.slot(), wasLoaded);
                }
            });
        }
    }

    /** A rolled-back change leaves a loaded collection to be read again, as the database has it. */
    static void refreshOnRevert(LiveRelation<?> relation, MemoryJournal journal) {
        if (journal != null) {
            journal.onRevert(relation::refresh);
        }
    }

    /**
     * Junction rows now link each of {@code elements} to {@code owner} on {@code side}: the loaded relations of both
     * sides take them in. The reverse side is found, and the owner's relation's undo step queued, once for all.
     */
    void linked(RelationSide.Junction side, Object owner, List<Object> elements, MemoryJournal journal) {
        LiveRelation<?> mine = loaded(owner, side);
        RelationSide.Junction reverse = side.reverse();
        for (int i = 0; i < elements.size(); i++) {
            Object element = elements.get(i);
            if (mine != null) {
                mine.remember(element);
            }
            LiveRelation<?> theirs = loaded(element, reverse);
            if (theirs != null) {
                theirs.remember(owner);
                refreshOnRevert(theirs, journal);
            }
        }
        if (mine != null) {
            refreshOnRevert(mine, journal);
        }
    }

    /** The junction row linking {@code element} to {@code owner} on {@code side} is gone. */
    void unlinked(RelationSide.Junction side, Object owner, Object element, MemoryJournal journal) {
        LiveRelation<?> mine = loaded(owner, side);
        if (mine != null) {
            mine.forget(element);
            refreshOnRevert(mine, journal);
        }
        LiveRelation<?> theirs = loaded(element, side.reverse());
        if (theirs != null) {
            theirs.forget(owner);
            refreshOnRevert(theirs, journal);
        }
    }

    /**
     * The row of {@code entity} was deleted: it leaves its owners' loaded collections, and the loaded collections
     * it was linked into through junction rows (which the database deleted with it).
     */
    void deleted(Object entity, EntityMeta meta, MemoryJournal journal) {
        for (ForeignKeyProperty key : meta.foreignKeys()) {
            Object owner = meta.access().get(entity, key.slot());
            if (owner != null) {
                keyMoved(entity, key, owner, null, journal);
            }
        }
        for (RelationSide.Junction side : junctionSides(meta)) {
            if (!sidesWithCollections.contains(side.reverse())) {
                continue; // no object has a collection of this side that could hold the deleted one
            }
            LiveRelation<?> mine = loaded(entity, side);
            List<Object> counterparts = mine != null ? mine.loadedElements() : context.loaded(side.element());
            for (Object counterpart : counterparts) {
                LiveRelation<?> theirs = loaded(counterpart, side.reverse());
                if (theirs != null) {
                    theirs.forget(entity);
                    refreshOnRevert(theirs, journal);
                }
            }
        }
    }

    /** Every junction side whose owner is {@code meta}, declared by a field or not. */
    private List<RelationSide.Junction> junctionSides(EntityMeta meta) {
        List<RelationSide.Junction> sides = new ArrayList<>();
        for (EntityMeta any : metamodel.all()) {
            for (ManyToManyProperty m2m : any.manyToMany()) {
                if (!m2m.owning()) {
                    continue;
                }
                if (m2m.junction().owner() == meta) {
                    sides.add(new RelationSide.Junction(m2m.junction(), true));
                }
                if (m2m.junction().target() == meta) {
                    sides.add(new RelationSide.Junction(m2m.junction(), false));
                }
            }
        }
        return sides;
    }
}
