package dev.weft.internal.enhance;

/**
 * Implemented by every enhanced entity class, declared on the class itself (the enhancer's marker).
 *
 * <p>What the enhancer adds to an {@code @Entity} class (and to a {@code @MappedSuperclass}, which holds
 * the state field for its subclasses):
 * <ul>
 *   <li>a field {@code $weft$interceptor} of type {@link FieldInterceptor}, {@code transient}, {@code null}
 *       until the runtime attaches one, and the two methods of this interface over it;</li>
 *   <li>for every persistent field {@code f} declared by the class, {@code $weft$read$f()} and
 *       {@code $weft$write$f(value)}, which call the interceptor (when there is one) and then read or write
 *       the field; without an interceptor (an object never saved), the read method of a collection relation
 *       declared {@code List}, {@code Set}, {@code Collection} or {@code RelationSet} first sets a {@code null}
 *       field to {@link UnsavedCollections#create UnsavedCollections.create(declaredType)}, so that a new
 *       object's relations can be added to;</li>
 *   <li>for every persistent field {@code f} that holds one related object (a relation that is not a collection),
 *       {@code $weft$peek$f()}, which calls the interceptor's {@link FieldInterceptor#beforeKeyPeek} (when there is
 *       one) and then reads the field;</li>
 *   <li>{@code $weft$get(int slot)} and {@code $weft$set(int slot, Object value)}, public and not final: the
 *       runtime's own reads and writes of the fields by slot (loading rows, saving, undoing), boxed, without the
 *       interceptor; {@code null} sets a primitive field to its zero value;</li>
 *   <li>a public static final {@code String[] $weft$fields}: the persistent fields in slot order (those of
 *       mapped superclasses first), which is the numbering the interceptor calls use;</li>
 *   <li>a public static final {@code int $weft$version} equal to {@link #CONTRACT_VERSION} of the enhancer
 *       that wrote it;</li>
 *   <li>a no-argument constructor, when the class has none, for loading rows.</li>
 * </ul>
 * Every {@code GETFIELD}/{@code PUTFIELD} of a persistent field, in the entity and in any other enhanced
 * class, becomes a call of the read or write method, except reads inside an entity's own {@code toString},
 * {@code equals} and {@code hashCode}, which never load a row: there a read of a to-one relation calls its peek
 * method, and other reads stay plain. The enhancer adds or changes nothing else.
 */
public interface Enhanced {

    /**
     * The version of this contract; an enhanced class that carries another one is refused. 2: the read methods of
     * collection relations call {@link UnsavedCollections} (classes of version 1 leave them {@code null}). 3: the
     * slot accessors {@link #$weft$get} and {@link #$weft$set}. 4: the peek methods of to-one relations, called in
     * {@code toString}, {@code equals} and {@code hashCode}.
     */
    int CONTRACT_VERSION = 4;

    /** The name of the field that holds the interceptor. */
    String INTERCEPTOR_FIELD = "$weft$interceptor";

    /** The name of the static field that lists the persistent fields in slot order. */
    String FIELDS_FIELD = "$weft$fields";

    /** The name of the static field that holds the contract version. */
    String VERSION_FIELD = "$weft$version";

    /** The prefix of the generated read methods ({@code $weft$read$author}). */
    String READ_PREFIX = "$weft$read$";

    /** The prefix of the generated write methods ({@code $weft$write$author}). */
    String WRITE_PREFIX = "$weft$write$";

    /** The prefix of the generated peek methods of to-one relations ({@code $weft$peek$author}). */
    String PEEK_PREFIX = "$weft$peek$";

    /** The name of the generated read by slot. */
    String GET_BY_SLOT = "$weft$get";

    /** The name of the generated write by slot. */
    String SET_BY_SLOT = "$weft$set";

    /** The interceptor the runtime attached, or {@code null}. */
    FieldInterceptor $weft$interceptor();

    /** Attaches an interceptor ({@code null} detaches). */
    void $weft$interceptor(FieldInterceptor interceptor);

    /** The persistent field in {@code slot}, boxed; the interceptor is not called. */
    Object $weft$get(int slot);

    /**
     * Sets the persistent field in {@code slot}; {@code null} sets a primitive field to its zero value. The
     * interceptor is not called.
     */
    void $weft$set(int slot, Object value);
}
