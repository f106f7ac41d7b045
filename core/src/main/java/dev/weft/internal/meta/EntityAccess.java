package dev.weft.internal.meta;

/**
 * Reads and writes the persistent fields of one entity class by slot number, and makes empty instances
 * for loading rows. The runtime never touches entity fields any other way, so that enhanced classes can
 * answer with generated code instead of reflection.
 */
public interface EntityAccess {

    /** The value of the field in {@code slot}, boxed. */
    Object get(Object entity, int slot);

    /** Sets the field in {@code slot}; {@code null} sets a primitive field to its zero value. */
    void set(Object entity, int slot, Object value);

    /** A new instance made with the no-argument constructor, to be filled from a row. */
    Object newInstance();
}
