package dev.weft.internal.persist;

import dev.weft.UniqueViolationException;
import dev.weft.WeftException;
import dev.weft.internal.meta.EntityMeta;
import dev.weft.internal.meta.ForeignKeyProperty;
import dev.weft.internal.meta.InverseProperty;
import dev.weft.internal.meta.ManyToManyProperty;
import dev.weft.internal.meta.Naming;
import dev.weft.internal.meta.Property;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects one save writes, in the order it writes them. A save reaches every new or changed object through
 * relation fields: foreign keys, inverse one-to-one fields, and collections (the elements of a new owner's plain
 * collection, and the loaded elements of a live one). Every object is written after the objects its foreign keys
 * reference; where foreign keys form a cycle of new objects, one nullable key of the cycle is written as NULL
 * first and set once its target exists ({@link Deferred}).
 *
 * <p>Elements of a new owner's one-to-many collection get their key pointed at the owner (recorded in the
 * journal, so that a failed save puts them back), and its many-to-many elements become junction rows to write
 * once both ids exist.
 *
 * <p>The loops over an entity's relations are indexed: an entity's lists are of several immutable classes, so
 * a for-each's iterator is neither inlined nor elided, and such iterators were 17% of what saving 2,000 new
 * objects allocated.
 */
final class SavePlan {

    record Deferred(Object entity, ForeignKeyProperty key) {
    }

    /** How far the plan got with an object: found by {@link #reach}, then being and done being ordered. */
    private enum Mark { REACHED, VISITING, DONE }

    /** A new owner's collection field that holds an element, pointing the element's key at that owner. */
    private record Claim(Object owner, InverseProperty collection) {
    }

    private final PersistenceContext context;
    private final MemoryJournal journal;
    // Sized for the roots up front: growing an identity map re-hashes it, 2% of saving 1,000 loaded objects.
    private final Map<Object, Mark> marks;
    private final List<Object> reachOrder;
    private List<Object> order;
    private final List<Deferred> deferred = new ArrayList<>();
    /** The deferred keys again, by object: a visit asks for each key it follows. Null until a key is deferred. */
    private Map<Object, List<Deferred>> deferredByEntity;
    /** The objects being visited, outermost first, and the keys followed from each to the next. */
    private final List<Object> path = new ArrayList<>();
    private final List<ForeignKeyProperty> pathKeys = new ArrayList<>();
    private final List<SavedRelations.NewCollection> collections = new ArrayList<>();
    private final List<SavedRelations.KeyMove> keyMoves = new ArrayList<>();
    private final List<SavedRelations.Link> links = new ArrayList<>();
    /** For each foreign key, the new owner whose collection gave an element that key, and through which field. */
    private Map<ForeignKeyProperty, Map<Object, Claim>> claims;
    /** How many objects of {@code order} are new; regrouping changes their places, not their number. */
    private int newObjects;

    private SavePlan(PersistenceContext context, MemoryJournal journal, int roots) {
        this.context = context;
        this.journal = journal;
        this.marks = new IdentityHashMap<>(roots);
        this.reachOrder = new ArrayList<>(roots);
    }

    static SavePlan of(List<?> roots, PersistenceContext context, MemoryJournal journal) {
        SavePlan plan = new SavePlan(context, journal, roots.size());
        for (Object root : roots) {
            plan.reach(root, null, null);
        }
        plan.order = new ArrayList<>(plan.reachOrder.size()); // visit orders at most what reach found
        plan.orderAll();
        plan.newObjects = plan.countNew();
        plan.groupNewObjects();
        return plan;
    }

    /**
     * Orders every reached object after the new objects it references; objects that exist already have their rows,
     * so a key to one orders nothing. Where a cycle has to be broken at a key other than the one that closed it, the
     * objects ordered since the current root began may sit before their targets: that root's walk starts again with
     * the key deferred. What earlier roots ordered stands, as deferring a key only drops a constraint.
     */
    private void orderAll() {
        for (Object root : reachOrder) {
            int ordered = order.size();
            int deferrals = deferred.size();
            Deferred broken;
            while ((broken = visit(root)) != null) {
                for (int i = ordered; i < order.size(); i++) {
                    marks.put(order.get(i), Mark.REACHED);
                }
                for (Object visiting : path) {
                    marks.put(visiting, Mark.REACHED);
                }
                order.subList(ordered, order.size()).clear();
                path.clear();
                pathKeys.clear();
                // The abandoned walk's own deferrals may not be needed on the next: each costs an UPDATE.
                while (deferred.size() > deferrals) {
                    undeferLast();
                }
                defer(broken);
                deferrals = deferred.size();
            }
        }
    }

    /**
     * Regroups each run of consecutive new objects in the order: first those that reference no new object of the
     * run, then those that reference only those, and so on; within each such level, by entity. A thousand books
     * with new authors are written as a thousand authors, then a thousand books, which the persister inserts in
     * a few multi-row statements instead of two thousand. Every object still follows the objects it references,
     * and the objects of one entity keep their order, so that their generated ids grow in the order given.
     * Loaded objects that have nothing to write go last, out of the runs' way: a thousand new books of loaded
     * authors are one run, not a thousand runs of one book between two authors.
     */
    private void groupNewObjects() {
        if (newObjects == 0) {
            return; // a save of loaded objects only: nothing to regroup
        }
        List<Object> grouped = new ArrayList<>(order.size());
        List<Object> run = new ArrayList<>(order.size());
        List<Object> unchanged = new ArrayList<>();
        for (Object entity : order) {
            if (context.isNew(entity)) {
                run.add(entity);
            } else if (writesNothing(entity)) {
                unchanged.add(entity);
            } else {
                if (!run.isEmpty()) {
                    groupRun(run, grouped);
                    run.clear();
                }
                grouped.add(entity);
            }
        }
        groupRun(run, grouped);
        grouped.addAll(unchanged);
        order = grouped;
    }

    /** Whether the save writes nothing of a loaded object: no field was written since it was loaded or saved. */
    boolean writesNothing(Object entity) {
        EntityState state = context.trackedState(entity);
        return state != null && state.status() == EntityState.Status.MANAGED && !state.isDirty()
                && deferredOf(entity).isEmpty();
    }

    /** How many objects of the plan are new: each will be inserted. */
    int newObjects() {
        return newObjects;
    }

    private int countNew() {
        int count = 0;
        for (int i = 0; i < order.size(); i++) {
            if (context.isNew(order.get(i))) {
                count++;
            }
        }
        return count;
    }

    private void groupRun(List<Object> run, List<Object> into) {
        if (run.size() < 2) {
            into.addAll(run);
            return;
        }
        Map<Object, Integer> levels = new IdentityHashMap<>(run.size());
        List<Map<EntityMeta, List<Object>>> byLevel = new ArrayList<>();
        // An object goes no lower than the last of its entity, or a book given after one with a new author would
        // be inserted before it, and the ids would not grow in the order given.
        Map<EntityMeta, Integer> lastLevel = new IdentityHashMap<>();
        for (Object entity : run) {
            EntityMeta meta = context.meta(entity);
            int level = lastLevel.getOrDefault(meta, 0);
            List<ForeignKeyProperty> keys = meta.foreignKeys();
            for (int i = 0; i < keys.size(); i++) {
                ForeignKeyProperty fk = keys.get(i);
                Object target = context.loadedTarget(meta, fk, entity);
                Integer targetLevel = target == null ? null : levels.get(target);
                if (targetLevel != null && !isDeferred(entity, fk)) {
                    level = Math.max(level, targetLevel + 1);
                }
            }
            levels.put(entity, level);
            lastLevel.put(meta, level);
            while (byLevel.size() <= level) {
                byLevel.add(new LinkedHashMap<>());
            }
            byLevel.get(level).computeIfAbsent(meta, m -> new ArrayList<>()).add(entity);
        }
        for (Map<EntityMeta, List<Object>> level : byLevel) {
            for (List<Object> group : level.values()) {
                for (int i = 0; i < group.size(); i++) { // not addAll: that copies the group first
                    into.add(group.get(i));
                }
            }
        }
    }

    boolean isEmpty() {
        return order.isEmpty() && links.isEmpty();
    }

    List<Object> order() {
        return order;
    }

    List<Deferred> deferred() {
        return deferred;
    }

    List<SavedRelations.Link> links() {
        return links;
    }

    /** What the save does to relations, for memory to follow once it committed. */
    SavedRelations relations(List<Object> inserted) {
        List<SavedRelations.KeyMove> keys = new ArrayList<>(keyMoves.size() + inserted.size());
        keys.addAll(keyMoves);
        for (Object entity : inserted) {
            EntityMeta meta = context.meta(entity);
            List<ForeignKeyProperty> foreignKeys = meta.foreignKeys();
            for (int i = 0; i < foreignKeys.size(); i++) {
                ForeignKeyProperty fk = foreignKeys.get(i);
                Object target = meta.access().get(entity, fk.slot());
                if (target != null) {
                    keys.add(new SavedRelations.KeyMove(entity, fk, null, target));
                }
            }
        }
        return new SavedRelations(collections, keys, links);
    }

    List<Deferred> deferredOf(Object entity) {
        List<Deferred> of = deferredByEntity == null ? null : deferredByEntity.get(entity);
        return of == null ? Collections.emptyList() : of;
    }

    private boolean isDeferred(Object entity, ForeignKeyProperty fk) {
        List<Deferred> of = deferredOf(entity);
        for (int i = 0; i < of.size(); i++) {
            if (of.get(i).key() == fk) {
                return true;
            }
        }
        return false;
    }

    private void defer(Deferred key) {
        deferred.add(key);
        if (deferredByEntity == null) {
            deferredByEntity = new IdentityHashMap<>();
        }
        deferredByEntity.computeIfAbsent(key.entity(), e -> new ArrayList<>(1)).add(key);
    }

    private void undeferLast() {
        Deferred key = deferred.remove(deferred.size() - 1);
        List<Deferred> of = deferredByEntity.get(key.entity());
        of.remove(key);
        if (of.isEmpty()) {
            deferredByEntity.remove(key.entity());
        }
    }

    /**
     * Finds every object the save reaches, and links new owners' collection elements to their owners. {@code from}
     * is the object whose field {@code via} holds {@code entity}; both null for a root, and {@code via} null where
     * no field holds it (an object whose key to {@code from} an assignment nulled).
     */
    private void reach(Object entity, Object from, Property via) {
        boolean root = from == null;
        if (marks.containsKey(entity)) {
            return;
        }
        EntityMeta meta = context.meta(entity);
        EntityState state = context.trackedState(entity); // null: new here
        if (state == null) {
            context.checkNotElsewhere(meta, entity, "save");
        }
        EntityState.Status status = state == null ? EntityState.Status.NEW : state.status();
        if (status == EntityState.Status.DELETED) {
            throw reachedDeleted(meta, entity, from, via);
        }
        boolean isNew = status == EntityState.Status.NEW;
        if (!root && !isNew && status != EntityState.Status.MANAGED) {
            return; // a hollow reference: its row exists and nothing of it was loaded to change
        }
        marks.put(entity, Mark.REACHED);
        reachOrder.add(entity);
        List<ForeignKeyProperty> keys = meta.foreignKeys();
        for (int i = 0; i < keys.size(); i++) {
            Object target = context.loadedTarget(meta, keys.get(i), entity);
            if (target != null) {
                if (!isNew && context.isNew(target)) {
                    // Assigned while the target was new, so no collection of the target could take the object in.
                    keyMoves.add(new SavedRelations.KeyMove(entity, keys.get(i), null, target));
                }
                reach(target, entity, keys.get(i));
            }
        }
        if (state != null) {
            for (Object released : state.releasedObjects()) {
                if (!context.isDeleted(released)) { // its row is gone: no key left to write
                    reach(released, entity, null);
                }
            }
        }
        List<InverseProperty> inverses = meta.inverses();
        for (int i = 0; i < inverses.size(); i++) {
            InverseProperty inverse = inverses.get(i);
            reachInverse(entity, isNew, inverse, meta.access().get(entity, inverse.slot()));
        }
        List<ManyToManyProperty> manyToMany = meta.manyToMany();
        for (int i = 0; i < manyToMany.size(); i++) {
            ManyToManyProperty m2m = manyToMany.get(i);
            Object value = meta.access().get(entity, m2m.slot());
            for (Object element : elements(entity, isNew, m2m, value)) {
                reach(element, entity, m2m);
                if (isNew && !(value instanceof LiveCollection)) {
                    links.add(new SavedRelations.Link(m2m, entity, element));
                }
            }
        }
    }

    /** A deleted object is refused, named by the field the save reached it through, which is what needs changing. */
    private WeftException reachedDeleted(EntityMeta meta, Object entity, Object from, Property via) {
        String deleted = ErrorTranslator.describe(meta, entity);
        if (via == null) {
            return new WeftException("cannot save " + deleted + ": it was deleted; save a new object to store it "
                    + "again. Nothing was changed.");
        }
        String advice;
        if (via instanceof ForeignKeyProperty key) {
            advice = "point " + via.qualifiedName() + " at another " + meta.name() + (key.nullable() ? " or at null" : "");
        } else if (via instanceof InverseProperty inverse && !inverse.isCollection()) {
            advice = "set " + via.qualifiedName() + " to another " + meta.name() + " or to null";
        } else {
            advice = "remove it from " + via.qualifiedName();
        }
        return new WeftException("cannot save " + ErrorTranslator.describe(via.owner(), from) + ": its " + via.name()
                + " holds " + deleted + ", which was deleted; " + advice + ", or save a new " + meta.name()
                + " in its place. Nothing was changed.");
    }

    private void reachInverse(Object owner, boolean isNew, InverseProperty inverse, Object value) {
        if (value == null) {
            if (isNew) {
                collections.add(new SavedRelations.NewCollection(owner, inverse, List.of(), null));
            }
            return;
        }
        if (!inverse.isCollection()) {
            checkElement(owner, inverse, value, inverse.mappedBy().owner());
            if (context.isDeleted(value)) { // before the checks below: a deleted object's key names its old owner
                throw reachedDeleted(inverse.mappedBy().owner(), value, owner, inverse);
            }
            if (isNew) {
                checkNotTaken(owner, inverse, value);
                pointKey(value, inverse.mappedBy(), owner);
                collections.add(new SavedRelations.NewCollection(owner, inverse, List.of(value), value));
            }
            reach(value, owner, inverse);
            return;
        }
        for (Object element : elements(owner, isNew, inverse, value)) {
            if (isNew && !(value instanceof LiveCollection)) {
                claim(owner, inverse, element);
                pointKey(element, inverse.mappedBy(), owner);
            }
            reach(element, owner, inverse);
        }
    }

    /**
     * The elements of a collection field to reach: a live collection's loaded ones; a new owner's plain collection
     * whole (it becomes live once saved).
     */
    private List<Object> elements(Object owner, boolean isNew, Property property, Object value) {
        if (value instanceof LiveCollection live) {
            List<Object> loaded = live.owner() == owner ? live.loadedElements() : null;
            return loaded == null ? List.of() : loaded;
        }
        if (!isNew || !(value instanceof Collection<?> plain)) {
            return List.of(); // a loaded owner's assigned collection was written when it was assigned
        }
        List<Object> elements = new ArrayList<>(plain);
        EntityMeta elementMeta = property instanceof InverseProperty inverse ? inverse.mappedBy().owner()
                : ((ManyToManyProperty) property).target();
        for (Object element : elements) {
            checkElement(owner, property, element, elementMeta);
        }
        collections.add(new SavedRelations.NewCollection(owner, property, elements, value));
        return elements;
    }

    private void checkElement(Object owner, Property property, Object element, EntityMeta elementMeta) {
        if (element == null || !elementMeta.type().isInstance(element)) {
            throw new WeftException("cannot save " + ErrorTranslator.describe(property.owner(), owner) + ": "
                    + property.qualifiedName() + " holds "
                    + (element == null ? "null" : Naming.withArticle(Naming.className(element, elementMeta.type())))
                    + ", but only " + elementMeta.name() + " objects belong there; remove it.");
        }
    }

    /**
     * A new owner given an object that another owner holds through a one-to-one key is refused, as the assignment
     * is for a saved owner: the object is taken from its owner explicitly, never silently by a save.
     */
    private void checkNotTaken(Object owner, InverseProperty inverse, Object value) {
        ForeignKeyProperty key = inverse.mappedBy();
        Object holder = key.owner().access().get(value, key.slot());
        if (holder != null && holder != owner) {
            EntityMeta ownerMeta = inverse.owner();
            String holderName = ErrorTranslator.describe(ownerMeta, holder);
            // A key that cannot be null cannot be taken from its holder first: moving the key moves it at once.
            String takeIt = key.nullable()
                    ? "take it from " + holderName + " first (set its " + inverse.name() + " to null)"
                    : "move it by setting " + ErrorTranslator.describe(key.owner(), value) + "." + key.name()
                            + " to this " + ownerMeta.name() + " instead (" + key.qualifiedName() + " cannot be null, "
                            + "so " + holderName + " cannot let go of it first)";
            throw new UniqueViolationException("cannot save " + ErrorTranslator.describe(ownerMeta, owner) + ": "
                    + inverse.qualifiedName() + " holds " + ErrorTranslator.describe(key.owner(), value)
                    + ", which belongs to " + holderName + " through " + key.qualifiedName()
                    + ", and that is one-to-one; " + takeIt + ", or use another " + key.owner().name()
                    + ". Nothing was changed.");
        }
    }

    /**
     * An element in the one-to-many collections of two new owners is refused: its key holds one owner, and which
     * one the save wrote would depend on the order it reached them, while both collections would go on holding it.
     * Two collection fields can share a key ({@code mappedBy}), so claims are by key.
     */
    private void claim(Object owner, InverseProperty inverse, Object element) {
        ForeignKeyProperty key = inverse.mappedBy();
        if (claims == null) {
            claims = new IdentityHashMap<>();
        }
        Claim earlier = claims.computeIfAbsent(key, k -> new IdentityHashMap<>())
                .putIfAbsent(element, new Claim(owner, inverse));
        if (earlier != null && earlier.owner() != owner) {
            String ownerName = inverse.owner().name();
            String where = earlier.collection() == inverse
                    ? inverse.qualifiedName() + " of two new " + ownerName + " objects"
                    : earlier.collection().qualifiedName() + " of one new " + ownerName + " and "
                            + inverse.qualifiedName() + " of another";
            throw new WeftException("cannot save " + ErrorTranslator.describe(key.owner(), element) + ": it is in "
                    + where + ", but " + key.qualifiedName() + " holds one " + ownerName + "; remove it from one of "
                    + "the two collections. Nothing was changed.");
        }
    }

    /** Points an element's key at a new owner that holds it in a collection, as adding it to a live one would. */
    private void pointKey(Object element, ForeignKeyProperty key, Object owner) {
        EntityMeta meta = key.owner();
        Object current = meta.access().get(element, key.slot());
        if (current == owner) {
            return;
        }
        journal.touch(element);
        meta.access().set(element, key.slot(), owner);
        EntityState state = context.trackedState(element);
        if (state != null) {
            state.markDirty(key.slot());
            keyMoves.add(new SavedRelations.KeyMove(element, key, current, owner));
        }
    }

    /**
     * Orders {@code entity} after the new objects its keys point at; a key to an object whose row exists can be
     * written at any time, and that object is ordered as a root. Null when done; the key to defer when a cycle had to
     * be broken at a key this walk already followed, and the walk must start again.
     */
    private Deferred visit(Object entity) {
        Mark visited = marks.get(entity);
        if (visited == Mark.VISITING || visited == Mark.DONE) {
            return null;
        }
        EntityMeta meta = context.meta(entity);
        marks.put(entity, Mark.VISITING);
        path.add(entity);
        List<ForeignKeyProperty> keys = meta.foreignKeys();
        for (int i = 0; i < keys.size(); i++) {
            ForeignKeyProperty fk = keys.get(i);
            Object target = context.loadedTarget(meta, fk, entity);
            if (target == null || !context.isNew(target) || isDeferred(entity, fk)) {
                continue;
            }
            if (marks.get(target) == Mark.VISITING) {
                Deferred broken = breakCycle(entity, fk, target);
                if (broken != null) {
                    return broken;
                }
                continue;
            }
            pathKeys.add(fk);
            Deferred broken = visit(target);
            if (broken != null) {
                return broken;
            }
            pathKeys.remove(pathKeys.size() - 1);
        }
        path.remove(path.size() - 1);
        marks.put(entity, Mark.DONE);
        order.add(entity);
        return null;
    }

    /**
     * Breaks the cycle of new objects that {@code fk} of {@code entity} closes back to {@code target}, by writing one
     * nullable key of it as NULL first: the closing key when it is nullable (null is returned, the walk goes on);
     * otherwise the first nullable key the walk followed along the cycle, which is returned for the walk to start
     * again. Which object of the cycle the save began with must not decide whether it can be saved.
     */
    private Deferred breakCycle(Object entity, ForeignKeyProperty fk, Object target) {
        if (fk.nullable()) {
            defer(new Deferred(entity, fk));
            return null;
        }
        for (int i = path.lastIndexOf(target); i < path.size() - 1; i++) {
            if (pathKeys.get(i).nullable()) {
                return new Deferred(path.get(i), pathKeys.get(i));
            }
        }
        throw new WeftException("cannot save " + ErrorTranslator.describe(fk.owner(), entity) + ": its key "
                + fk.qualifiedName() + " closes a cycle of new objects through " + fk.target().name()
                + ", and no key of the cycle can be NULL while the others are inserted, so none of these objects "
                + "can be inserted first; make one of the keys nullable (@ForeignKey(nullable = true)), or point one "
                + "of them at an object that is saved already. Nothing was changed.");
    }
}
