package dev.weft.internal.relation;

import dev.weft.internal.meta.EntityMeta;
import dev.weft.internal.meta.ForeignKeyProperty;
import dev.weft.internal.meta.InverseProperty;
import dev.weft.internal.meta.ManyToManyProperty;
import dev.weft.internal.meta.Metamodel;
import dev.weft.internal.persist.EntityState;
import dev.weft.internal.persist.PersistenceContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the other side of a relation true in memory when one side changes: a book whose author changes leaves the
 * old author's loaded {@code books} and joins the new one's; a junction link shows on both sides; a one-to-one
 * inverse field follows its key. Only what is loaded is touched: a relation not in memory reads the database when
 * it is first used, and finds the change there.
 */
final class Backrefs {

    private final PersistenceContext context;
    private final Metamodel metamodel;

    Backrefs(PersistenceContext context, Metamodel metamodel) {
        this.context = context;
        this.metamodel = metamodel;
    }

    /** The owner's live collection for a side, if it has one and it is loaded. */
    LiveRelation<?> loaded(Object owner, RelationSide side) {
        EntityState state = owner == null ? null : context.trackedState(owner);
        Object relation = state == null ? null : state.relation(side);
        return relation instanceof LiveRelation<?> live && live.isLoaded() ? live : null;
    }

    /** {@code element}'s key {@code key} now points at {@code to} instead of {@code from}. */
    void keyMoved(Object element, ForeignKeyProperty key, Object from, Object to) {
        if (from == to) {
            return;
        }
        RelationSide side = new RelationSide.ReverseKey(key);
        LiveRelation<?> old = loaded(from, side);
        if (old != null) {
            old.forget(element);
        }
        LiveRelation<?> now = loaded(to, side);
        if (now != null) {
            now.remember(element);
        }
        if (key.inverse() instanceof InverseProperty inverse && !inverse.isCollection()) {
            EntityMeta target = key.target();
            if (from != null && target.access().get(from, inverse.slot()) == element) {
                target.access().set(from, inverse.slot(), null);
            }
            EntityState toState = to == null ? null : context.trackedState(to);
            if (toState != null) {
                target.access().set(to, inverse.slot(), element);
                toState.inverseLoaded(inverse.slot(), true);
            }
        }
    }

    /** A junction row now links {@code element} to {@code owner} on {@code side}. */
    void linked(RelationSide.Junction side, Object owner, Object element) {
        LiveRelation<?> mine = loaded(owner, side);
        if (mine != null) {
            mine.remember(element);
        }
        LiveRelation<?> theirs = loaded(element, side.reverse());
        if (theirs != null) {
            theirs.remember(owner);
        }
    }

    /** The junction row linking {@code element} to {@code owner} on {@code side} is gone. */
    void unlinked(RelationSide.Junction side, Object owner, Object element) {
        LiveRelation<?> mine = loaded(owner, side);
        if (mine != null) {
            mine.forget(element);
        }
        LiveRelation<?> theirs = loaded(element, side.reverse());
        if (theirs != null) {
            theirs.forget(owner);
        }
    }

    /**
     * The row of {@code entity} was deleted: it leaves its owners' loaded collections, and the loaded collections
     * it was linked into through junction rows (which the database deleted with it).
     */
    void deleted(Object entity, EntityMeta meta) {
        for (ForeignKeyProperty key : meta.foreignKeys()) {
            Object owner = meta.access().get(entity, key.slot());
            if (owner != null) {
                keyMoved(entity, key, owner, null);
            }
        }
        for (RelationSide.Junction side : junctionSides(meta)) {
            LiveRelation<?> mine = loaded(entity, side);
            List<Object> counterparts = mine != null ? mine.loadedElements() : context.loaded(side.element());
            for (Object counterpart : counterparts) {
                LiveRelation<?> theirs = loaded(counterpart, side.reverse());
                if (theirs != null) {
                    theirs.forget(entity);
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
