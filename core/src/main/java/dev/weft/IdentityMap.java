package dev.weft;

/**
 * How long a {@link Database} keeps the objects it loaded, to answer later loads of the same row with
 * the same instance. Either way one row is one instance while the application holds it.
 */
public enum IdentityMap {
    /** Keep an object while the application references it (the default). */
    WEAK,
    /** Also keep objects the application dropped, until the garbage collector needs the memory. */
    SOFT
}
