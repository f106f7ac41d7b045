package dev.weft.internal.meta;

/**
 * The interceptor of a loaded object whose foreign-key fields wait for their objects until first read: a row
 * read gives such a field only its key (in the snapshot), and the object it points at is made, from the identity
 * map or as a hollow reference, when the field is first read. Most keys of most rows are never followed, and an
 * object per key per row was most of what reading a row cost beyond JDBC.
 *
 * <p>{@link EntityAccess} is the runtime's only way to the fields, so it gives each waiting key its object before
 * a read and tells of every write.
 */
public interface DeferredKeys {

    /** Gives the foreign-key field in {@code slot} its object, if it still waits for it. */
    void resolveKey(Object entity, int slot);

    /** The runtime set the foreign-key field in {@code slot}: it waits no more. */
    void keyWritten(int slot);
}
