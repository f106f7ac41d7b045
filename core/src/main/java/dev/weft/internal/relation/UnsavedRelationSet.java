package dev.weft.internal.relation;

import dev.weft.Query;
import dev.weft.RelationSet;
import dev.weft.WeftException;

import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link RelationSet} of an owner that has not been saved: its elements, in memory, until the owner is saved
 * and the runtime writes them ({@link #elements()}). It is what a {@code RelationSet} field of a new object
 * holds when it is first read ({@code dev.weft.internal.enhance.UnsavedCollections}).
 *
 * <p>Elements are kept in the order they were added, each object once: membership is by identity, as a relation
 * links rows, and an entity's {@code equals} may say two distinct objects (two unsaved ones with id 0, say) are
 * equal. {@code null} cannot be added. The {@code Collection} methods, {@link #add(Object, Object[])},
 * {@link #set}, {@link #count}, {@link #exists}, {@link #fetchAll} and {@link #fetchFirst} work in memory, and
 * {@link #refresh} has nothing to forget. {@link #query}, {@link #filter} and {@link #order} need the database and
 * throw a {@link WeftException} that says to save the owner first.
 *
 * <p>{@code toString} lists the elements; {@code equals} and {@code hashCode} are {@code Object}'s, as
 * {@code Collection} allows. Not thread-safe, like the new object that holds it.
 *
 * @param <E> the element entity type
 */
public final class UnsavedRelationSet<E> extends AbstractCollection<E> implements RelationSet<E> {

    private static final String NO_NULL = "a relation cannot hold null: add an object";

    /** The elements by identity, in insertion order. */
    private final Map<Identity, E> elements = new LinkedHashMap<>();

    public UnsavedRelationSet() {
    }

    /** The elements, in the order they were added: an unmodifiable copy. */
    public List<E> elements() {
        return List.copyOf(elements.values());
    }

    @Override
    public int size() {
        return elements.size();
    }

    @Override
    public boolean isEmpty() {
        return elements.isEmpty();
    }

    /** Whether this very object is an element (by identity, not {@code equals}). */
    @Override
    public boolean contains(Object o) {
        return o != null && elements.containsKey(new Identity(o));
    }

    @Override
    public Iterator<E> iterator() {
        return elements.values().iterator();
    }

    /**
     * Adds {@code element} unless this very object is an element already.
     *
     * @throws NullPointerException if {@code element} is {@code null}
     */
    @Override
    public boolean add(E element) {
        Objects.requireNonNull(element, NO_NULL);
        return elements.putIfAbsent(new Identity(element), element) == null;
    }

    /**
     * Adds each object unless it is an element already.
     *
     * @throws NullPointerException if any of them is {@code null}, adding none
     */
    @Override
    @SafeVarargs
    public final boolean add(E first, E... more) {
        Objects.requireNonNull(first, NO_NULL);
        for (E element : more) {
            Objects.requireNonNull(element, NO_NULL);
        }
        boolean changed = add(first);
        for (E element : more) {
            changed |= add(element);
        }
        return changed;
    }

    /** Removes this very object (by identity, not {@code equals}). */
    @Override
    public boolean remove(Object o) {
        return o != null && elements.remove(new Identity(o)) != null;
    }

    @Override
    public void clear() {
        elements.clear();
    }

    /**
     * Makes this relation hold exactly {@code elements}, in their order (each object once).
     *
     * @throws NullPointerException if any of them is {@code null}, changing nothing
     */
    @Override
    public void set(Collection<? extends E> elements) {
        List<E> copy = new ArrayList<>(elements); // elements may be this set
        copy.forEach(element -> Objects.requireNonNull(element, NO_NULL));
        this.elements.clear();
        copy.forEach(this::add);
    }

    @Override
    public Query<E> query() {
        throw notSaved("query()");
    }

    @Override
    public Query<E> filter(String lookup, Object value) {
        throw notSaved("filter(\"" + lookup + "\", ...)");
    }

    @Override
    public Query<E> order(String... fields) {
        throw notSaved("order(...)");
    }

    @Override
    public long count() {
        return elements.size();
    }

    @Override
    public boolean exists() {
        return !elements.isEmpty();
    }

    /** A modifiable copy of the elements, in the order they were added. */
    @Override
    public List<E> fetchAll() {
        return new ArrayList<>(elements.values());
    }

    /** The element added first, if any. */
    @Override
    public Optional<E> fetchFirst() {
        Iterator<E> first = elements.values().iterator();
        return first.hasNext() ? Optional.of(first.next()) : Optional.empty();
    }

    /** Nothing to forget: the elements are only in memory. */
    @Override
    public void refresh() {
    }

    private static WeftException notSaved(String call) {
        return new WeftException("cannot run " + call + " on this relation: its owner has not been saved yet, so the "
                + "relation is only in memory and there is nothing in the database to query; save the owner first "
                + "(db.save(owner)), or iterate the relation, which holds the objects added so far.");
    }

    /** An object compared by identity, as a key. */
    private static final class Identity {
        private final Object object;

        Identity(Object object) {
            this.object = object;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Identity identity && identity.object == object;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(object);
        }
    }
}
