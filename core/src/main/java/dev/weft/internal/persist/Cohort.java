package dev.weft.internal.persist;

import java.util.ArrayList;
import java.util.List;

/**
 * Objects of one entity that came from one result set. When the application first follows a lazy relation of
 * one of them, the same relation of all of them loads with it, in one query: a loop over a thousand books that
 * reads {@code book.author.name} costs two statements, not a thousand and one.
 *
 * <p>A cohort keeps its members reachable as long as one of them is, which is the price of that batching; a
 * result set is bounded by the query that read it (and {@code Query.stream()} reads in pages, each its own
 * cohort).
 */
public final class Cohort {

    private final List<Object> members = new ArrayList<>();

    /** The members, in the order they were read; a snapshot, so loading may add to the cohort meanwhile. */
    public synchronized List<Object> members() {
        return List.copyOf(members);
    }

    synchronized void add(Object entity) {
        members.add(entity);
    }
}
