package dev.weft.internal.query;

import dev.weft.internal.meta.Property;

import java.util.List;

/** Loads one relation of many objects at once, for {@code prefetchRelated}; the relation runtime provides it. */
public interface RelationLoader {

    /**
     * Loads {@code relation} for each of {@code owners} that has not loaded it, with at most one statement, and
     * returns the objects it relates them to, each once, when {@code related} asks for them (a nested prefetch goes
     * on from them); else an empty list, without the cost of collecting them.
     */
    List<Object> prefetch(List<Object> owners, Property relation, boolean related);
}
