package dev.weft.internal.relation;

import dev.weft.DetachedException;
import dev.weft.NotNullViolationException;
import dev.weft.Query;
import dev.weft.QueryException;
import dev.weft.RelationSet;
import dev.weft.UniqueViolationException;
import dev.weft.WeftException;
import dev.weft.internal.jdbc.Connector;
import dev.weft.internal.jdbc.SqlFailure;
import dev.weft.internal.jdbc.SqlWork;
import dev.weft.internal.meta.CollectionKind;
import dev.weft.internal.meta.EntityMeta;
import dev.weft.internal.meta.ForeignKeyProperty;
import dev.weft.internal.meta.InverseProperty;
import dev.weft.internal.meta.ManyToManyProperty;
import dev.weft.internal.meta.Metamodel;
import dev.weft.internal.meta.Naming;
import dev.weft.internal.meta.Property;
import dev.weft.internal.persist.Cohort;
import dev.weft.internal.persist.EntityState;
import dev.weft.internal.persist.ErrorTranslator;
import dev.weft.internal.persist.MemoryJournal;
import dev.weft.internal.persist.PersistenceContext;
import dev.weft.internal.persist.Persister;
import dev.weft.internal.persist.RelationWriter;
import dev.weft.internal.persist.SavedRelations;
import dev.weft.internal.query.BatchLoader;
import dev.weft.internal.query.QueryEngine;
import dev.weft.internal.query.RelationLoader;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Relations of one database at run time: what enhanced code's reads and writes of relation fields do, the live
 * collections and their changes, and {@code Database.related}. Every change writes the database first, in one
 * atomic step, and only then changes memory, so a refused change leaves both as they were.
 */
public final class Relations implements PersistenceContext.RelationHooks, RelationLoader {

    private final Connector connector;
    private final PersistenceContext context;
    private final QueryEngine queries;
    private final BatchLoader loader;
    private final Persister persister;
    private final RelationWriter writer;
    private final Backrefs backrefs;

    public Relations(Connector connector, PersistenceContext context, Metamodel metamodel, QueryEngine queries,
                     BatchLoader loader, Persister persister, ErrorTranslator errors) {
        this.connector = connector;
        this.context = context;
        this.queries = queries;
        this.loader = loader;
        this.persister = persister;
        this.writer = new RelationWriter(connector, context, errors);
        this.backrefs = new Backrefs(context, metamodel);
    }

    // ---- Database.related

    /** The live collection of a declared collection field of a saved object. */
    public <E> RelationSet<E> related(Object owner, String field) {
        EntityMeta meta = context.meta(owner);
        Property property = meta.property(field);
        boolean collection = property instanceof ManyToManyProperty
                || property instanceof InverseProperty inverse && inverse.isCollection();
        if (!collection) {
            throw new QueryException("related(" + meta.name() + ", \"" + field + "\"): " + meta.name()
                    + (property == null ? " has no field " + field : "." + field + " is not a collection relation")
                    + "; its collection relations are " + collectionNames(meta) + ". For the reverse of a foreign key "
                    + "that " + meta.name() + " declares no field for, use related(owner, ElementClass.class, \"key\").");
        }
        return live(owner, savedState(owner, field), RelationSide.of(property));
    }

    /**
     * The objects of {@code elementType} whose foreign key {@code field} points at the owner, or that its
     * many-to-many field {@code field} links to the owner: a relation whether or not the owner declares it.
     */
    public <E> RelationSet<E> related(Object owner, Class<E> elementType, String field) {
        EntityMeta meta = context.meta(owner);
        EntityMeta element = context.metaOf(elementType);
        Property property = element.property(field);
        RelationSide side;
        if (property instanceof ForeignKeyProperty key && key.target() == meta) {
            side = new RelationSide.ReverseKey(key);
        } else if (property instanceof ManyToManyProperty m2m && m2m.target() == meta) {
            side = new RelationSide.Junction(m2m.junction(), !m2m.owning());
        } else {
            throw new QueryException("related(" + meta.name() + ", " + element.name() + ".class, \"" + field + "\"): "
                    + element.name() + (property == null ? " has no field " + field
                    : "." + field + " does not refer to " + meta.name())
                    + "; name a foreign key or many-to-many field of " + element.name() + " that refers to " + meta.name()
                    + " (" + referringNames(element, meta) + ").");
        }
        return live(owner, savedState(owner, field), side);
    }

    // ---- what enhanced code's accesses do

    @Override
    public void beforeRead(Object entity, EntityState state, Property property) {
        if (property instanceof InverseProperty inverse && !inverse.isCollection()) {
            if (!state.inverseLoaded(inverse.slot())) {
                loadInverse(entity, state, inverse);
            }
            return;
        }
        Object current = state.meta().access().get(entity, property.slot());
        if (current instanceof LiveRelation<?> held && held.owner == entity && held.side.field() == property) {
            return; // the common case, and allocation-free: the field already holds its live relation
        }
        LiveRelation<?> live = live(entity, state, RelationSide.of(property));
        if (current != live) {
            state.meta().access().set(entity, property.slot(), live);
        }
    }

    @Override
    public void beforeWrite(Object entity, EntityState state, Property property, Object value) {
        if (property instanceof ForeignKeyProperty key) {
            Object old = key.owner().access().get(entity, key.slot());
            if (old != value) {
                if (value != null) {
                    context.checkNotElsewhere(key.target(), value, "set " + describe(entity) + "." + key.name());
                }
                if (value != null && key.oneToOne()) {
                    checkFree(entity, key, value);
                }
                backrefs.keyMoved(entity, key, old, value, null);
            }
        } else if (property instanceof InverseProperty inverse && !inverse.isCollection()) {
            if (value != null) {
                context.checkNotElsewhere(inverse.mappedBy().owner(), value,
                        "set " + describe(entity) + "." + inverse.name());
            }
            inverseAssigned(entity, state, inverse, value);
        } else {
            LiveRelation<?> live = live(entity, state, RelationSide.of(property));
            if (value != live) {
                set(live, value == null ? List.of() : new ArrayList<>((Collection<?>) value));
            }
        }
    }

    @Override
    public void keyMoved(Object entity, ForeignKeyProperty key, Object from, Object to, MemoryJournal journal) {
        backrefs.keyMoved(entity, key, from, to, journal);
    }

    @Override
    public boolean mayHold(EntityMeta meta) {
        return backrefs.mayHold(meta);
    }

    @Override
    public void deletedRows(EntityMeta meta, Set<Object> ids, MemoryJournal journal) {
        backrefs.deletedRows(meta, ids, journal);
    }

    @Override
    public void deleted(Object entity, EntityMeta meta, MemoryJournal journal) {
        backrefs.deleted(entity, meta, journal);
    }

    @Override
    public void saved(SavedRelations saved, MemoryJournal journal) {
        for (SavedRelations.NewCollection collection : saved.collections()) {
            Object owner = collection.owner();
            EntityState state = context.trackedState(owner);
            Property property = collection.property();
            if (state == null) {
                continue;
            }
            if (property instanceof InverseProperty inverse && !inverse.isCollection()) {
                state.inverseLoaded(inverse.slot(), true);
                continue;
            }
            LiveRelation<?> live = live(owner, state, RelationSide.of(property));
            live.savedAs(collection.elements());
            state.meta().access().set(owner, property.slot(), live);
            // A rolled-back save makes the owner new again: its field gets back the collection it held.
            journal.onRevert(() -> state.meta().access().set(owner, property.slot(), collection.value()));
        }
        for (SavedRelations.KeyMove move : saved.keys()) {
            backrefs.keyMoved(move.entity(), move.key(), move.from(), move.to(), journal);
        }
        // A save lists the links of one owner's collection together: each run of them is taken in at once.
        List<SavedRelations.Link> links = saved.links();
        for (int start = 0, end; start < links.size(); start = end) {
            SavedRelations.Link first = links.get(start);
            List<Object> elements = new ArrayList<>();
            for (end = start; end < links.size() && links.get(end).owner() == first.owner()
                    && links.get(end).property() == first.property(); end++) {
                elements.add(links.get(end).element());
            }
            ManyToManyProperty m2m = first.property();
            backrefs.linked(new RelationSide.Junction(m2m.junction(), m2m.owning()), first.owner(), elements,
                    journal);
        }
    }

    // ---- loading

    /** Loads the relation, with the same relation of every object of the owner's cohort that has not loaded it. */
    void load(LiveRelation<?> relation) {
        RelationSide side = relation.side;
        requireOpen(relation.owner, () -> side.describe(relation.owner));
        List<LiveRelation<?>> batch = new ArrayList<>();
        batch.add(relation);
        for (Object peer : peers(relation.owner)) {
            EntityState state = context.trackedState(peer);
            LiveRelation<?> live = live(peer, state, side);
            if (live != relation && !live.isLoaded()) {
                batch.add(live);
            }
        }
        load(batch, side);
    }

    /** Loads the relations of {@code batch}, all of them the same side of different owners, with one query. */
    private void load(List<LiveRelation<?>> batch, RelationSide side) {
        int evictions = context.evictions();
        List<Object> ids = new ArrayList<>(batch.size());
        for (LiveRelation<?> live : batch) {
            ids.add(side.owner().idOf(live.owner));
        }
        Map<Object, List<Object>> byOwner;
        if (side instanceof RelationSide.ReverseKey reverse) {
            byOwner = loader.referencing(reverse.key(), ids, side.order());
        } else {
            RelationSide.Junction junction = (RelationSide.Junction) side;
            byOwner = loader.linked(side.element(), junction.table(), junction.ownerColumn(), junction.elementColumn(),
                    side.owner().id().type(), ids);
        }
        for (int i = 0; i < batch.size(); i++) {
            LiveRelation<?> live = batch.get(i);
            List<Object> elements = byOwner.getOrDefault(ids.get(i), List.of());
            if (side instanceof RelationSide.ReverseKey reverse) {
                pointAt(elements, reverse.key(), live.owner);
            }
            live.loaded(elements, evictions);
        }
        // Read inside a transaction, the elements may include what it wrote: if it rolls back, they are read again.
        context.onRollback(() -> batch.forEach(LiveRelation::refresh));
    }

    // ---- prefetchRelated

    /**
     * Loads {@code relation} for every one of {@code owners} that has not loaded it, with one statement, and
     * returns the objects it relates them to, each once, when {@code related} asks for them: the next level of a
     * nested prefetch.
     */
    @Override
    public List<Object> prefetch(List<Object> owners, Property relation, boolean related) {
        List<Object> managed = new ArrayList<>(owners.size());
        for (Object owner : owners) {
            EntityState state = context.trackedState(owner);
            if (state != null && state.status() == EntityState.Status.MANAGED && state.meta() == relation.owner()) {
                managed.add(owner);
            }
        }
        if (managed.isEmpty()) {
            return List.of();
        }
        requireOpen(managed.get(0), relation::qualifiedName);
        if (relation instanceof ForeignKeyProperty key) {
            return prefetchTargets(managed, key);
        }
        if (relation instanceof InverseProperty inverse && !inverse.isCollection()) {
            return prefetchInverse(managed, inverse);
        }
        return prefetchCollections(managed, RelationSide.of(relation), related);
    }

    /** The objects the owners' keys point at, the hollow ones loaded with one statement. */
    private List<Object> prefetchTargets(List<Object> owners, ForeignKeyProperty key) {
        Set<Object> seen = identitySet(List.of());
        List<Object> targets = new ArrayList<>();
        List<Object> hollow = new ArrayList<>();
        for (Object owner : owners) {
            Object target = key.owner().access().get(owner, key.slot());
            if (target != null && seen.add(target)) {
                targets.add(target);
                EntityState state = context.trackedState(target);
                if (state != null && state.status() == EntityState.Status.HOLLOW) {
                    hollow.add(key.target().idOf(target));
                }
            }
        }
        loader.loadAll(key.target(), hollow);
        return targets;
    }

    /** The objects of the owners' inverse one-to-one fields, those not loaded yet loaded with one statement. */
    private List<Object> prefetchInverse(List<Object> owners, InverseProperty inverse) {
        List<Object> unloaded = owners.stream()
                .filter(owner -> !context.trackedState(owner).inverseLoaded(inverse.slot())).toList();
        if (!unloaded.isEmpty()) {
            loadInverse(unloaded, inverse);
        }
        Set<Object> seen = identitySet(List.of());
        List<Object> values = new ArrayList<>();
        for (Object owner : owners) {
            Object value = inverse.owner().access().get(owner, inverse.slot());
            if (value != null && seen.add(value)) {
                values.add(value);
            }
        }
        return values;
    }

    /** The elements of the owners' collections on {@code side}, those not loaded yet loaded with one statement. */
    private List<Object> prefetchCollections(List<Object> owners, RelationSide side, boolean related) {
        List<LiveRelation<?>> lives = new ArrayList<>(owners.size());
        List<LiveRelation<?>> unloaded = new ArrayList<>();
        for (Object owner : owners) {
            LiveRelation<?> live = live(owner, context.trackedState(owner), side);
            lives.add(live);
            if (!live.isLoaded()) {
                unloaded.add(live);
            }
        }
        if (!unloaded.isEmpty()) {
            load(unloaded, side);
        }
        if (!related) {
            return List.of();
        }
        Set<Object> seen = identitySet(List.of());
        List<Object> elements = new ArrayList<>();
        for (LiveRelation<?> live : lives) {
            for (Object element : live.elements()) {
                if (seen.add(element)) {
                    elements.add(element);
                }
            }
        }
        return elements;
    }

    /**
     * The elements of an owner's collection point at that owner, even where the identity map no longer held it
     * (evicted) and their keys were read as references to its row.
     */
    private static void pointAt(List<Object> elements, ForeignKeyProperty key, Object owner) {
        for (Object element : elements) {
            if (key.owner().access().get(element, key.slot()) != owner) {
                key.owner().access().set(element, key.slot(), owner);
            }
        }
    }

    /** Loads an inverse one-to-one field ({@code user.profile}), with that of every object of the owner's cohort. */
    private void loadInverse(Object owner, EntityState state, InverseProperty inverse) {
        EntityMeta meta = state.meta();
        requireOpen(owner, () -> meta.name() + "#" + meta.idOf(owner) + "." + inverse.name());
        List<Object> owners = new ArrayList<>();
        owners.add(owner);
        for (Object peer : peers(owner)) {
            EntityState peerState = context.trackedState(peer);
            if (peer != owner && !peerState.inverseLoaded(inverse.slot())) {
                owners.add(peer);
            }
        }
        loadInverse(owners, inverse);
    }

    /** Loads an inverse one-to-one field of each of {@code owners} with one query. */
    private void loadInverse(List<Object> owners, InverseProperty inverse) {
        EntityMeta meta = inverse.owner();
        List<Object> ids = new ArrayList<>(owners.size());
        for (Object o : owners) {
            ids.add(meta.idOf(o));
        }
        Map<Object, List<Object>> byOwner = loader.referencing(inverse.mappedBy(), ids, List.of());
        for (int i = 0; i < owners.size(); i++) {
            List<Object> found = byOwner.getOrDefault(ids.get(i), List.of());
            Object o = owners.get(i);
            meta.access().set(o, inverse.slot(), found.isEmpty() ? null : found.get(0));
            context.trackedState(o).inverseLoaded(inverse.slot(), true);
        }
    }

    /** The other loaded objects read in the same result set as {@code owner}, whose relations load with its. */
    private List<Object> peers(Object owner) {
        EntityState state = context.trackedState(owner);
        Cohort cohort = state == null ? null : state.cohort();
        if (cohort == null) {
            return List.of();
        }
        List<Object> peers = new ArrayList<>();
        for (Object member : cohort.members()) {
            EntityState peer = context.trackedState(member);
            // a reference whose row is not read yet has its id, which is all its relations need to load
            if (member != owner && peer != null && peer.meta() == state.meta()
                    && (peer.status() == EntityState.Status.MANAGED || peer.status() == EntityState.Status.HOLLOW)) {
                peers.add(member);
            }
        }
        return peers;
    }

    // ---- changes through a live collection

    boolean add(LiveRelation<?> relation, List<?> elements) {
        List<Object> checked = checked(relation, elements, true);
        MemoryJournal journal = new MemoryJournal(context);
        List<Runnable> after = new ArrayList<>();
        boolean changed = write(relation, "add to", () -> addRows(relation, checked, journal, after), journal::revert);
        after.forEach(Runnable::run);
        return changed;
    }

    boolean remove(LiveRelation<?> relation, List<?> elements) {
        List<Object> checked = checked(relation, elements, false);
        MemoryJournal journal = new MemoryJournal(context);
        List<Runnable> after = new ArrayList<>();
        boolean changed = write(relation, "remove from", () -> removeRows(relation, checked, journal, after),
                journal::revert);
        after.forEach(Runnable::run);
        return changed;
    }

    /** {@code List.set(index, e)}: one element for another, in one step. */
    void replace(LiveRelation<?> relation, Object old, Object element) {
        exchange(relation, "replace an element of", List.of(old), checked(relation, Collections.singletonList(element), true));
    }

    void set(LiveRelation<?> relation, List<?> elements) {
        List<Object> wanted = checked(relation, elements, true);
        List<Object> current = new ArrayList<>(relation.elements());
        wanted.replaceAll(relation::canonical); // an evicted object stands for the row the relation holds
        Set<Object> keep = identitySet(wanted);
        Set<Object> have = identitySet(current);
        exchange(relation, "set", current.stream().filter(e -> !keep.contains(e)).toList(),
                wanted.stream().filter(e -> !have.contains(e)).toList());
    }

    /** Removes some elements and adds others in one atomic step. */
    private void exchange(LiveRelation<?> relation, String action, List<Object> dropped, List<Object> added) {
        MemoryJournal journal = new MemoryJournal(context);
        List<Runnable> after = new ArrayList<>();
        write(relation, action, () -> {
            removeRows(relation, dropped, journal, after);
            return addRows(relation, added, journal, after);
        }, journal::revert);
        after.forEach(Runnable::run);
    }

    void clear(LiveRelation<?> relation) {
        Object owner = relation.owner;
        RelationSide side = relation.side;
        requireUsable(relation, "clear");
        Object ownerId = side.owner().idOf(owner);
        if (side instanceof RelationSide.ReverseKey reverse) {
            ForeignKeyProperty key = reverse.key();
            if (!key.nullable()) {
                if (relation.exists()) {
                    throw notNull(relation, key, "clear", "delete them (" + side.describe(owner) + " query().delete()) or move "
                            + "each to another " + key.target().name());
                }
                return;
            }
            MemoryJournal journal = new MemoryJournal(context);
            List<Object> ids = write(relation, "clear", () -> writer.clearKeys(key, ownerId), journal::revert);
            List<Object> loaded = relation.loadedElements();
            for (Object id : ids) {
                context.updatedRow(key.owner(), id, List.of(key), Collections.singletonList(null), journal);
            }
            if (loaded != null) {
                for (Object element : loaded) {
                    backrefs.keyMoved(element, key, owner, null, journal);
                    releaseUnwrittenKey(element, key, owner, journal);
                }
            }
            Backrefs.refreshOnRevert(relation, journal);
        } else {
            RelationSide.Junction junction = (RelationSide.Junction) side;
            MemoryJournal journal = new MemoryJournal(context);
            List<Object> ids = write(relation, "clear", () -> writer.unlinkAll(junction.table(), junction.ownerColumn(),
                    side.owner(), ownerId, junction.elementColumn(), side.element()), journal::revert);
            for (Object id : ids) {
                Object element = context.cached(side.element(), id);
                if (element != null) {
                    backrefs.unlinked(junction, owner, element, journal);
                }
            }
            Backrefs.refreshOnRevert(relation, journal);
        }
        relation.loaded(List.of(), context.evictions());
    }

    /**
     * Nulls the key of a loaded element that points at the owner only in memory (moved here by an assignment not
     * saved yet): the rows {@code clear} nulled do not include it, and saving it would put it back in the relation.
     */
    private void releaseUnwrittenKey(Object element, ForeignKeyProperty key, Object owner, MemoryJournal journal) {
        if (key.owner().access().get(element, key.slot()) == owner) {
            journal.touch(element);
            pointInMemory(element, key, null);
        }
    }

    /** The database part of adding; what memory must do once it committed goes to {@code after}. */
    private boolean addRows(LiveRelation<?> relation, List<Object> elements, MemoryJournal journal, List<Runnable> after)
            throws SQLException {
        Object owner = relation.owner;
        boolean changed = false;
        if (relation.side instanceof RelationSide.ReverseKey reverse) {
            ForeignKeyProperty key = reverse.key();
            EntityMeta meta = key.owner();
            for (Object element : elements) {
                Object previous = meta.access().get(element, key.slot());
                if (previous == owner && keyWritten(element, key, owner)) {
                    continue;
                }
                journal.touch(element);
                meta.access().set(element, key.slot(), owner);
                if (context.isNew(element)) {
                    persister.save(List.of(element));
                } else {
                    writer.setKey(element, key, owner);
                    after.add(() -> rowHolds(element, key, owner));
                }
                after.add(() -> backrefs.keyMoved(element, key, previous, owner, journal));
                changed = true;
            }
            return changed;
        }
        RelationSide.Junction side = (RelationSide.Junction) relation.side;
        Object ownerId = side.owner().idOf(owner);
        List<Object> elementIds = new ArrayList<>(elements.size());
        List<Object> linked = new ArrayList<>(elements.size());
        for (Object element : elements) {
            if (relation.holds(element) && !context.isNew(element)) {
                continue;
            }
            if (context.isNew(element)) {
                persister.save(List.of(element));
            }
            elementIds.add(side.element().idOf(element));
            linked.add(element);
        }
        if (!linked.isEmpty()) {
            // one action, not one per element: linking 1,000 books made 1,000
            after.add(() -> backrefs.linked(side, owner, linked, journal));
        }
        return !elementIds.isEmpty() && writer.linkAll(side.table(), side.ownerColumn(), side.owner(), ownerId,
                side.elementColumn(), side.element(), elementIds);
    }

    /** The database part of removing; refuses before writing anything when a key cannot be null. */
    private boolean removeRows(LiveRelation<?> relation, List<Object> elements, MemoryJournal journal,
                               List<Runnable> after)
            throws SQLException {
        Object owner = relation.owner;
        boolean changed = false;
        if (relation.side instanceof RelationSide.ReverseKey reverse) {
            ForeignKeyProperty key = reverse.key();
            EntityMeta meta = key.owner();
            List<Object> linked = new ArrayList<>();
            for (Object element : elements) {
                loadIfHollow(element);
                if (meta.access().get(element, key.slot()) == owner) {
                    linked.add(element);
                }
            }
            if (!linked.isEmpty() && !key.nullable()) {
                throw notNull(relation, key, "remove " + describe(linked.get(0)) + " from",
                        "delete it (db.delete) or move it to another " + key.target().name() + " ("
                                + Character.toLowerCase(meta.name().charAt(0)) + meta.name().substring(1) + "."
                                + key.name() + " = other)");
            }
            for (Object element : linked) {
                if (!context.isNew(element)) {
                    writer.setKey(element, key, null);
                }
                after.add(() -> {
                    journal.touch(element);
                    meta.access().set(element, key.slot(), null);
                    rowHolds(element, key, null);
                    backrefs.keyMoved(element, key, owner, null, journal);
                });
                changed = true;
            }
            return changed;
        }
        RelationSide.Junction side = (RelationSide.Junction) relation.side;
        Object ownerId = side.owner().idOf(owner);
        for (Object element : elements) {
            if (!context.isNew(element)) {
                changed |= writer.unlink(side.table(), side.ownerColumn(), side.owner(), ownerId, side.elementColumn(),
                        side.element(), side.element().idOf(element));
            }
            after.add(() -> backrefs.unlinked(side, owner, element, journal));
        }
        return changed;
    }

    /** Whether the element's row already holds its key pointing at {@code owner}. */
    private boolean keyWritten(Object element, ForeignKeyProperty key, Object owner) {
        EntityState state = context.trackedState(element);
        return state != null && state.status() == EntityState.Status.MANAGED && state.snapshot() != null
                && Objects.equals(state.snapshot()[key.columnIndex()], key.target().idOf(owner));
    }

    /** Records that the element's row now holds the key, so that saving the element does not write it again. */
    private void rowHolds(Object element, ForeignKeyProperty key, Object target) {
        EntityState state = context.trackedState(element);
        if (state != null && state.snapshot() != null) {
            state.snapshot()[key.columnIndex()] = target == null ? null : key.target().idOf(target);
        }
    }

    /** A query over the relation's elements, in its declared order. */
    <E> Query<E> query(LiveRelation<E> relation) {
        RelationSide side = relation.side;
        requireOpen(relation.owner, () -> side.describe(relation.owner));
        @SuppressWarnings("unchecked")
        Class<E> type = (Class<E>) side.element().type();
        Object ownerId = side.owner().idOf(relation.owner);
        if (side instanceof RelationSide.ReverseKey reverse) {
            Query<E> query = queries.referencing(type, reverse.key(), ownerId);
            return side.order().isEmpty() ? query : query.order(side.order().toArray(String[]::new));
        }
        RelationSide.Junction junction = (RelationSide.Junction) side;
        return queries.linked(type, side.element(), junction.table(), junction.ownerColumn(), junction.elementColumn(),
                side.owner().id().type(), ownerId);
    }

    // ---- single-valued relation writes

    /** {@code profile.user = user} for a one-to-one key: refused where {@code user} is known to have another profile. */
    private void checkFree(Object entity, ForeignKeyProperty key, Object target) {
        if (!(key.inverse() instanceof InverseProperty inverse) || inverse.isCollection()) {
            return;
        }
        EntityState targetState = context.trackedState(target);
        if (targetState == null || !targetState.inverseLoaded(inverse.slot())) {
            return;
        }
        Object holder = key.target().access().get(target, inverse.slot());
        if (holder != null && holder != entity) {
            String freeIt = "set " + describe(holder) + "." + key.name() + " to another " + key.target().name()
                    + (key.nullable() ? " or null first"
                    : context.isNew(holder) ? " first (" + key.qualifiedName() + " cannot be null)" // no row to delete
                    : " or delete " + describe(holder) + " (db.delete) first (" + key.qualifiedName() + " cannot be null)");
            throw new UniqueViolationException("cannot set " + describe(entity) + "." + key.name() + " to "
                    + describe(target) + ": " + describe(holder) + " already has it, and " + key.qualifiedName()
                    + " is one-to-one; " + freeIt + ", or choose another one. Nothing was changed.");
        }
    }

    /** {@code user.profile = p}: the key of {@code p} follows; the profile it replaces is released. */
    private void inverseAssigned(Object owner, EntityState state, InverseProperty inverse, Object value) {
        ForeignKeyProperty key = inverse.mappedBy();
        if (!state.inverseLoaded(inverse.slot())) {
            loadInverse(owner, state, inverse);
        }
        Object old = state.meta().access().get(owner, inverse.slot());
        if (old == value) {
            return;
        }
        if (value != null && context.isDeleted(value)) {
            throw new WeftException("cannot give " + describe(value) + " to " + describe(owner) + " ("
                    + inverse.qualifiedName() + "): it was deleted; give it another " + key.owner().name()
                    + ", or a new one. Nothing was changed.");
        }
        // An unsaved one is let go of even where its key cannot be null: it has no row to leave without an owner.
        boolean dropOld = old != null && !key.nullable() && context.isNew(old);
        // First: where the owner's own one cannot be let go, no other one can be taken in.
        if (old != null && !key.nullable() && !dropOld) {
            throw new NotNullViolationException("cannot replace " + describe(old) + " as " + describe(owner) + "."
                    + inverse.name() + ": " + key.qualifiedName() + " cannot be null, so " + describe(old)
                    + " cannot be left without " + Naming.withArticle(key.target().name())
                    + "; delete it (db.delete) first. Nothing was changed.");
        }
        if (value != null) {
            loadIfHollow(value);
            Object holder = key.owner().access().get(value, key.slot());
            if (holder != null && holder != owner) {
                // A key that cannot be null cannot be taken from its holder first: moving the key moves it at once.
                String takeIt = key.nullable()
                        ? "take it from " + describe(holder) + " first (set its " + inverse.name() + " to null)"
                        : "move it by setting " + describe(value) + "." + key.name() + " to " + describe(owner)
                                + " instead (" + key.qualifiedName() + " cannot be null, so " + describe(holder)
                                + " cannot let go of it first)";
                throw new UniqueViolationException("cannot give " + describe(value) + " to " + describe(owner) + " ("
                        + inverse.qualifiedName() + "): it belongs to " + describe(holder) + " through "
                        + key.qualifiedName() + ", which is one-to-one; " + takeIt + ", or use another "
                        + key.owner().name() + ". Nothing was changed.");
            }
        }
        if (old != null) {
            pointInMemory(old, key, null);
            backrefs.keyMoved(old, key, owner, null, null);
            if (!dropOld) { // a dropped one is not saved: without an owner it could not be inserted
                state.released(old);
            }
        }
        if (value != null) {
            pointInMemory(value, key, owner);
            backrefs.keyMoved(value, key, null, owner, null);
        }
        state.inverseLoaded(inverse.slot(), true);
    }

    /** Sets a key as the application would, so that saving writes it. */
    private void pointInMemory(Object element, ForeignKeyProperty key, Object target) {
        key.owner().access().set(element, key.slot(), target);
        EntityState state = context.trackedState(element);
        if (state != null) {
            state.markDirty(key.slot());
        }
    }

    // ---- helpers

    @SuppressWarnings("unchecked")
    private <E> LiveRelation<E> live(Object owner, EntityState state, RelationSide side) {
        Object made = state.relation(side); // first, without a capturing factory per read
        return (LiveRelation<E>) (made != null ? made : state.relation(side, s -> {
            backrefs.collectionMade(side);
            return side.kind() == CollectionKind.SET || side.kind() == CollectionKind.RELATION_SET
                    ? new LiveSet<>(this, owner, side) : new LiveList<>(this, owner, side);
        }));
    }

    private EntityState savedState(Object owner, String field) {
        EntityState state = context.trackedState(owner);
        if (state == null) {
            context.checkNotElsewhere(context.meta(owner), owner, "use related(" + context.meta(owner).name() + ", \""
                    + field + "\")");
        }
        if (state == null || state.status() == EntityState.Status.NEW) {
            throw new WeftException("related(" + context.meta(owner).name() + ", \"" + field + "\"): the "
                    + context.meta(owner).name() + " is not saved in this database; save it first.");
        }
        return state;
    }

    /** See {@link PersistenceContext#evictions}. */
    int evictions() {
        return context.evictions();
    }

    /** Whether {@code element} is an object of the relation's side that the application evicted. */
    boolean evicted(RelationSide side, Object element) {
        return context.evictions() != 0 && side.element().type().isInstance(element)
                && context.evicted(side.element(), element);
    }

    /**
     * The element of a loaded relation that is the same row as {@code element}, by the row's id; null if none. Only
     * once the application evicted objects can two objects be one row, so it is asked only then.
     */
    Object sameRow(RelationSide side, List<?> elements, Object element) {
        Object id = rowId(side, element);
        if (id == null) {
            return null;
        }
        for (Object held : elements) {
            if (id.equals(rowId(side, held))) {
                return held;
            }
        }
        return null;
    }

    /** The id of an object's row; null where it has none: a new object, or not an object of the relation's side. */
    Object rowId(RelationSide side, Object element) {
        EntityMeta meta = side.element();
        if (!meta.type().isInstance(element) || context.trackedState(element) == null) {
            return null;
        }
        return context.rowId(meta, element);
    }

    /** The elements as given, checked: entities of the relation's element type, each once. */
    private List<Object> checked(LiveRelation<?> relation, List<?> elements, boolean adding) {
        requireUsable(relation, adding ? "add to" : "remove from");
        Class<?> type = relation.side.element().type();
        Set<Object> seen = identitySet(elements.size());
        List<Object> checked = new ArrayList<>(elements.size());
        for (Object element : elements) {
            if (element == null) {
                if (adding) {
                    throw new NullPointerException("cannot add null to " + relation.side.describe(relation.owner));
                }
                continue;
            }
            if (!type.isInstance(element)) {
                if (adding) {
                    throw new ClassCastException("cannot add " + Naming.withArticle(Naming.className(element, type))
                            + " to " + relation.side.describe(relation.owner) + ": it holds " + type.getSimpleName()
                            + " objects");
                }
                continue;
            }
            if (seen.add(element)) {
                EntityState state = context.trackedState(element);
                if (adding && state == null) { // removing one is a no-op: no collection here holds it
                    context.checkNotElsewhere(relation.side.element(), element,
                            "add to " + relation.side.describe(relation.owner));
                }
                if (adding && state != null && state.status() == EntityState.Status.DELETED) {
                    throw new WeftException("cannot add " + describe(element) + " to "
                            + relation.side.describe(relation.owner) + ": it was deleted.");
                }
                checked.add(element);
            }
        }
        return checked;
    }

    private void requireUsable(LiveRelation<?> relation, String action) {
        requireOpen(relation.owner, () -> relation.side.describe(relation.owner));
        EntityState state = context.trackedState(relation.owner);
        if (state != null && state.status() == EntityState.Status.DELETED) {
            throw new WeftException("cannot " + action + " " + relation.side.describe(relation.owner)
                    + ": its owner was deleted.");
        }
    }

    /** Refuses to load for an object of a closed database; {@code what} it wanted is only described then. */
    private void requireOpen(Object owner, Supplier<String> what) {
        if (context.closed()) {
            throw new DetachedException("cannot use " + what.get() + ": it is not loaded, and the Database of "
                    + context.meta(owner).name() + "#" + context.meta(owner).idOf(owner) + " was closed; read what "
                    + "you need before closing, or get the object again from an open Database.");
        }
    }

    private void loadIfHollow(Object entity) {
        EntityState state = context.trackedState(entity);
        if (state != null) {
            state.ensureLoaded(entity);
        }
    }

    private <R> R write(LiveRelation<?> relation, String action, SqlWork<R> work, Runnable revert) {
        try {
            return connector.withConnection(() -> connector.atomically(work, revert));
        } catch (SqlFailure failure) {
            throw ErrorTranslator.unexplained("cannot " + action + " " + relation.side.describe(relation.owner),
                    failure.sqlException());
        }
    }

    private NotNullViolationException notNull(LiveRelation<?> relation, ForeignKeyProperty key, String action,
                                              String fix) {
        return new NotNullViolationException("cannot " + action + " " + relation.side.describe(relation.owner) + ": "
                + key.qualifiedName() + " cannot be null, so " + Naming.withArticle(key.owner().name())
                + " cannot be left without " + Naming.withArticle(key.target().name()) + "; " + fix
                + ". Nothing was changed.");
    }

    private String describe(Object entity) {
        EntityMeta meta = context.meta(entity);
        Object id = meta.idOf(entity);
        return meta.isUnsetId(id) ? "a new " + meta.name() : meta.name() + "#" + id;
    }

    private static Set<Object> identitySet(int expected) {
        return Collections.newSetFromMap(new IdentityHashMap<>(expected));
    }

    private static Set<Object> identitySet(Collection<?> elements) {
        Set<Object> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(elements);
        return set;
    }

    private static String collectionNames(EntityMeta meta) {
        List<String> names = new ArrayList<>();
        meta.inverses().stream().filter(InverseProperty::isCollection).forEach(p -> names.add(p.name()));
        meta.manyToMany().forEach(p -> names.add(p.name()));
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static String referringNames(EntityMeta element, EntityMeta owner) {
        List<String> names = new ArrayList<>();
        element.foreignKeys().stream().filter(k -> k.target() == owner).forEach(k -> names.add(k.name()));
        element.manyToMany().stream().filter(m -> m.target() == owner).forEach(m -> names.add(m.name()));
        return names.isEmpty() ? "it has none" : String.join(", ", names);
    }
}
