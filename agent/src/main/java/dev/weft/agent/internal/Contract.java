package dev.weft.agent.internal;

/**
 * The names of weft-core's enhancement contract ({@code dev.weft.internal.enhance.Enhanced} and
 * {@code FieldInterceptor}), which the enhancer writes into class files. The agent knows them by name and does
 * not link against weft-core, as it matches {@code @Entity} by name: so the enhancer is a pure bytecode tool that
 * weft-core's own tests can run under, and the agent jar can never carry a second copy of the runtime. weft-core's
 * test suite checks that every name here matches the contract it defines.
 */
public final class Contract {

    /** The contract version this enhancer writes; weft-core refuses classes that carry another one. */
    public static final int VERSION = 1;

    public static final String ENHANCED = "dev.weft.internal.enhance.Enhanced";
    public static final String FIELD_INTERCEPTOR = "dev.weft.internal.enhance.FieldInterceptor";

    public static final String INTERCEPTOR_FIELD = "$weft$interceptor";
    public static final String FIELDS_FIELD = "$weft$fields";
    public static final String VERSION_FIELD = "$weft$version";
    public static final String READ_PREFIX = "$weft$read$";
    public static final String WRITE_PREFIX = "$weft$write$";

    /** {@code FieldInterceptor} methods, all {@code (Object entity, int slot)} but the relation write. */
    public static final String BEFORE_READ = "beforeRead";
    public static final String BEFORE_WRITE = "beforeWrite";
    public static final String BEFORE_RELATION_READ = "beforeRelationRead";
    public static final String BEFORE_RELATION_WRITE = "beforeRelationWrite";
    public static final String SLOT_DESCRIPTOR = "(Ljava/lang/Object;I)V";
    public static final String RELATION_WRITE_DESCRIPTOR = "(Ljava/lang/Object;ILjava/lang/Object;)V";

    private Contract() {
    }
}
