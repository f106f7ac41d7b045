package dev.weft.internal.relation;

import dev.weft.Query;
import dev.weft.RelationSet;
import dev.weft.internal.persist.LiveCollection;

import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One owner's side of a relation, live: reading loads the elements once (with those of the owner's cohort) and
 * keeps them; {@code add}, {@code remove}, {@code clear} and {@code set} write the relation at once; queries run
 * scoped to the owner. Elements are distinct by identity, which the identity map makes identity of rows, until the
 * application evicts objects: from then on an object and the instance loaded since for its row are one element
 * ({@link #held}).
 *
 * @param <E> the element entity type
 */
abstract class LiveRelation<E> extends AbstractCollection<E> implements RelationSet<E>, LiveCollection {

    private static final int SCANNED = 16;
    /** An {@link #evictions} no count equals: the relation holds an evicted object, and matches by row from now on. */
    private static final int HOLDS_EVICTED = -1;

    final Relations relations;
    final Object owner;
    final RelationSide side;
    /** The elements in memory, in the relation's order; null until loaded. Guarded by {@code this}. */
    private List<E> items;
    /**
     * The elements again, as a set by identity, once there are more than {@link #SCANNED} of them; until then a
     * scan of {@code items} answers as fast, and most relations stay that small: a prefetch of many owners would
     * otherwise make a set for each.
     */
    private Set<Object> members;
    /**
     * The context's {@link dev.weft.internal.persist.PersistenceContext#evictions} when the elements were loaded,
     * or {@link #HOLDS_EVICTED} once an evicted object joined them: while it is the context's count, every element
     * is the identity map's object of its row, and identity alone says which rows the relation holds.
     */
    private int evictions;
    /**
     * The elements by row id, made the first time a relation of more than {@link #SCANNED} elements is asked for a
     * row ({@link #sameRow}): a loop of such questions would otherwise scan the elements each time. Null until then.
     */
    private Map<Object, Object> byRow;

    LiveRelation(Relations relations, Object owner, RelationSide side) {
        this.relations = relations;
        this.owner = owner;
        this.side = side;
    }

    @Override
    public Object owner() {
        return owner;
    }

    @Override
    public synchronized List<Object> loadedElements() {
        return items == null ? null : new ArrayList<>(items);
    }

    synchronized boolean isLoaded() {
        return items != null;
    }

    /** The elements, loading them first if needed; a copy, safe to iterate while the relation changes. */
    List<E> elements() {
        if (!isLoaded()) {
            relations.load(this);
        }
        synchronized (this) {
            return items == null ? List.of() : new ArrayList<>(items);
        }
    }

    /**
     * The relation as the database holds it now: replaces what was in memory. {@code evictions} is the context's
     * count from before the elements were read, so that an eviction while they were read counts as after.
     */
    synchronized void loaded(Collection<?> elements, int evictions) {
        items = new ArrayList<>(elements.size());
        members = elements.size() > SCANNED ? Collections.newSetFromMap(new IdentityHashMap<>(elements.size())) : null;
        byRow = null;
        this.evictions = evictions;
        for (Object element : elements) {
            if (!holdsInstance(element)) {
                append(element); // a load gives the identity map's objects
            }
        }
    }

    /**
     * A new owner's collection, just saved: the objects it held, which the application gave and which may include
     * an evicted object besides the instance loaded since for its row. One element per row.
     */
    synchronized void savedAs(Collection<?> elements) {
        loaded(List.of(), relations.evictions());
        for (Object element : elements) {
            remember(element);
        }
    }

    /** Takes in an element the relation gained, where the relation is in memory. */
    synchronized void remember(Object element) {
        if (items == null || holdsInstance(element)) {
            return;
        }
        boolean evicted = relations.evicted(side, element); // asked once: it looks in the identity map
        if (sameRow(element, evicted) != null) {
            return;
        }
        append(element);
        if (evicted) {
            evictions = HOLDS_EVICTED;
        }
    }

    @SuppressWarnings("unchecked")
    private void append(Object element) {
        items.add((E) element);
        if (byRow != null) {
            byRow.putIfAbsent(relations.rowId(side, element), element);
        }
        if (members != null) {
            members.add(element);
        } else if (items.size() > SCANNED) {
            members = Collections.newSetFromMap(new IdentityHashMap<>(items.size()));
            members.addAll(items);
        }
    }

    /** Drops an element the relation lost, where the relation is in memory. */
    synchronized void forget(Object element) {
        Object held = held(element);
        if (held == null) {
            return;
        }
        unindex(held);
        items.remove(indexOf(held));
    }

    /** Drops the elements whose rows are among {@code ids}; returns them. */
    synchronized List<Object> forgetRows(Set<Object> ids) {
        if (items == null) {
            return List.of();
        }
        List<Object> forgotten = new ArrayList<>(0);
        for (Iterator<E> it = items.iterator(); it.hasNext(); ) {
            E held = it.next();
            Object id = relations.rowId(side, held);
            if (ids.contains(id)) {
                it.remove();
                unindex(held);
                forgotten.add(held);
            }
        }
        return forgotten;
    }

    /** Takes an element leaving {@code items} out of the lookups kept beside them. */
    private void unindex(Object held) {
        if (members != null) {
            members.remove(held);
        }
        if (byRow != null) {
            byRow.remove(relations.rowId(side, held), held);
        }
    }

    synchronized boolean holds(Object element) {
        return held(element) != null;
    }

    /**
     * The element in memory that is {@code element}'s row: itself, or once the application evicted objects, another
     * instance of the row. Null when the relation does not hold the row, or is not loaded.
     */
    synchronized Object held(Object element) {
        if (items == null) {
            return null;
        }
        return holdsInstance(element) ? element : sameRow(element, relations.evicted(side, element));
    }

    /**
     * Another element in memory for {@code element}'s row, looked for only where there can be one: in a relation
     * loaded before an eviction or holding an evicted object, or for an evicted {@code element}.
     */
    private Object sameRow(Object element, boolean evicted) {
        if (!evicted && evictions == relations.evictions()) {
            return null;
        }
        if (items.size() <= SCANNED) {
            return relations.sameRow(side, items, element);
        }
        if (byRow == null) {
            byRow = new HashMap<>(items.size() * 2);
            for (Object held : items) {
                byRow.putIfAbsent(relations.rowId(side, held), held);
            }
        }
        Object id = relations.rowId(side, element);
        return id == null ? null : byRow.get(id);
    }

    private boolean holdsInstance(Object element) {
        return members != null ? members.contains(element) : indexOf(element) >= 0;
    }

    /** {@code element}, or the element in memory that stands for the same row. */
    synchronized Object canonical(Object element) {
        Object held = held(element);
        return held != null ? held : element;
    }

    private int indexOf(Object element) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == element) {
                return i;
            }
        }
        return -1;
    }

    /** Moves an element of the loaded relation to a position (for {@code List.add(index, e)}); memory only. */
    synchronized void place(Object element, int index) {
        Object held = held(element);
        int from = held == null ? -1 : indexOf(held);
        if (from >= 0) {
            items.remove(from);
            @SuppressWarnings("unchecked") E e = (E) held;
            items.add(Math.min(index, items.size()), e);
        }
    }

    synchronized void reorder(Comparator<? super E> order) {
        if (items != null) {
            items.sort(order);
        }
    }

    @Override
    public int size() {
        if (!isLoaded()) {
            relations.load(this); // with the cohort, as iteration would: no query per owner in a loop
        }
        synchronized (this) {
            return items == null ? 0 : items.size();
        }
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    @Override
    public boolean contains(Object o) {
        if (!isLoaded()) {
            relations.load(this);
        }
        return holds(o);
    }

    @Override
    public Iterator<E> iterator() {
        Iterator<E> snapshot = elements().iterator();
        return new Iterator<>() {
            private E last;

            @Override
            public boolean hasNext() {
                return snapshot.hasNext();
            }

            @Override
            public E next() {
                last = snapshot.next();
                return last;
            }

            @Override
            public void remove() {
                if (last == null) {
                    throw new IllegalStateException("next() first");
                }
                relations.remove(LiveRelation.this, List.of(last));
                last = null;
            }
        };
    }

    @Override
    public boolean add(E element) {
        return relations.add(this, Collections.singletonList(element));
    }

    @Override
    @SafeVarargs
    public final boolean add(E first, E... more) {
        List<Object> all = new ArrayList<>(1 + more.length);
        all.add(first);
        Collections.addAll(all, more);
        return relations.add(this, all);
    }

    @Override
    public boolean addAll(Collection<? extends E> elements) {
        return relations.add(this, new ArrayList<>(elements));
    }

    @Override
    public boolean remove(Object element) {
        return relations.remove(this, Collections.singletonList(element));
    }

    @Override
    public boolean removeAll(Collection<?> elements) {
        return relations.remove(this, new ArrayList<>(elements));
    }

    @Override
    public boolean retainAll(Collection<?> keep) {
        List<E> now = elements(); // loaded first: only a loaded relation knows which of its elements an object is
        Set<Object> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Object element : keep) {
            kept.add(canonical(element));
        }
        List<Object> dropped = new ArrayList<>();
        for (E element : now) {
            if (!kept.contains(element)) {
                dropped.add(element);
            }
        }
        return relations.remove(this, dropped);
    }

    @Override
    public void clear() {
        relations.clear(this);
    }

    @Override
    public void set(Collection<? extends E> elements) {
        relations.set(this, new ArrayList<>(elements));
    }

    @Override
    public Query<E> query() {
        return relations.query(this);
    }

    @Override
    public Query<E> filter(String lookup, Object value) {
        return query().filter(lookup, value);
    }

    @Override
    public Query<E> order(String... fields) {
        return query().order(fields);
    }

    @Override
    public long count() {
        synchronized (this) {
            if (items != null) {
                return items.size();
            }
        }
        return query().count();
    }

    @Override
    public boolean exists() {
        synchronized (this) {
            if (items != null) {
                return !items.isEmpty();
            }
        }
        return query().exists();
    }

    @Override
    public List<E> fetchAll() {
        return elements();
    }

    @Override
    public Optional<E> fetchFirst() {
        synchronized (this) {
            if (items != null) {
                return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0));
            }
        }
        return query().fetchFirst();
    }

    @Override
    public synchronized void refresh() {
        items = null;
        members = null;
        byRow = null;
    }

    /** Shows the elements where they are in memory, and never loads: printing an object must not query. */
    @Override
    public synchronized String toString() {
        return items != null ? items.toString() : side.describe(owner) + " (not loaded)";
    }
}
