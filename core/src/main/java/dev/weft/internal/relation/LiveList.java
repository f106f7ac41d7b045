package dev.weft.internal.relation;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A live relation for a field declared {@code List<E>}: in the relation's order ({@code @OneToMany(orderBy)}, else
 * by id), then in the order elements were added. Positions are kept in memory only: the database keeps no order
 * of its own, so {@code add(index, e)} and {@code sort} arrange what is loaded, and a reload orders afresh.
 */
final class LiveList<E> extends LiveRelation<E> implements List<E> {

    LiveList(Relations relations, Object owner, RelationSide side) {
        super(relations, owner, side);
    }

    @Override
    public E get(int index) {
        return elements().get(index);
    }

    @Override
    public E set(int index, E element) {
        E old = get(index);
        if (old != element) {
            relations.replace(this, old, element);
            place(element, index);
        }
        return old;
    }

    @Override
    public void add(int index, E element) {
        add(element);
        place(element, index);
    }

    @Override
    public boolean addAll(int index, Collection<? extends E> elements) {
        boolean changed = addAll(elements);
        int position = index;
        for (E element : elements) {
            place(element, position++);
        }
        return changed;
    }

    @Override
    public E remove(int index) {
        E element = get(index);
        remove(element);
        return element;
    }

    @Override
    public int indexOf(Object o) {
        return elements().indexOf(o);
    }

    @Override
    public int lastIndexOf(Object o) {
        return elements().lastIndexOf(o);
    }

    /** A read-only iterator over the elements as they are now. */
    @Override
    public ListIterator<E> listIterator() {
        return new Snapshot<>(elements(), "a listIterator of " + side.describe(owner)).listIterator();
    }

    @Override
    public ListIterator<E> listIterator(int index) {
        return new Snapshot<>(elements(), "a listIterator of " + side.describe(owner)).listIterator(index);
    }

    /** A read-only copy of a range of the elements as they are now. */
    @Override
    public List<E> subList(int fromIndex, int toIndex) {
        return new Snapshot<>(elements().subList(fromIndex, toIndex), "a subList of " + side.describe(owner));
    }

    /**
     * Replaces each element by what {@code operator} makes of it, in one atomic step ({@link #set(Collection)}), then
     * puts the replacements in the places of the elements they replace.
     *
     * @throws IllegalArgumentException if two elements would become one object: a relation holds each row once
     */
    @Override
    public void replaceAll(UnaryOperator<E> operator) {
        List<E> now = elements();
        List<E> next = new ArrayList<>(now.size());
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>(now.size()));
        for (E element : now) {
            E replacement = operator.apply(element);
            if (!seen.add(canonical(replacement))) {
                throw new IllegalArgumentException("replaceAll on " + side.describe(owner) + " would hold " + replacement
                        + " twice, and a relation holds each row once; nothing was changed.");
            }
            next.add(replacement);
        }
        set(next);
        for (int i = 0; i < next.size(); i++) {
            place(next.get(i), i);
        }
    }

    /** Sorts the loaded elements in memory; the relation itself has no order to change. */
    @Override
    public void sort(Comparator<? super E> order) {
        elements();
        reorder(order);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof List<?> other && elements().equals(other));
    }

    @Override
    public int hashCode() {
        return elements().hashCode();
    }

    /**
     * A copy of elements that refuses changes with a message that says where to make them: a change to a copy
     * would write nothing, and the relation's own methods write at once.
     */
    private static final class Snapshot<E> extends AbstractList<E> implements RandomAccess {
        private final List<E> elements;
        private final String what;

        Snapshot(List<E> elements, String what) {
            this.elements = List.copyOf(elements);
            this.what = what;
        }

        @Override
        public E get(int index) {
            return elements.get(index);
        }

        @Override
        public int size() {
            return elements.size();
        }

        @Override
        public E set(int index, E element) {
            throw readOnly();
        }

        @Override
        public void add(int index, E element) {
            throw readOnly();
        }

        @Override
        public E remove(int index) {
            throw readOnly();
        }

        private UnsupportedOperationException readOnly() {
            return new UnsupportedOperationException(what + " is a read-only copy; change the relation itself "
                    + "(add, remove, set(index, e)), which writes at once.");
        }
    }
}
