package dev.weft.internal.enhance;

/**
 * Called by enhanced code around every access of a persistent field of an entity that the runtime
 * manages. Slots number the persistent fields as the class's {@code $weft$fields} lists them.
 *
 * <p>Scalar and relation fields are told apart by the enhancer, so that a write of a scalar field costs
 * no boxing: the runtime only needs to know that it changed.
 */
public interface FieldInterceptor {

    /** Before a scalar field is read: a hollow reference loads its row here. */
    void beforeRead(Object entity, int slot);

    /**
     * Before a scalar field is written: it is dirty from now on, and a hollow reference loads its row
     * first, so that the load cannot overwrite the new value.
     */
    void beforeWrite(Object entity, int slot);

    /** Before a relation field (an entity or a collection) is read: a lazy relation loads here. */
    void beforeRelationRead(Object entity, int slot);

    /**
     * Before a field that holds one related object is read where no row may load (in {@code toString},
     * {@code equals} and {@code hashCode}): a foreign key whose object was not made yet gets it here, from the
     * identity map or as a hollow reference, so that the field shows what the key points at.
     */
    void beforeKeyPeek(Object entity, int slot);

    /**
     * Before a relation field is written with {@code value}: the runtime keeps the other side of the
     * relation consistent and marks the field dirty.
     */
    void beforeRelationWrite(Object entity, int slot, Object value);
}
