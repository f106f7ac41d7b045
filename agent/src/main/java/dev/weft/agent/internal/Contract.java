package dev.weft.agent.internal;

/**
 * The names of weft-core's enhancement contract ({@code dev.weft.internal.enhance.Enhanced},
 * {@code FieldInterceptor} and {@code UnsavedCollections}), which the enhancer writes into class files. The agent
 * knows them by name and does not link against weft-core, as it matches {@code @Entity} by name: so the enhancer is
 * a pure bytecode tool that weft-core's own tests can run under, and the agent jar can never carry a second copy of
 * the runtime. weft-core's test suite checks that every name here matches the contract it defines.
 */
public final class Contract {

    /**
     * The contract version this enhancer writes; weft-core refuses classes that carry another one. Version 2: the
     * read accessor of a collection relation of an object without an interceptor fills a {@code null} field with
     * {@link #UNSAVED_COLLECTIONS}{@code .create}. Version 3: {@link #GET_BY_SLOT} and {@link #SET_BY_SLOT}.
     * Version 4: {@link #PEEK_PREFIX} accessors of to-one relations, read in {@code toString}, {@code equals} and
     * {@code hashCode}.
     */
    public static final int VERSION = 4;

    public static final String ENHANCED = "dev.weft.internal.enhance.Enhanced";
    public static final String FIELD_INTERCEPTOR = "dev.weft.internal.enhance.FieldInterceptor";

    public static final String INTERCEPTOR_FIELD = "$weft$interceptor";
    public static final String FIELDS_FIELD = "$weft$fields";
    public static final String VERSION_FIELD = "$weft$version";
    public static final String READ_PREFIX = "$weft$read$";
    public static final String WRITE_PREFIX = "$weft$write$";
    /** {@code $weft$peek$f()}: the read of a to-one relation where no row may load; calls {@link #BEFORE_KEY_PEEK}. */
    public static final String PEEK_PREFIX = "$weft$peek$";
    /** {@code public Object $weft$get(int slot)}: the field in the slot, boxed, without the interceptor. */
    public static final String GET_BY_SLOT = "$weft$get";
    /** {@code public void $weft$set(int slot, Object value)}: sets the field, without the interceptor. */
    public static final String SET_BY_SLOT = "$weft$set";

    /** {@code FieldInterceptor} methods, all {@code (Object entity, int slot)} but the relation write. */
    public static final String BEFORE_READ = "beforeRead";
    public static final String BEFORE_WRITE = "beforeWrite";
    public static final String BEFORE_RELATION_READ = "beforeRelationRead";
    public static final String BEFORE_RELATION_WRITE = "beforeRelationWrite";
    public static final String BEFORE_KEY_PEEK = "beforeKeyPeek";
    public static final String SLOT_DESCRIPTOR = "(Ljava/lang/Object;I)V";
    public static final String RELATION_WRITE_DESCRIPTOR = "(Ljava/lang/Object;ILjava/lang/Object;)V";

    /**
     * {@code public static Object create(Class<?> declaredType)}: the empty collection that a collection relation
     * of an unsaved object starts with, for a field declared {@code List}, {@code Set}, {@code Collection} or
     * {@code RelationSet}.
     */
    public static final String UNSAVED_COLLECTIONS = "dev.weft.internal.enhance.UnsavedCollections";
    public static final String CREATE_UNSAVED = "create";
    public static final String CREATE_UNSAVED_DESCRIPTOR = "(Ljava/lang/Class;)Ljava/lang/Object;";

    private Contract() {
    }
}
