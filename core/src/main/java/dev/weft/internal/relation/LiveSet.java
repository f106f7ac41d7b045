package dev.weft.internal.relation;

import java.util.HashSet;
import java.util.Set;

/** A live relation for a field declared {@code Set<E>} or {@code RelationSet<E>}: a set, with {@link Set}'s equality. */
final class LiveSet<E> extends LiveRelation<E> implements Set<E> {

    LiveSet(Relations relations, Object owner, RelationSide side) {
        super(relations, owner, side);
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof Set<?> other)) {
            return false;
        }
        return new HashSet<>(elements()).equals(other);
    }

    @Override
    public int hashCode() {
        return new HashSet<>(elements()).hashCode();
    }
}
