package dev.weft.internal.persist;

import java.util.List;

/** A live relation collection, as a save sees it: whose it is, and what of it is in memory. */
public interface LiveCollection {

    /** The object whose relation this is. */
    Object owner();

    /** The elements in memory, or {@code null} when the relation was not loaded. */
    List<Object> loadedElements();
}
